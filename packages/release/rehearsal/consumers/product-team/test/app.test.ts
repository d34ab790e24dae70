// The app's module against msw alone (no test kit): the published SDK's fetch is
// intercepted by msw/node, so a hand-written handler answers it.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { connectionSummary, createClient } from "../src/connections.js";
import { apiKey, authHeader, BASE, companyId, connectionId, connectionPath } from "./support.js";

const seen: Request[] = [];

const server = setupServer(
  http.get(connectionPath, ({ request, params }) => {
    seen.push(request.clone());
    return HttpResponse.json({
      id: params.connectionId,
      integrationId: "bf083d72-62c7-493e-aec9-81b4dbba7e2c",
      integrationKey: "dfxm",
      sourceId: "bdd831ce-eebd-4896-89a7-20e5ee8989ee",
      sourceType: "Banking",
      platformName: "Basiq",
      linkUrl: "https://link.example/start",
      status: "Linked",
      created: "2022-10-27T09:53:29Z",
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

it("summarises a connection from connections.get, sending the API key as Basic auth", async () => {
  const client = createClient({ apiKey, serverURL: BASE });
  await expect(connectionSummary(client, companyId, connectionId)).resolves.toBe("Basiq (Linked)");
  expect(seen).toHaveLength(1);
  expect(new URL(seen[0]!.url).pathname).toBe(`/companies/${companyId}/connections/${connectionId}`);
  expect(seen[0]!.headers.get("authorization")).toBe(authHeader);
});
