// The SDK's test kit (@x/common/testing) in a product team's suite: its MSW handlers answer
// every call of the app, an override answers a documented error, and listAll pages to the end.
import { ErrorMessage } from "@x/common";
import { fake, handlers } from "@x/common/testing";
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { connectionsPage, connectionSummary, createClient, statusCounts } from "../src/connections.js";
import { apiKey, BASE, companyId, connectionId, connectionPath } from "./support.js";

const server = setupServer(...handlers({ baseUrl: BASE, seed: 42 }));
const client = createClient({ apiKey, serverURL: BASE });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it("answers connections.get with a connection of the spec's statuses, the same for the same seed", async () => {
  const summary = await connectionSummary(client, companyId, connectionId);
  expect(summary).toMatch(/^.+ \((PendingAuth|Linked|Unlinked|Deauthorized)\)$/);
  await expect(connectionSummary(client, companyId, connectionId)).resolves.toBe(summary);
});

it("a typed builder overrides one answer: fake.connection({ status: \"Unlinked\" })", async () => {
  server.use(http.get(connectionPath, () => HttpResponse.json(fake.connection({ status: "Unlinked", platformName: "Xero" }))));
  await expect(connectionSummary(client, companyId, connectionId)).resolves.toBe("Xero (Unlinked)");
});

it("an override answers a documented error (404 ErrorMessage), which the app sees typed", async () => {
  server.use(http.get(connectionPath, () => HttpResponse.json({ statusCode: 404, service: "PublicApi", error: "Data connection not found" }, { status: 404 })));
  const error = await connectionSummary(client, companyId, connectionId).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ErrorMessage);
  expect((error as ErrorMessage).status).toBe(404);
  expect((error as ErrorMessage).error).toBe("Data connection not found");
});

it("pages are consistent: listAll ends, having seen as many connections as the first page's totalResults", async () => {
  const first = await connectionsPage(client, companyId, 1, 2);
  expect(first.total).toBeGreaterThan(0);
  const counts = await statusCounts(client, companyId, 2);
  expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(first.total);
});
