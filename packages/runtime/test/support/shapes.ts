/** Hand-written shapes like those the generator writes into an SDK's `shapes.ts`, for the kit's tests. */
import type { Shapes } from "../../src/index.js";

export const petShapes = {
  schemas: {
    Pet: {
      type: "oneOf",
      of: [{ type: "ref", ref: "Cat" }, { type: "ref", ref: "Dog" }],
      discriminator: { propertyName: "kind", mapping: { cat: "Cat", dog: "Dog" } },
    },
    Base: {
      type: "object",
      required: ["id", "kind", "name", "born"],
      properties: {
        id: { type: "string", format: "uuid" },
        kind: { type: "string" },
        name: { type: "string", minLength: 3, maxLength: 12 },
        born: { type: "string", format: "date" },
        seen: { type: "string", format: "date-time" },
        owner: { type: "string", format: "email" },
        site: { type: "string", format: "uri" },
        tag: { type: "string", pattern: "^[A-Z]{3}-\\d{4}$" },
        parent: { type: "ref", ref: "Pet", nullable: true },
      },
    },
    Cat: { type: "allOf", of: [{ type: "ref", ref: "Base" }, { type: "object", required: ["lives"], properties: { lives: { type: "integer", minimum: 1, maximum: 9 } } }] },
    Dog: {
      type: "allOf",
      of: [
        { type: "ref", ref: "Base" },
        { type: "object", required: ["size", "weight"], properties: { size: { type: "string", enum: ["small", "large"] }, weight: { type: "number", exclusiveMinimum: 0, maximum: 80, multipleOf: 0.5 }, good: { type: "boolean", const: true } } },
      ],
    },
    NewPet: {
      type: "object",
      required: ["name", "kind"],
      properties: { name: { type: "string", minLength: 3 }, kind: { type: "string", enum: ["cat", "dog"] }, born: { type: "string", format: "date" }, tags: { type: "array", items: { type: "string" }, maxItems: 3 } },
    },
    Pets: {
      type: "object",
      required: ["results", "pageNumber", "pageSize", "totalResults"],
      properties: { results: { type: "array", items: { type: "ref", ref: "Pet" } }, pageNumber: { type: "integer" }, pageSize: { type: "integer" }, totalResults: { type: "integer" } },
    },
    Problem: { type: "object", required: ["statusCode"], properties: { statusCode: { type: "integer" }, error: { type: "string" }, correlationId: { type: "string", example: "c0ffee" } } },
    Owner: { type: "object", properties: { name: { type: "string" } }, example: { name: "Ada" } },
  },
  operations: {
    "get-pet": {
      method: "get",
      path: "/pets/{petId}",
      parameters: [
        { name: "petId", in: "path", required: true, shape: { type: "string", format: "uuid" } },
        { name: "X-Tenant", in: "header", required: true, shape: { type: "string" } },
        { name: "verbose", in: "query", shape: { type: "boolean" } },
      ],
      response: { status: "200", mediaType: "application/json", shape: { type: "ref", ref: "Pet" } },
      errors: { "401": { shape: { type: "ref", ref: "Problem" } }, "404": { shape: { type: "ref", ref: "Problem" }, example: { statusCode: 404, error: "No pet" } } },
    },
    "search-pets": {
      method: "get",
      path: "/pets/search",
      parameters: [{ name: "q", in: "query", required: true, shape: { type: "string", minLength: 2 } }],
      response: { status: "200", mediaType: "application/json", shape: { type: "array", items: { type: "ref", ref: "Pet" } }, example: [] },
    },
    "list-pets": {
      method: "get",
      path: "/pets",
      parameters: [
        { name: "page", in: "query", required: true, shape: { type: "integer", minimum: 1, default: 1 } },
        { name: "pageSize", in: "query", shape: { type: "integer", maximum: 5000, default: 100 } },
      ],
      response: { status: "200", mediaType: "application/json", shape: { type: "ref", ref: "Pets" } },
      errors: { "400": { shape: { type: "ref", ref: "Problem" } } },
      paging: { request: { page: "page", pageSize: "pageSize" }, response: { results: "results", pageNumber: "pageNumber", pageSize: "pageSize", totalResults: "totalResults" } },
    },
    "create-pet": {
      method: "post",
      path: "/pets",
      body: { mediaType: "application/json", required: true, shape: { type: "ref", ref: "NewPet" } },
      response: { status: "201", mediaType: "application/json", shape: { type: "ref", ref: "Pet" } },
      errors: { "409": { shape: { type: "ref", ref: "Problem" } }, "422": { shape: { type: "ref", ref: "Problem" } } },
    },
    "delete-pet": {
      method: "delete",
      path: "/pets/{petId}",
      parameters: [{ name: "petId", in: "path", required: true, shape: { type: "string", format: "uuid" } }],
      response: { status: "204" },
    },
  },
} satisfies Shapes;
