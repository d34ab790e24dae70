/**
 * A deterministic OpenAPI 3.0.3 document with `operations` operations, for measuring how
 * generation scales: every 8 operations form one resource (a tag) with a list / create /
 * get / replace / update / delete / action / search mix, path and query parameters,
 * request bodies and error responses, all referring to component schemas (one per
 * resource, plus its create and update bodies and a shared error). The size per operation
 * is the same at every scale, so time per operation should stay flat.
 *
 * `tsx src/synthetic-spec.ts <operations> <out.json>` writes one; the benchmark calls
 * `syntheticSpec` directly.
 */
import { writeFileSync } from "node:fs";

const OPS_PER_RESOURCE = 8;

export function syntheticSpec(operations: number): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {
    Error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "integer" }, message: { type: "string" }, detail: { type: "string", nullable: true } },
    },
  };
  const tags: { name: string; description: string }[] = [];
  const errors = {
    "400": { description: "Bad request", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
    "404": { description: "Not found", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
  };
  for (let made = 0, r = 0; made < operations; r++) {
    const name = `Widget${r}`;
    const plural = `widgets${r}`;
    const tag = `Widgets ${r}`;
    tags.push({ name: tag, description: `Manage ${name} resources.` });
    const ref = (schema: string) => ({ $ref: `#/components/schemas/${schema}` });
    const json = (schema: string) => ({ content: { "application/json": { schema: ref(schema) } } });
    schemas[name] = {
      type: "object",
      description: `A ${name}.`,
      required: ["id", "name", "status"],
      properties: {
        id: { type: "string", format: "uuid" },
        name: { type: "string", maxLength: 200 },
        status: { type: "string", enum: ["active", "archived", "pending"] },
        count: { type: "integer", minimum: 0 },
        createdAt: { type: "string", format: "date-time" },
        tags: { type: "array", items: { type: "string" } },
        owner: { type: "object", properties: { id: { type: "string" }, email: { type: "string", format: "email" } } },
      },
    };
    schemas[`${name}Create`] = { type: "object", required: ["name"], properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } } } };
    schemas[`${name}Update`] = { type: "object", properties: { name: { type: "string" }, status: { type: "string", enum: ["active", "archived"] } } };
    schemas[`${name}Page`] = {
      type: "object",
      required: ["results", "pageNumber", "pageSize", "totalResults"],
      properties: { results: { type: "array", items: ref(name) }, pageNumber: { type: "integer" }, pageSize: { type: "integer" }, totalResults: { type: "integer" } },
    };
    const id = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
    const page = [
      { name: "page", in: "query", schema: { type: "integer", minimum: 1, default: 1 } },
      { name: "pageSize", in: "query", schema: { type: "integer", minimum: 1, maximum: 5000, default: 100 } },
    ];
    const op = (verb: string, extra: Record<string, unknown>) => ({
      tags: [tag],
      operationId: `${verb}-${plural}`,
      summary: `${verb} ${name}`,
      description: `Does ${verb} on ${name} resources.`,
      ...extra,
    });
    const candidates: [string, string, Record<string, unknown>][] = [
      [`/${plural}`, "get", op("list", { parameters: [...page, { name: "query", in: "query", schema: { type: "string" } }], responses: { "200": { description: "A page", ...json(`${name}Page`) }, ...errors } })],
      [`/${plural}`, "post", op("create", { requestBody: { required: true, ...json(`${name}Create`) }, responses: { "201": { description: "Created", ...json(name) }, ...errors } })],
      [`/${plural}/{id}`, "get", op("get", { parameters: [id], responses: { "200": { description: "One", ...json(name) }, ...errors } })],
      [`/${plural}/{id}`, "put", op("replace", { parameters: [id], requestBody: { required: true, ...json(`${name}Create`) }, responses: { "200": { description: "Replaced", ...json(name) }, ...errors } })],
      [`/${plural}/{id}`, "patch", op("update", { parameters: [id], requestBody: { required: true, ...json(`${name}Update`) }, responses: { "200": { description: "Updated", ...json(name) }, ...errors } })],
      [`/${plural}/{id}`, "delete", op("delete", { parameters: [id], responses: { "204": { description: "Deleted" }, ...errors } })],
      [`/${plural}/{id}/archive`, "post", op("archive", { parameters: [id, { name: "X-Reason", in: "header", schema: { type: "string" } }], responses: { "202": { description: "Accepted", ...json(name) }, ...errors } })],
      [`/${plural}/search`, "get", op("search", { parameters: [...page, { name: "q", in: "query", required: true, schema: { type: "string" } }, { name: "status", in: "query", schema: { type: "array", items: { type: "string" } }, style: "form", explode: true }], responses: { "200": { description: "Matches", ...json(`${name}Page`) }, ...errors } })],
    ];
    for (const [path, method, operation] of candidates.slice(0, Math.min(OPS_PER_RESOURCE, operations - made))) {
      (paths[path] ??= {})[method] = operation;
      made++;
    }
  }
  return {
    openapi: "3.0.3",
    info: { title: `Synthetic API (${operations} operations)`, version: "1.0.0", description: "Generated for the codegen scaling benchmark." },
    servers: [{ url: "https://api.example.com" }],
    security: [{ apiKey: [] }],
    tags,
    paths,
    components: { schemas, securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "X-API-Key" } } },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, out] = process.argv.slice(2);
  if (!count || !out) throw new Error("usage: tsx src/synthetic-spec.ts <operations> <out.json>");
  writeFileSync(out, `${JSON.stringify(syntheticSpec(Number(count)), null, 2)}\n`);
}
