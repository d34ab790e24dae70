/** Our own spec edits to exported types, the client (security, servers, retries) and documentation. */
import { at, type Spec, type SpecEdit } from "./helpers.js";

const GET_BOOK = `const b = await c.books.getBook({ shelfId: "s", bookId: "b" });`;
const label = (spec: unknown) => at.schema(spec, "Label");

/**
 * Book as allOf of two objects, id and title in the first, the rest in the second; `keep` picks
 * the required names each member lists of its own (the others go to the first member).
 */
function regroup(spec: Spec, keep: (required: string[]) => string[]): void {
  const { properties, required, type: _type, ...rest } = at.schema(spec, "Book");
  const names = Object.keys(properties);
  const member = (own: string[], extra: string[] = []) => ({
    type: "object",
    required: [...keep(required.filter((n: string) => own.includes(n))), ...extra],
    properties: Object.fromEntries(own.map((n) => [n, properties[n]])),
  });
  const [first, second] = [names.slice(0, 2), names.slice(2)];
  const moved = required.filter((n: string) => !keep(required).includes(n));
  spec.components.schemas.Book = { ...rest, allOf: [member(first, moved), member(second)] };
}

export const TYPE_EDITS: SpecEdit[] = [
  {
    name: "model type renamed", bump: "major", imports: ["type Book"], caller: `const b: Book = await c.books.getBook({ shelfId: "s", bookId: "b" });\nvoid b;`,
    edit: (s) => {
      const text = JSON.stringify(s).replaceAll("#/components/schemas/Book\"", "#/components/schemas/Volume\"");
      Object.assign(s, JSON.parse(text));
      s.components.schemas.Volume = s.components.schemas.Book;
      delete s.components.schemas.Book;
    },
  },
  { name: "unused type loses a property", bump: "major", imports: ["type Label"], edit: (s) => delete label(s).properties.text, caller: `const l: Label = { text: "new" };\nconst t: string | undefined = l.text;\nvoid t;` },
  { name: "unused type gains an optional property", bump: "minor", imports: ["type Label"], edit: (s) => (label(s).properties.colour = { type: "string" }), caller: `const l: Label = { text: "new" };\nvoid l;` },
  { name: "unused type gains a required property", bump: "major", imports: ["type Label"], edit: (s) => Object.assign(label(s), { required: ["colour"], properties: { ...label(s).properties, colour: { type: "string" } } }), caller: `const l: Label = { text: "new" };\nvoid l;` },
  { name: "type removed", bump: "major", imports: ["type Label"], edit: (s) => delete s.components.schemas.Label, caller: `const l: Label = { text: "new" };\nvoid l;` },
  { name: "type added", bump: "minor", edit: (s) => (s.components.schemas.Author = { type: "object", properties: { name: { type: "string" } } }), caller: GET_BOOK },
  {
    name: "properties regrouped into allOf members (same type: a patch)", bump: "patch", imports: ["type Book"], caller: `${GET_BOOK}\nconst t: string = b.title;\nconst same: Book = b;\nvoid t; void same;`,
    edit: (s) => regroup(s, (required) => required),
  },
  {
    name: "required names moved to an allOf member that does not define them", bump: "major", caller: `${GET_BOOK}\nconst s: "OnShelf" | "Lent" = b.status;\nvoid s;`,
    edit: (s) => regroup(s, () => []),
  },
  { name: "schema description", bump: "patch", edit: (s) => (at.schema(s, "Book").properties.title.description = "The title as printed on the cover."), caller: GET_BOOK },
  { name: "schema examples", bump: "patch", edit: (s) => (at.schema(s, "Book").properties.pages.examples = [320]), caller: GET_BOOK },
  { name: "schema extension the generator does not read", bump: "patch", edit: (s) => (at.schema(s, "Book")["x-internal"] = true), caller: GET_BOOK },
  { name: "unrecognised schema keyword", bump: "major", notInTypes: "openapi-typescript ignores `not`; unrecognised changes are judged major to be safe", edit: (s) => (at.schema(s, "Book").properties.pages.not = { const: 0 }), caller: GET_BOOK },
];

export const CLIENT_EDITS: SpecEdit[] = [
  { name: "security scheme renamed (its field is renamed)", bump: "major", edit: (s) => { s.components.securitySchemes.reader_key = s.components.securitySchemes.shelf_key; delete s.components.securitySchemes.shelf_key; s.security = [{ reader_key: [] }]; }, caller: GET_BOOK },
  { name: "security scheme header changed", bump: "major", notInTypes: "the credential is still a string, now sent in another header", edit: (s) => (s.components.securitySchemes.shelf_key.name = "X-Reader-Key"), caller: GET_BOOK },
  { name: "second security scheme added (both become optional)", bump: "minor", edit: (s) => (s.components.securitySchemes.token = { type: "apiKey", in: "query", name: "token" }), caller: GET_BOOK },
  { name: "security scheme became HTTP basic (its field now takes a username and password)", bump: "major", edit: (s) => (s.components.securitySchemes.shelf_key = { type: "http", scheme: "basic" }), caller: GET_BOOK },
  { name: "an operation allows anonymous calls (the field becomes optional)", bump: "minor", edit: (s) => (s.paths["/health"].get.security = [{ shelf_key: [] }, {}]), caller: GET_BOOK },
  { name: "security requirement dropped (its field becomes optional)", bump: "minor", edit: (s) => (s.security = []), caller: GET_BOOK },
  { name: "server URL changed", bump: "major", imports: ["ServerList"], edit: (s) => (s.servers[0].url = "https://books.example.com"), caller: `const url: "https://shelf.example.com" = ServerList[0].url;\nvoid url;` },
  { name: "server description changed (ServerList is exported as const)", bump: "major", imports: ["ServerList"], edit: (s) => (s.servers[0].description = "Production"), caller: `const d: "Live" = ServerList[0].description;\nvoid d;` },
  { name: "security scheme removed", bump: "major", notInTypes: "Security becomes an empty interface, which accepts any object", edit: (s) => { delete s.components.securitySchemes; delete s.security; }, caller: GET_BOOK },
  { name: "server added", bump: "minor", imports: ["ServerList"], edit: (s) => s.servers.push({ url: "https://staging.shelf.example.com", description: "Staging" }), caller: `const url: "https://shelf.example.com" = ServerList[0].url;\nvoid url;` },
  { name: "an operation gets a server of its own (calls go there)", bump: "minor", edit: (s) => (s.paths["/health"].get.servers = [{ url: "https://status.shelf.example.com" }]), caller: GET_BOOK },
  { name: "a path's servers change (its operations go there)", bump: "minor", edit: (s) => (s.paths["/health"].servers = [{ url: "https://status.shelf.example.com" }]), caller: GET_BOOK },
  { name: "retry policy changed", bump: "minor", edit: (s) => (s["x-speakeasy-retries"].backoff.exponent = 1.5), caller: GET_BOOK },
  { name: "title, description and version of the API", bump: "patch", edit: (s) => Object.assign(s.info, { title: "Shelves API", description: "Books on shelves.", version: "1.1.0" }), caller: GET_BOOK },
  { name: "tag description", bump: "patch", edit: (s) => (s.tags[0].description = "Books, one shelf at a time."), caller: GET_BOOK },
];
