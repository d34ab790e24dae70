/** Pieces both SDKs' contract tests share: what Prism reported, and what a Connection looks like. */
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * Client options that record Prism's violations (the sl-violations header), from every
 * attempt, and count requests sent. `violations` has every header; `requestViolations`
 * only the violations by the request, leaving out those Prism finds in the spec's own
 * example response (a vendor spec whose example breaks its schema is not the SDK's fault).
 */
export function recorder() {
  const violations: string[] = [];
  const requestViolations: string[] = [];
  const userAgents: (string | null)[] = [];
  let sent = 0;
  return {
    violations,
    requestViolations,
    userAgents,
    sent: () => sent,
    options: {
      fetch: async (request: Request) => {
        sent++;
        userAgents.push(request.headers.get("user-agent"));
        const response = await fetch(request);
        const found = response.headers.get("sl-violations");
        const at = `${request.method} ${new URL(request.url).pathname}`;
        if (found) violations.push(`${at}: ${found}`);
        const byRequest = found ? violationsOfRequest(found) : [];
        if (byRequest.length > 0) requestViolations.push(`${at}: ${JSON.stringify(byRequest)}`);
        return response;
      },
    },
  };
}

/**
 * The entries of an sl-violations header that are not about the response (all of it if
 * it does not parse). Prism cuts a long list short as `Too many violations! [...]`, cut
 * JSON: that counts as the request's only when it names a request location.
 */
export function violationsOfRequest(header: string): unknown[] {
  const cutShort = (text: string) => text.startsWith("Too many violations!");
  const namesRequest = (text: string) => /\\?"location\\?":\s*\[\s*\\?"request/.test(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return cutShort(header) && !namesRequest(header) ? [] : [header];
  }
  if (!Array.isArray(parsed)) return [parsed];
  return parsed.filter((v) => {
    if (typeof v === "string") return !cutShort(v) || namesRequest(v);
    const location = (v as { location?: unknown }).location;
    return !(Array.isArray(location) && location[0] === "response");
  });
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
function expectErrorMessage(error: ErrorMessageLike, status: number, methodPath: string, secret: string): void {
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

/** What an SDK method returns: a Promise of the data that can also give the response. */
export interface SDKCall extends Promise<unknown> {
  withResponse(): Promise<{ data: unknown; response: Response }>;
}

/** One operation of an SDK, as the shared contract suite drives it. */
export interface OperationCase<C> {
  readonly method: string;
  /** Calls the operation with valid arguments; `options` are the SDK's per-call options. */
  readonly call: (client: C, options?: { retries?: { strategy: "none" }; headers?: Record<string, string> }) => SDKCall;
  /** Documented error statuses (`Prefer: code=N` makes Prism answer each). */
  readonly errors: readonly number[];
  /** Asserts the success value. */
  readonly check: (result: unknown) => void;
}

export interface ContractSetup<C> {
  /** A client on the mock; `null` means no credentials. */
  readonly client: (credential: string | null) => { client: C; violations: string[]; userAgents: (string | null)[]; sent: () => number };
  /** The SDK package's package.json: every request's User-Agent names its name and version. */
  readonly manifest: URL;
  /** The SDK's documented error class (ErrorMessage). */
  readonly errorClass: abstract new (...args: never[]) => ErrorMessageLike;
  /** The credential `client` sends, which must never show in an error. */
  readonly credential: string;
}

const NO_RETRIES = { retries: { strategy: "none" as const } };

/**
 * For each operation: success returns the model with no request violation, every
 * documented error status throws the error class with the body's fields, and a client
 * without credentials gets the 401 as that class.
 */
export function describeOperationContracts<C>(cases: readonly OperationCase<C>[], setup: ContractSetup<C>): void {
  const userAgent = expectedUserAgent(setup.manifest);
  describe.each(cases)("connections.$method", ({ method, call, errors, check }) => {
    it("succeeds with the typed model and no request violation, naming the SDK in the User-Agent", async () => {
      const { client, violations, userAgents } = setup.client(setup.credential);
      check(await call(client));
      expect(violations).toEqual([]);
      expect(userAgents).toEqual([userAgent]);
    });

    it("gives the same data with the HTTP response through withResponse(), from one request", async () => {
      const { client, violations, sent } = setup.client(setup.credential);
      const { data, response } = await call(client).withResponse();
      check(data);
      expect(response.ok).toBe(true);
      if (data !== undefined) expect(await response.json()).toEqual(data);
      expect(sent()).toBe(1);
      expect(violations).toEqual([]);
    });

    it.each(errors)("throws the documented error with the body's fields on %i", async (status) => {
      const { client } = setup.client(setup.credential);
      const error = await call(client, { ...NO_RETRIES, headers: { Prefer: `code=${status}` } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(setup.errorClass);
      expectErrorMessage(error as ErrorMessageLike, status, `connections.${method}`, setup.credential);
    });

    it("throws the 401 as the documented error when the client has no credentials", async () => {
      const { client, violations } = setup.client(null);
      const error = await call(client, NO_RETRIES).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(setup.errorClass);
      expect((error as ErrorMessageLike).status).toBe(401);
      expect(violations).toEqual([expect.stringContaining("security")]);
    });
  });
}

/**
 * `<package>/<version> @x/runtime/<version> node/<major.minor>`, from the package.json files,
 * so a generated SDK_VERSION or RUNTIME_VERSION left behind by a version bump shows here.
 */
function expectedUserAgent(manifest: URL): string {
  const read = (url: URL) => JSON.parse(readFileSync(url, "utf8")) as { name: string; version: string };
  const sdk = read(manifest);
  const runtime = read(new URL("../../runtime/package.json", import.meta.url));
  const node = process.versions.node.split(".").slice(0, 2).join(".");
  return `${sdk.name}/${sdk.version} ${runtime.name}/${runtime.version} node/${node}`;
}
