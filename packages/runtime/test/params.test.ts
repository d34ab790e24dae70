/**
 * The style examples table of the OpenAPI 3.1 specification ("Style Examples" under
 * the Parameter Object), row by row: the parameter `color` with the empty string, "blue",
 * ["blue","black","brown"] and {R:100,G:200,B:150}, for every style × explode.
 */
import { describe, expect, it } from "vitest";
import { serializeCookieParam, serializeHeaderParam, serializePathParam, serializeQueryParam, type PathStyle, type QueryStyle } from "../src/params/index.js";

const empty = "";
const string = "blue";
const array = ["blue", "black", "brown"];
const object = { R: 100, G: 200, B: 150 };

interface Row {
  readonly style: string;
  readonly explode: boolean;
  readonly empty?: string;
  readonly string?: string;
  readonly array?: string;
  readonly object?: string;
}

// The specification's table as 3.1.1 prints it (n/a cells left out); 3.1.0 printed the
// spaceDelimited and pipeDelimited cells without their `color=`, which 3.1.1 corrected.
const TABLE: readonly Row[] = [
  { style: "matrix", explode: false, empty: ";color", string: ";color=blue", array: ";color=blue,black,brown", object: ";color=R,100,G,200,B,150" },
  { style: "matrix", explode: true, empty: ";color", string: ";color=blue", array: ";color=blue;color=black;color=brown", object: ";R=100;G=200;B=150" },
  { style: "label", explode: false, empty: ".", string: ".blue", array: ".blue,black,brown", object: ".R,100,G,200,B,150" },
  { style: "label", explode: true, empty: ".", string: ".blue", array: ".blue.black.brown", object: ".R=100.G=200.B=150" },
  { style: "form", explode: false, empty: "color=", string: "color=blue", array: "color=blue,black,brown", object: "color=R,100,G,200,B,150" },
  { style: "form", explode: true, empty: "color=", string: "color=blue", array: "color=blue&color=black&color=brown", object: "R=100&G=200&B=150" },
  { style: "simple", explode: false, string: "blue", array: "blue,black,brown", object: "R,100,G,200,B,150" },
  { style: "simple", explode: true, string: "blue", array: "blue,black,brown", object: "R=100,G=200,B=150" },
  { style: "spaceDelimited", explode: false, array: "color=blue%20black%20brown", object: "color=R%20100%20G%20200%20B%20150" },
  { style: "pipeDelimited", explode: false, array: "color=blue|black|brown", object: "color=R|100|G|200|B|150" },
  { style: "deepObject", explode: true, object: "color[R]=100&color[G]=200&color[B]=150" },
];

const GIVEN = { empty, string, array, object } as const;
const cells = TABLE.flatMap((row) =>
  (["empty", "string", "array", "object"] as const)
    .filter((kind) => row[kind] !== undefined)
    .map((kind) => ({ ...row, kind, given: GIVEN[kind], want: row[kind]! })),
);

/** What each style's serializer writes, in the table's notation. */
function serialize(style: string, explode: boolean, given: unknown): string {
  if (style === "simple") return serializePathParam("color", given, "simple", explode);
  if (style === "matrix" || style === "label") return serializePathParam("color", given, style as PathStyle, explode);
  return serializeQueryParam("color", given, { style: style as QueryStyle, explode }).join("&");
}

describe("the OpenAPI 3.1 style examples table", () => {
  it.each(cells)("$style explode=$explode $kind → $want", ({ style, explode, given, want }) => {
    expect(serialize(style, explode, given)).toBe(want);
  });

  it("header simple matches the table's simple row", () => {
    for (const row of TABLE.filter((r) => r.style === "simple")) {
      expect([string, array, object].map((v) => serializeHeaderParam(v, row.explode))).toEqual([row.string, row.array, row.object]);
    }
  });
});

describe("defaults per location", () => {
  it.each([
    { given: array, want: "color=blue&color=black&color=brown", by: serializeQueryParam("color", array).join("&") },
    { given: array, want: "blue,black,brown", by: serializePathParam("color", array) },
    { given: object, want: "R,100,G,200,B,150", by: serializeHeaderParam(object) },
    { given: array, want: "color=blue; color=black; color=brown", by: serializeCookieParam("color", array).join("; ") },
  ])("$want", ({ want, by }) => expect(by).toBe(want));
});

describe("cookies (form)", () => {
  it.each([
    { explode: false, given: string, want: "color=blue" },
    { explode: false, given: array, want: "color=blue,black,brown" },
    { explode: false, given: object, want: "color=R,100,G,200,B,150" },
    { explode: true, given: object, want: "R=100; G=200; B=150" },
    { explode: true, given: "a b;c", want: "color=a%20b%3Bc" },
  ])("explode=$explode $given → $want", ({ explode, given, want }) => {
    expect(serializeCookieParam("color", given, explode).join("; ")).toBe(want);
  });
});

describe("percent-encoding", () => {
  it.each([
    { at: "path simple", got: serializePathParam("id", "a/b?c#d e"), want: "a%2Fb%3Fc%23d%20e" },
    { at: "path label array", got: serializePathParam("id", ["a.b", "c/d"], "label", true), want: ".a.b.c%2Fd" },
    { at: "path matrix", got: serializePathParam("id", "x;y=z", "matrix"), want: ";id=x%3By%3Dz" },
    { at: "query form", got: serializeQueryParam("q", "a&b=c d").join("&"), want: "q=a%26b%3Dc%20d" },
    { at: "query allowReserved", got: serializeQueryParam("q", "a/b:c?d[e]@f!$&'()*+,;=%", { allowReserved: true }).join("&"), want: "q=a/b:c?d[e]@f!$&'()*+,;=%25" },
    { at: "query array item with the delimiter", got: serializeQueryParam("q", ["a,b", "c"], { explode: false }).join("&"), want: "q=a%2Cb,c" },
    { at: "query deepObject key", got: serializeQueryParam("f", { "a b": "x" }, { style: "deepObject", explode: true }).join("&"), want: "f[a%20b]=x" },
    { at: "header (not encoded)", got: serializeHeaderParam(["a b", "c/d"]), want: "a b,c/d" },
  ])("$at", ({ got, want }) => expect(got).toBe(want));
});

describe("values", () => {
  it.each([
    { at: "a Date as its ISO string", got: serializeQueryParam("d", new Date(Date.UTC(2024, 0, 2))).join("&"), want: "d=2024-01-02T00%3A00%3A00.000Z" },
    { at: "booleans and numbers", got: serializeQueryParam("b", [true, 1.5]).join("&"), want: "b=true&b=1.5" },
    { at: "null items and properties send nothing", got: serializeQueryParam("c", { R: 1, G: null, B: undefined }, { explode: false }).join("&"), want: "c=R,1" },
    { at: "an empty array sends nothing", got: serializeQueryParam("c", []).join("&"), want: "" },
    { at: "an empty object sends nothing", got: serializeQueryParam("c", {}, { style: "deepObject" }).join("&"), want: "" },
  ])("$at", ({ got, want }) => expect(got).toBe(want));
});
