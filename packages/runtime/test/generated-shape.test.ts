/**
 * Code shaped like the generator's output (a client class and a thin resource class),
 * type-checked by `tsc` and run against a local server.
 */
import { expect, it } from "vitest";
import { SDKCoreBase, queryParameters, type ClientOptions, type OperationSpec, type RequestOptions, type SDKDefinition } from "../src/index.js";
import { serve } from "./support/core.js";
import { scripted } from "./support/server.js";

interface Security {
  authHeader: string;
}

const ServerList = [{ url: "https://api.example.com" }] as const;
const definition: SDKDefinition = {
  sdkName: "Common",
  servers: ServerList,
  securitySchemes: [{ field: "authHeader", type: "apiKey", in: "header", name: "Authorization" }],
  retry: {
    strategy: "backoff",
    backoff: { initialInterval: 1, maxInterval: 2, exponent: 1.5, maxElapsedTime: 10_000 },
    statusCodes: [429, "5XX"],
    retryConnectionErrors: true,
  },
  features: { queryParameters },
};

const operations = {
  list: { operationId: "list-companies", methodPath: "companies.list", method: "get", path: "/companies", parameters: [{ field: "page", name: "page", in: "query", required: false }], response: "json", errors: {} },
} satisfies Record<string, OperationSpec>;

class Companies {
  readonly #core: SDKCoreBase;
  constructor(core: SDKCoreBase) {
    this.#core = core;
  }
  list(request: { page?: number } = {}, options?: RequestOptions): Promise<{ results: unknown[] }> {
    return this.#core.invoke(operations.list, request, options);
  }
}

class Common {
  readonly companies: Companies;
  constructor(options: ClientOptions<Security> = {}) {
    const core = new SDKCoreBase<Security>(definition, options);
    this.companies = new Companies(core);
  }
}

it("works when used the way generated code uses it", async () => {
  const server = await serve(scripted({ status: 503 }, { status: 200, body: { results: [1] } }));
  const common = new Common({ serverURL: server.url, security: { authHeader: "Basic k" } });
  await expect(common.companies.list({ page: 2 })).resolves.toEqual({ results: [1] });
  await expect(common.companies.list()).resolves.toEqual({ results: [1] });
  expect(server.received.map((r) => [r.url, r.headers.authorization])).toEqual([
    ["/companies?page=2", "Basic k"],
    ["/companies?page=2", "Basic k"],
    ["/companies", "Basic k"],
  ]);
});
