/** Our own spec edits to methods, parameters and request bodies, with the bump each must get. */
import { at, type SpecEdit } from "./helpers.js";

const GET_BOOK = `await c.books.getBook({ shelfId: "s", bookId: "b" });`;
const list = (fields: string) => `await c.books.listBooks({ shelfId: "s"${fields} });`;
const addBook = (book: string) => `await c.books.addBook({ shelfId: "s", newBook: ${book} });`;
const cover = (size: string) => `await c.books.getCover({ shelfId: "s", bookId: "b", size: ${size} });`;
const newBook = (spec: unknown) => at.schema(spec, "NewBook");

export const METHOD_EDITS: SpecEdit[] = [
  { name: "method removed", bump: "major", edit: (s) => delete s.paths[at.book].delete, caller: `await c.books.removeBook({ shelfId: "s", bookId: "b" });` },
  { name: "method renamed by x-speakeasy-name-override", bump: "major", edit: (s) => (at.op(s, at.book, "get")["x-speakeasy-name-override"] = "fetchBook"), caller: GET_BOOK },
  {
    name: "operationId renamed, method name kept by an override (its request type is renamed)", bump: "major",
    edit: (s) => Object.assign(at.op(s, at.book, "get"), { operationId: "read-book", "x-speakeasy-name-override": "getBook" }),
    imports: ["type GetBookRequest"], caller: `const r: GetBookRequest = { shelfId: "s", bookId: "b" };\nawait c.books.getBook(r);`,
  },
  { name: "tag renamed (the method moves to another resource)", bump: "major", edit: (s) => (at.op(s, at.book, "get").tags = ["Library"]), caller: GET_BOOK },
  {
    name: "method added", bump: "minor", caller: GET_BOOK,
    edit: (s) => (s.paths[`${at.book}/notes`] = { parameters: s.paths[at.book].parameters, get: { tags: ["Books"], operationId: "list-notes", responses: { "200": { description: "Notes.", content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } } } } }),
  },
  { name: "method deprecated", bump: "minor", edit: (s) => (at.op(s, at.book, "get").deprecated = true), caller: GET_BOOK },
  { name: "method marked x-idempotent (retried like a GET)", bump: "minor", edit: (s) => (at.op(s, at.book, "patch")["x-idempotent"] = true), caller: `await c.books.updateBook({ shelfId: "s", bookId: "b" });` },
  { name: "summary and description of a method", bump: "patch", edit: (s) => Object.assign(at.op(s, at.book, "get"), { summary: "Read one book", description: "Looks a book up." }), caller: GET_BOOK },
  { name: "paged list loses its page parameter (listBooksAll goes too)", bump: "major", edit: (s) => (at.op(s, at.books, "get").parameters = at.op(s, at.books, "get").parameters.filter((p: { name: string }) => p.name !== "page")), caller: `for await (const b of c.books.listBooksAll({ shelfId: "s" })) void b;` },
];

export const PARAMETER_EDITS: SpecEdit[] = [
  { name: "required query parameter added", bump: "major", edit: (s) => at.op(s, at.books, "get").parameters.push({ name: "owner", in: "query", required: true, schema: { type: "string" } }), caller: list("") },
  { name: "optional query parameter added", bump: "minor", edit: (s) => at.op(s, at.books, "get").parameters.push({ name: "owner", in: "query", schema: { type: "string" } }), caller: list("") },
  { name: "parameter removed", bump: "major", edit: (s) => (at.op(s, at.books, "get").parameters = at.op(s, at.books, "get").parameters.filter((p: { name: string }) => p.name !== "search")), caller: list(`, search: "war"`) },
  { name: "parameter made required", bump: "major", edit: (s) => (at.param(s, at.books, "get", "search").required = true), caller: list("") },
  { name: "parameter made optional", bump: "minor", edit: (s) => (at.param(s, at.cover, "get", "size").required = false), caller: cover(`"small"`) },
  { name: "parameter type changed", bump: "major", edit: (s) => (at.param(s, at.books, "get", "page").schema = { type: "string" }), caller: list(", page: 2") },
  { name: "parameter can be null (type widened)", bump: "minor", edit: (s) => (at.param(s, at.books, "get", "page").schema.type = ["integer", "null"]), caller: list(", page: 2") },
  { name: "parameter limited to an enum (type narrowed)", bump: "major", edit: (s) => (at.param(s, at.books, "get", "search").schema.enum = ["war", "peace"]), caller: list(`, search: "love"`) },
  { name: "parameter maximum lowered (tightened)", bump: "major", notInTypes: "bounds are not types: the runtime now refuses pageSize 80 before sending", edit: (s) => (at.param(s, at.books, "get", "pageSize").schema.maximum = 50), caller: list(", pageSize: 80") },
  { name: "parameter maximum raised (loosened)", bump: "minor", edit: (s) => (at.param(s, at.books, "get", "pageSize").schema.maximum = 500), caller: list(", pageSize: 80") },
  { name: "parameter pattern added (tightened)", bump: "major", notInTypes: "a pattern is not a type: the server now refuses other strings", edit: (s) => (at.param(s, at.books, "get", "search").schema.pattern = "^[a-z]+$"), caller: list(`, search: "War"`) },
  { name: "parameter minimum removed (loosened)", bump: "minor", edit: (s) => delete at.param(s, at.books, "get", "pageSize").schema.minimum, caller: list(", pageSize: 80") },
  { name: "parameter enum value added", bump: "minor", edit: (s) => at.param(s, at.cover, "get", "size").schema.enum.push("medium"), caller: cover(`"large"`) },
  { name: "parameter no longer limited to an enum (type widened)", bump: "minor", edit: (s) => delete at.param(s, at.cover, "get", "size").schema.enum, caller: cover(`"large"`) },
  { name: "parameter enum value removed", bump: "major", edit: (s) => (at.param(s, at.cover, "get", "size").schema.enum = ["small"]), caller: cover(`"large"`) },
  { name: "parameter format added (tightened)", bump: "major", notInTypes: "a format is not a type: the server now refuses other strings", edit: (s) => (s.components.parameters.bookId.schema.format = "uuid"), caller: GET_BOOK },
  { name: "parameter format widened (int32 to int64)", bump: "minor", edit: (s) => Object.assign(at.param(s, at.books, "get", "page").schema, { format: "int64" }), caller: list(", page: 2") },
  { name: "parameter deprecated", bump: "minor", edit: (s) => (at.param(s, at.books, "get", "search").deprecated = true), caller: list(`, search: "war"`) },
  { name: "parameters reordered (same surface: a patch, since the generated code changes)", bump: "patch", edit: (s) => at.op(s, at.books, "get").parameters.reverse(), caller: list(`, search: "war", page: 2`) },
  { name: "parameter explode turned off (wire format changed)", bump: "major", notInTypes: "explode is not a type: the same value now goes on the wire in another form", edit: (s) => (at.param(s, at.books, "get", "search").explode = false), caller: list(`, search: "war"`) },
  { name: "path parameter style changed to label (wire format changed)", bump: "major", notInTypes: "a style is not a type: the path now reads /books/.b", edit: (s) => (s.components.parameters.bookId.style = "label"), caller: GET_BOOK },
  { name: "query parameter allowReserved (wire format changed)", bump: "major", notInTypes: "allowReserved is not a type: reserved characters now go unencoded", edit: (s) => (at.param(s, at.books, "get", "search").allowReserved = true), caller: list(`, search: "war"`) },
  { name: "query parameter's default style and explode written out (wire format unchanged)", bump: "patch", edit: (s) => Object.assign(at.param(s, at.books, "get", "search"), { style: "form", explode: true }), caller: list(`, search: "war"`) },
  { name: "parameter description", bump: "patch", edit: (s) => (at.param(s, at.books, "get", "search").description = "Words to look for in titles."), caller: list(`, search: "war"`) },
];

export const BODY_EDITS: SpecEdit[] = [
  { name: "required request property added", bump: "major", edit: (s) => Object.assign(newBook(s), { required: ["title", "isbn"] }, { properties: { ...newBook(s).properties, isbn: { type: "string" } } }), caller: addBook(`{ title: "Dune" }`) },
  { name: "optional request property added", bump: "minor", edit: (s) => (newBook(s).properties.isbn = { type: "string" }), caller: addBook(`{ title: "Dune" }`) },
  { name: "request property removed", bump: "major", edit: (s) => delete newBook(s).properties.pages, caller: addBook(`{ title: "Dune", pages: 412 }`) },
  { name: "request property made required", bump: "major", edit: (s) => newBook(s).required.push("genre"), caller: addBook(`{ title: "Dune" }`) },
  { name: "request property made optional", bump: "minor", edit: (s) => (newBook(s).required = []), caller: addBook(`{ title: "Dune" }`) },
  { name: "request property type changed", bump: "major", edit: (s) => (newBook(s).properties.pages = { type: "string" }), caller: addBook(`{ title: "Dune", pages: 412 }`) },
  { name: "request property can be null (widened)", bump: "minor", edit: (s) => (newBook(s).properties.pages.type = ["integer", "null"]), caller: addBook(`{ title: "Dune", pages: 412 }`) },
  { name: "request property can no longer be null (narrowed)", bump: "major", edit: (s) => (newBook(s).properties.subtitle.type = "string"), caller: addBook(`{ title: "Dune", subtitle: null }`) },
  { name: "request property gains a default (openapi-typescript types it as required)", bump: "major", edit: (s) => (newBook(s).properties.pages.default = 100), caller: addBook(`{ title: "Dune" }`) },
  { name: "enum value removed from a type callers send", bump: "major", edit: (s) => (at.schema(s, "Genre").enum = ["Fiction", "Science"]), caller: addBook(`{ title: "Dune", genre: "History" }`) },
  { name: "enum value added to a type sent and read", bump: "minor", warning: true, edit: (s) => at.schema(s, "Genre").enum.push("Poetry"), caller: addBook(`{ title: "Dune", genre: "Fiction" }`) },
  { name: "request property minLength raised (tightened)", bump: "major", notInTypes: "a length is not a type: the server now refuses short titles", edit: (s) => (newBook(s).properties.title.minLength = 3), caller: addBook(`{ title: "It" }`) },
  { name: "request property maxLength raised (loosened)", bump: "minor", edit: (s) => (newBook(s).properties.title.maxLength = 500), caller: addBook(`{ title: "Dune" }`) },
  {
    name: "request body closed to other properties", bump: "major", edit: (s) => (at.op(s, at.book, "patch").requestBody.content["application/json"].schema.additionalProperties = false),
    caller: `await c.books.updateBook({ shelfId: "s", bookId: "b", requestBody: { title: "Dune", shelfMark: "A1" } });`,
  },
  { name: "request body opened to other properties", bump: "minor", edit: (s) => (newBook(s).additionalProperties = true), caller: addBook(`{ title: "Dune" }`) },
  { name: "optional request body added", bump: "minor", edit: (s) => (at.op(s, at.book, "delete").requestBody = { content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } } }), caller: `await c.books.removeBook({ shelfId: "s", bookId: "b" });` },
  { name: "required request body added", bump: "major", edit: (s) => (at.op(s, at.book, "delete").requestBody = { required: true, content: { "application/json": { schema: { type: "object", properties: { reason: { type: "string" } } } } } }), caller: `await c.books.removeBook({ shelfId: "s", bookId: "b" });` },
  { name: "request body removed", bump: "major", edit: (s) => delete at.op(s, at.book, "patch").requestBody, caller: `await c.books.updateBook({ shelfId: "s", bookId: "b", requestBody: { title: "Dune" } });` },
  { name: "request body made required", bump: "major", edit: (s) => (at.op(s, at.book, "patch").requestBody.required = true), caller: `await c.books.updateBook({ shelfId: "s", bookId: "b" });` },
  { name: "request body made optional", bump: "minor", edit: (s) => (at.op(s, at.books, "post").requestBody.required = false), caller: addBook(`{ title: "Dune" }`) },
  {
    name: "request body media type changed (JSON to form)", bump: "major", caller: addBook(`{ title: "Dune" }`),
    edit: (s) => (at.op(s, at.books, "post").requestBody.content = { "application/x-www-form-urlencoded": at.op(s, at.books, "post").requestBody.content["application/json"] }),
  },
  { name: "request body schema inlined (its field is renamed)", bump: "major", edit: (s) => (at.op(s, at.books, "post").requestBody.content["application/json"].schema = structuredClone(newBook(s))), caller: addBook(`{ title: "Dune" }`) },
  {
    name: "request body gains a media type (selectable with contentType)", bump: "minor", caller: `await c.books.updateBook({ shelfId: "s", bookId: "b", requestBody: { title: "Dune" } });`,
    edit: (s) => (at.op(s, at.book, "patch").requestBody.content["application/xml"] = { schema: { type: "object" } }),
  },
];
