/** Our own spec edits to responses and error statuses, with the bump each must get. */
import { at, type SpecEdit } from "./helpers.js";

const GET_BOOK = `const b = await c.books.getBook({ shelfId: "s", bookId: "b" });`;
const read = (statements: string) => `${GET_BOOK}\n${statements}`;
const book = (spec: unknown) => at.schema(spec, "Book");

export const RESPONSE_EDITS: SpecEdit[] = [
  { name: "response property removed", bump: "major", edit: (s) => delete book(s).properties.pages, caller: read("const n: number | undefined = b.pages;") },
  { name: "response property no longer required", bump: "major", edit: (s) => (book(s).required = ["id", "genre", "status"]), caller: read("const t: string = b.title;") },
  { name: "response property can be null", bump: "major", edit: (s) => (book(s).properties.title.type = ["string", "null"]), caller: read("const t: string = b.title;") },
  { name: "response property type widened", bump: "major", edit: (s) => (book(s).properties.title.type = ["string", "integer"]), caller: read("const t: string = b.title;") },
  { name: "response property type changed", bump: "major", edit: (s) => (book(s).properties.pages.type = "string"), caller: read("const n: number | undefined = b.pages;") },
  { name: "response property added", bump: "minor", edit: (s) => (book(s).properties.isbn = { type: "string" }), caller: read("const t: string = b.title;") },
  { name: "response property now required", bump: "minor", edit: (s) => book(s).required.push("pages"), caller: read("const n: number | undefined = b.pages;") },
  { name: "response property can no longer be null (narrowed)", bump: "minor", edit: (s) => (book(s).properties.notes.type = "string"), caller: read("const n: string | null | undefined = b.notes;") },
  { name: "response property gains a default (typed as always present)", bump: "minor", edit: (s) => (book(s).properties.pages.default = 0), caller: read("const n: number | undefined = b.pages;") },
  { name: "response property becomes read-only", bump: "major", edit: (s) => (book(s).properties.title.readOnly = true), caller: read(`b.title = "Dune";`) },
  { name: "response enum value added", bump: "minor", warning: true, edit: (s) => at.schema(s, "BookStatus").enum.push("Lost"), caller: read(`if (b.status === "Lent") console.log("lent");`) },
  { name: "response enum value removed", bump: "major", edit: (s) => (at.schema(s, "BookStatus").enum = ["OnShelf"]), caller: read(`if (b.status === "Lent") console.log("lent");`) },
  { name: "response property limited to an enum", bump: "major", edit: (s) => (book(s).properties.title.enum = ["Dune", "Emma"]), caller: read(`if (b.title === "Ulysses") console.log("found");`) },
  { name: "response property no longer limited to an enum", bump: "major", edit: (s) => delete at.schema(s, "BookStatus").enum, caller: read(`const s: "OnShelf" | "Lent" = b.status;\nvoid s;`) },
  { name: "response closed to other properties", bump: "major", edit: (s) => (at.op(s, at.book, "patch").responses["200"].content["application/json"].schema.additionalProperties = false), caller: `const r = await c.books.updateBook({ shelfId: "s", bookId: "b" });\nconst mark: unknown = r["shelfMark"];\nvoid mark;` },
  { name: "response opened to other properties", bump: "minor", edit: (s) => (book(s).additionalProperties = true), caller: read("const t: string = b.title;") },
  { name: "response map value type changed", bump: "major", edit: (s) => (book(s).properties.extra.additionalProperties = { type: "integer" }), caller: read(`const v: string | undefined = b.extra?.["shelfMark"];`) },
  { name: "response array items type changed", bump: "major", edit: (s) => (book(s).properties.tags.items = { type: "integer" }), caller: read(`const t: string[] | undefined = b.tags;`) },
  { name: "inline response property removed", bump: "major", edit: (s) => Object.assign(at.op(s, at.book, "patch").responses["200"].content["application/json"].schema, { required: [], properties: { book: { $ref: "#/components/schemas/Book" } } }), caller: `const r = await c.books.updateBook({ shelfId: "s", bookId: "b" });\nconst u: boolean = r.updated;` },
  { name: "success status changed (200 to 203, same body)", bump: "major", notInTypes: "the body type is the same; status 200 is no longer what the SDK expects", edit: (s) => { const r = at.op(s, at.book, "get").responses; r["203"] = r["200"]; delete r["200"]; }, caller: GET_BOOK },
  { name: "success media type changed (png to jpeg)", bump: "major", notInTypes: "both are a Blob; the SDK now asks for image/jpeg", edit: (s) => { const r = at.op(s, at.cover, "get").responses["200"]; r.content = { "image/jpeg": r.content["image/png"] }; }, caller: `const blob: Blob = await c.books.getCover({ shelfId: "s", bookId: "b", size: "small" });\nvoid blob;` },
  { name: "success response kind changed (text to JSON)", bump: "major", edit: (s) => (s.paths["/health"].get.responses["200"].content = { "application/json": { schema: { type: "object", properties: { ok: { type: "boolean" } } } } }), caller: `const text: string = await c.getHealth();\nvoid text;` },
  { name: "empty success response gains a body", bump: "major", edit: (s) => (at.op(s, at.book, "delete").responses = { "200": { description: "The book removed.", content: { "application/json": { schema: { $ref: "#/components/schemas/Book" } } } } }), caller: `const none: void = await c.books.removeBook({ shelfId: "s", bookId: "b" });\nvoid none;` },
  { name: "another success status with the same body", bump: "minor", edit: (s) => { const r = at.op(s, at.book, "get").responses; r["203"] = r["200"]; }, caller: GET_BOOK },
  { name: "error status added", bump: "minor", edit: (s) => (at.op(s, at.book, "get").responses["409"] = { $ref: "#/components/responses/Problem" }), caller: GET_BOOK },
  { name: "error status removed", bump: "major", notInTypes: "a 404 now throws SDKError, not Problem: callers catching Problem silently miss it", edit: (s) => delete at.op(s, at.book, "get").responses["404"], caller: GET_BOOK },
  {
    name: "error body schema renamed (the error class is renamed)", bump: "major", imports: ["Problem"],
    edit: (s) => { s.components.schemas.Fault = s.components.schemas.Problem; delete s.components.schemas.Problem; s.components.responses.Problem.content["application/json"].schema.$ref = "#/components/schemas/Fault"; },
    caller: `try { await c.books.getBook({ shelfId: "s", bookId: "b" }); } catch (e) { if (e instanceof Problem) console.log(e.status); }`,
  },
  { name: "inline response property loses its schema (typed unknown)", bump: "major", edit: (s) => (at.op(s, at.book, "patch").responses["200"].content["application/json"].schema.properties.updated = {}), caller: `const r = await c.books.updateBook({ shelfId: "s", bookId: "b" });\nconst u: boolean = r.updated;` },
  { name: "response example", bump: "patch", edit: (s) => (at.op(s, at.book, "get").responses["200"].content["application/json"].example = { id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", title: "Dune", genre: "Fiction", status: "OnShelf" }), caller: GET_BOOK },
  { name: "error response description", bump: "patch", edit: (s) => (s.components.responses.Problem.description = "The request failed."), caller: GET_BOOK },
];
