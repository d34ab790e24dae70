/** Telling the request's violations from those Prism finds in the spec's own example response. */
import { describe, expect, it } from "vitest";
import { violationsOfRequest } from "../src/contract.js";

const byRequest = { location: ["request", "query", "page"], severity: "Error", code: "minimum", message: "page must be >= 1" };
const byResponse = { location: ["response", "body", "id"], severity: "Error", code: "required", message: "must have required property 'id'" };

describe("violationsOfRequest", () => {
  it("keeps the request's violations and drops the response's", () => {
    expect(violationsOfRequest(JSON.stringify([byResponse, byRequest]))).toEqual([byRequest]);
    expect(violationsOfRequest(JSON.stringify([byResponse]))).toEqual([]);
  });

  it("reads Prism's cut-short list by the locations it names", () => {
    const cut = (items: unknown[]) => JSON.stringify([`Too many violations! ${JSON.stringify(items).slice(0, 200)}`]);
    expect(violationsOfRequest(cut([byResponse, byResponse, byResponse]))).toEqual([]);
    expect(violationsOfRequest(cut([byRequest, byResponse]))).toHaveLength(1);
    const raw = (items: unknown[]) => `Too many violations! ${JSON.stringify(items).slice(0, 200)}`;
    expect(violationsOfRequest(raw([byResponse, byResponse, byResponse]))).toEqual([]);
    expect(violationsOfRequest(raw([byRequest, byResponse]))).toHaveLength(1);
  });

  it("keeps a header it cannot read", () => {
    expect(violationsOfRequest("not json")).toEqual(["not json"]);
  });
});
