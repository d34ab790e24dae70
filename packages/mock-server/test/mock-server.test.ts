import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { SPECS, startMockServer, type MockServer } from "../src/index.js";

const path = "/companies/8a210b68-6988-11ed-a1eb-0242ac120002/connections/2e9d2c44-f675-40ba-8049-353bfcb5e171";
const SECRET = "Basic bW9jay1zZXJ2ZXItdGVzdA==";

describe.each(Object.entries(SPECS))("Prism serving %s", (_name, spec) => {
  const logs: string[] = [];
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer(spec, { logLevel: "info", logDestination: { write: (line) => void logs.push(line) } });
  }, needs(5_000));
  afterAll(() => server.close());

  it("listens on 127.0.0.1 with a free port", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers with the spec's example when the request is valid and authenticated", async () => {
    const response = await fetch(server.url + path, { headers: { Authorization: SECRET, Accept: "application/json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("sl-violations")).toBeNull();
    expect(await response.json()).toMatchObject({ id: "ee2eb431-c0fa-4dc9-93fa-d29781c12bcd" });
  }, needs(3_000));

  it("checks security: no Authorization header is a 401 with a violation", async () => {
    const response = await fetch(server.url + path, { headers: { Accept: "application/json" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("sl-violations")).toContain("security");
  });

  it("validates requests: a non-uuid id is a 422, and the log never shows the credential", async () => {
    const response = await fetch(`${server.url}/companies/nope/connections/nope`, { headers: { Authorization: SECRET } });
    expect(response.status).toBe(422);
    expect(logs.join("")).toContain("Request terminated with error");
    expect(logs.join("")).not.toContain(SECRET);
  });
});
