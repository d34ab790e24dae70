/**
 * One client, one retry budget: a Common client's resource methods and the standalone
 * functions given that client draw from the same token bucket; another client has its own.
 * Against a local server on 127.0.0.1 that answers every request 503 (an outage).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, expect, it } from "vitest";
import { APIError, Common, connectionsGet, type RetryConfig } from "../src/index.js";

const companyId = "8a210b68-6988-11ed-a1eb-0242ac120002";
const connectionId = "51baa045-4836-4317-a42e-3542e991e581";
/** Ten tokens at 5 a retry: two retries per client, quick ones. */
const retryConfig: RetryConfig = { strategy: "backoff", backoff: { initialInterval: 1, maxInterval: 5, maxElapsedTime: 60_000 }, budget: { capacity: 10 } };

let server: http.Server;
let serverURL = "";
let requests = 0;

beforeEach(async () => {
  requests = 0;
  server = http.createServer((_req, res) => {
    requests++;
    res.writeHead(503, { "Content-Type": "application/json" }).end('{"busy":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = () => new Common({ security: { authHeader: "Basic c2VjcmV0LWtleQ==" }, serverURL, retryConfig });
const rejection = (promise: Promise<unknown>) => promise.then(() => new Error("expected a rejection"), (error: unknown) => error);

it("a resource method and a standalone function of one client share its bucket; another client has its own", async () => {
  const one = client();
  const viaMethod = await rejection(one.connections.get({ companyId, connectionId }));
  expect(viaMethod).toBeInstanceOf(APIError);
  expect(viaMethod).toMatchObject({ status: 503, attempts: 3, retryBudgetExhausted: true });
  expect((viaMethod as Error).message).toContain("the client's retry budget is empty");
  expect((viaMethod as Error).message).not.toContain("c2VjcmV0LWtleQ");

  // The method spent the client's bucket: its standalone function gets no retry.
  await expect(connectionsGet(one, { companyId, connectionId })).rejects.toMatchObject({ status: 503, attempts: 1, retryBudgetExhausted: true });
  expect(requests).toBe(4);

  // The other way round, on a fresh client: the function spends, the method is stopped at once.
  const two = client();
  await expect(connectionsGet(two, { companyId, connectionId })).rejects.toMatchObject({ attempts: 3, retryBudgetExhausted: true });
  await expect(two.connections.get({ companyId, connectionId })).rejects.toMatchObject({ attempts: 1, retryBudgetExhausted: true });
  expect(requests).toBe(8);
});
