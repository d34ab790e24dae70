/** The tarball users install: clean by publint and arethetypeswrong, lean, within its size budget. */
import { resolve } from "node:path";
import { expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { checkPublishedPackage } from "../../../scripts/package-checks.js";

it("packs as a clean, typed, lean package", async () => {
  const report = await checkPublishedPackage(resolve(import.meta.dirname, ".."), {
    dependencies: ["openapi-fetch"],
    // 10 KiB before the fault-tolerance work (retry rule, hooks, debug log, APIPromise) took it to ~11 KiB;
    // ~13 KiB before the parameter styles (src/params, ~1.7 KiB) and the security schemes (basic, bearer,
    // cookie apiKey, OAuth2 client credentials, ~2.5 KiB) and the query-credential merge took it to ~17.2 KiB;
    // server variables and per-operation servers, selectable media types and per-property body encodings,
    // and the "unknown" response kind took it to ~19 KiB (the one-signal attempt loop saved ~0.3 KiB).
    // Features (SDKCoreBase beside SDKCore, each feature an export) took the whole file to ~20.3 KiB,
    // while an application now bundles only the features its spec uses (examples/bench budgets.test.ts).
    // The wire rules exported for the generator (wire-rules.ts) took it to ~20.8 KiB; OpenAPI 3.2
    // querystring parameters (params/querystring.ts, a feature of its own) to ~21.15 KiB.
    // Streamed responses (src/streams: server-sent events, JSON Lines and sequences, EventStream, the
    // `streams` feature) took it to ~23.8 KiB; an application without a streamed operation bundles none of it.
    // The `validateResponses` option, its hand-over to the validators and ResponseValidationError took it to
    // ~24.85 KiB; the validators are an entry of their own (dist/validation.js), loaded only when a call validates.
    // The client-wide retry budget (retry/budget.ts, its `retryConfig.budget` checks, the loop paying for
    // retries, the marked errors) took it from ~25,085 to 25,832 B (+747 B unminified; +425 B in the minified app).
    // openapi-fetch's client off the request path (request.ts), the lazy failure/scrub chunks and
    // shorter checks and messages took it to 24,263 B; refunding unsent retries and the budget deciding
    // before a retried body is read, to 24,416–24,456 B (2026-12-06; builds here differ by a few bytes).
    // The core entry (@x/runtime/core, what generated SDKs import) split the build: dist/index.js is now
    // the list of names (~670 B) importing the chunk it shares with dist/core.js (~24,320 B), counted
    // together: 25,100 B, the +680 B being the names listed twice, in the entry and in the chunk.
    gzipBudgetBytes: 25250,
    // What an SDK's application imports: dist/core.js (~410 B) and the same chunk, 24,841 B. An app
    // bundles less (its bundler drops what its SDK does not use; examples/bench budgets.test.ts).
    entryBudgets: { "dist/core.js": 25000 },
  });
  expect(report.problems).toEqual([]);
  expect(report.files.filter((f) => !f.startsWith("dist/"))).toEqual(["CHANGELOG.md", "LICENSE", "README.md", "package.json"]);
}, needs(10_000)); // packs, then runs publint and arethetypeswrong
