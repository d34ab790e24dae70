/**
 * Idempotency keys (fixtures/idempotency.yaml): the three ways a spec declares an
 * idempotency header (named `Idempotency-Key`, `X-Idempotency-Key` in any case, or marked
 * `x-idempotency-key: true`) reach the model, the OperationSpec literals and the README;
 * an operation that declares none (a header of another name, a query parameter that has
 * the name) gets nothing.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { loadSpec } from "../src/load/index.js";
import { FIXTURES, generateFixture, generateFixtureReadme, typecheck } from "./helpers.js";

const SPEC = join(FIXTURES, "idempotency.yaml");

/** The OperationSpec literal of `operationId` in the generated files. */
function specLiteral(contents: string, operationId: string): string {
  const start = contents.indexOf(`operationId: "${operationId}"`);
  expect(start).toBeGreaterThan(-1);
  return contents.slice(start, contents.indexOf("\n}", start));
}

describe("idempotency headers", () => {
  it("are read from the header's name (any case) or its x-idempotency-key mark, and nowhere else", async () => {
    const model = await loadSpec("idempotency.yaml", SPEC);
    const ops = new Map(model.resources.flatMap((r) => r.operations).map((op) => [op.operationId, op]));
    expect(ops.get("createPayment")?.idempotencyHeader).toBe("Idempotency-Key");
    expect(ops.get("createRefund")?.idempotencyHeader).toBe("x-idempotency-key");
    expect(ops.get("createTransfer")?.idempotencyHeader).toBe("X-Request-Token");
    expect(ops.get("createNote")?.idempotencyHeader).toBeUndefined();
    expect(ops.get("listNotes")?.idempotencyHeader).toBeUndefined();
    expect(ops.get("createNote")?.parameters.some((p) => p.idempotencyKey)).toBe(false);
    expect(ops.get("createTransfer")?.parameters.find((p) => p.name === "X-Request-Token")?.idempotencyKey).toBe(true);
  });

  it("are printed on the OperationSpec of the operations that have one, and type-check", { timeout: needs(60_000) }, async () => {
    const files = await generateFixture("idempotency", "FxIdempotency");
    const all = files.map((f) => f.contents).join("\n");
    expect(specLiteral(all, "createPayment")).toContain('idempotencyHeader: "Idempotency-Key",');
    expect(specLiteral(all, "createRefund")).toContain('idempotencyHeader: "x-idempotency-key",');
    expect(specLiteral(all, "createTransfer")).toContain('idempotencyHeader: "X-Request-Token",');
    expect(specLiteral(all, "createNote")).not.toContain("idempotencyHeader");
    expect(specLiteral(all, "listNotes")).not.toContain("idempotencyHeader");
    expect(all.match(/idempotencyHeader:/g)).toHaveLength(3);
    expect(await typecheck(files)).toEqual([]);
  });

  it("are named in the README: each keyed operation's section and the retries rule", async () => {
    const readme = await generateFixtureReadme("idempotency", "FxIdempotency");
    const section = (path: string) => readme.slice(readme.indexOf(`### ${path}\n`), readme.indexOf("\n### ", readme.indexOf(`### ${path}\n`) + 1));
    expect(section("payments.createPayment")).toContain("**Idempotency key**: `Idempotency-Key` (the `idempotencyKey` field); when you set none, the SDK sends a fresh UUID, the same on every attempt of the call.");
    expect(section("payments.createPayment")).toContain("**Retries** like a GET: its idempotency key (the same on every attempt) makes this POST safe to repeat.");
    expect(section("payments.createTransfer")).toContain("**Idempotency key**: `X-Request-Token` (the `xRequestToken` field)");
    expect(section("notes.createNote")).not.toContain("Idempotency key");
    expect(section("notes.createNote")).toContain("**Retries** only when the request never reached the server");
    expect(readme).toContain("it takes an idempotency key (here: `payments.createPayment`, `payments.createRefund`, `payments.createTransfer`; the SDK sends a fresh UUID when you set none, the same on every attempt), or you set `retryNonIdempotent: true`");
  });
});
