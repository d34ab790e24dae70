/**
 * The test kit emitter (emit/testing.ts): the default base URL, builder names, and a generated
 * testing.ts that type-checks with a consumer and types its builders and error statuses.
 */
import { describe, expect, it } from "vitest";
import { needs } from "../../../vitest.shared.js";
import { builderNames, defaultBaseUrl } from "../src/emit/testing.js";
import { generateFixture, typecheck } from "./helpers.js";

describe("defaultBaseUrl", () => {
  it("is the first server with its variables at their defaults, as the client calls by default", () => {
    expect(defaultBaseUrl({ servers: [{ url: "https://{region}.example.com/{version}", variables: { region: { default: "eu" }, version: { default: "v2" } } }, { url: "https://other.example.com" }] })).toBe("https://eu.example.com/v2");
    expect(defaultBaseUrl({ servers: [] })).toBeUndefined();
  });
});

describe("builderNames", () => {
  it("camel-cases each schema's type name, keeping the type name where two would collide", () => {
    const names = builderNames({ schemas: [{ name: "Connection", typeName: "Connection" }, { name: "error-message", typeName: "ErrorMessageData" }, { name: "connection", typeName: "connection" }] });
    expect([...names.entries()]).toEqual([["Connection", "connection"], ["error-message", "errorMessageData"], ["connection", "connection_2"]]);
  });
});

describe("testing.ts", () => {
  it("type-checks with a consumer; builders return the exported types, error statuses are the documented ones", async () => {
    const files = await generateFixture("quirks", "FxQuirks");
    const kit = files.find((f) => f.path === "testing.ts")!.contents;
    expect(kit).toContain('const DEFAULT_BASE_URL = "https://api.example.test";');
    const consumer = `
import type { Item } from "./generated/index.js";
import { errorHandler, fake, fakes, handlers } from "./generated/testing.js";
import type { HttpHandler } from "msw";
const all: HttpHandler[] = handlers({ seed: 3, totalResults: 40 });
const item: Item = fake.item({ status: "Retired" });
const other: Item = fakes(9).item();
const notFound: HttpHandler = errorHandler("items.replace", "404");
const any4xx: HttpHandler = errorHandler("items.getItem", "4XX", { baseUrl: "http://127.0.0.1:1" });
// @ts-expect-error replace documents 404 only
errorHandler("items.replace", "500");
// @ts-expect-error list documents no error
errorHandler("items.list", "404");
// @ts-expect-error not an operation of the client
errorHandler("items.nope", "404");
// @ts-expect-error status is an enum
fake.item({ status: "Gone" });
void all; void item; void other; void notFound; void any4xx;
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  }, needs(5_000));
});
