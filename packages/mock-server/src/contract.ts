/** Pieces both SDKs' contract tests share: what Prism reported, and what a Connection looks like. */
import { inspect } from "node:util";
import { expect } from "vitest";

/** Client options that record Prism's request violations and count requests sent. */
export function recorder() {
  const violations: string[] = [];
  let sent = 0;
  return {
    violations,
    sent: () => sent,
    options: {
      fetch: (request: Request) => {
        sent++;
        return fetch(request);
      },
      hooks: {
        afterResponse: (ctx: { methodPath: string }, response: Response) => {
          const found = response.headers.get("sl-violations");
          if (found) violations.push(`${ctx.methodPath}: ${found}`);
        },
      },
    },
  };
}

/** The fields every Connection has, as the API facts describe them. */
export const connectionShape = {
  id: expect.stringMatching(/^[0-9a-f-]{36}$/),
  integrationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  integrationKey: expect.stringMatching(/^[a-z]{4}$/),
  sourceId: expect.stringMatching(/^[0-9a-f-]{36}$/),
  sourceType: expect.stringMatching(/^(Accounting|Banking|Commerce|Other|Unknown)$/),
  platformName: expect.any(String),
  linkUrl: expect.stringMatching(/^https:\/\//),
  status: expect.stringMatching(/^(PendingAuth|Linked|Unlinked|Deauthorized)$/),
  created: expect.any(String),
};

interface ErrorMessageLike {
  status: number;
  headers: Headers;
  rawResponse: Response;
  message: string;
}

/** An ErrorMessage as Prism serves the spec's examples, with no trace of the credential. */
export function expectErrorMessage(error: ErrorMessageLike, status: number, methodPath: string, secret: string): void {
  expect(error.status).toBe(status);
  expect(error).toMatchObject({
    statusCode: status,
    service: "PublicApi",
    error: expect.any(String),
    correlationId: expect.stringMatching(/^[0-9a-f]{32}$/),
    canBeRetried: expect.stringMatching(/^(True|False|Unknown)$/),
    detailedErrorCode: expect.any(Number),
    methodPath,
  });
  expect(error.headers.get("content-type")).toContain("application/json");
  expect(error.rawResponse).toBeInstanceOf(Response);
  expect(error.message).toContain(String(status));
  for (const text of [error.message, String(error), inspect(error), JSON.stringify(error)]) {
    expect(text).not.toContain(secret);
  }
}
