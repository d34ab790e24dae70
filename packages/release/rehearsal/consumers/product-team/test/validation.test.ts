// Strict response validation in a product team's suite: a response missing a required field
// is caught, with its JSON pointer; API drift (an extra field, a new enum value) goes through.
import { ResponseValidationError } from "@x/common";
import { fake, handlers } from "@x/common/testing";
import { http, HttpResponse, type JsonBodyType } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { connectionSummary, createClient } from "../src/connections.js";
import { apiKey, authHeader, BASE, companyId, connectionId, connectionPath } from "./support.js";

const server = setupServer(...handlers({ baseUrl: BASE, seed: 7 }));
const strict = createClient({ apiKey, serverURL: BASE, client: { validateResponses: "strict" } });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function answer(body: JsonBodyType): void {
  server.use(http.get(connectionPath, () => HttpResponse.json(body)));
}

it("strict throws ResponseValidationError on a connection missing integrationKey, naming /integrationKey, without the credential", async () => {
  const { integrationKey: _dropped, ...missing } = fake.connection();
  answer(missing);
  const error = await connectionSummary(strict, companyId, connectionId).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ResponseValidationError);
  const e = error as ResponseValidationError;
  expect(e.issues.map((i) => i.pointer)).toContain("/integrationKey");
  expect(e.issues.every((i) => typeof i.expected === "string" && i.expected !== "")).toBe(true);
  const shown = `${e.message}\n${JSON.stringify(e)}\n${JSON.stringify(e.issues)}`;
  expect(shown).not.toContain(authHeader);
  expect(shown).not.toContain(apiKey);
});

it("strict lets an extra field and a status the spec does not list through, as received", async () => {
  answer({ ...fake.connection({ platformName: "Basiq" }), addedByTheApiLater: { nested: true }, status: "Suspended" });
  await expect(connectionSummary(strict, companyId, connectionId)).resolves.toBe("Basiq (Suspended)");
});

it("off (the default) returns a body missing a required field as received", async () => {
  const { integrationKey: _dropped, ...missing } = fake.connection({ platformName: "Basiq", status: "Linked" });
  answer(missing);
  const lenient = createClient({ apiKey, serverURL: BASE });
  await expect(connectionSummary(lenient, companyId, connectionId)).resolves.toBe("Basiq (Linked)");
});
