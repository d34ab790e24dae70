/**
 * A request checked as Prism checks it against the operation: path parameters, required query
 * parameters and headers, and a JSON body against its schema. The first problem found is
 * named with where it is (`query parameter "page"`, `request body at /name`).
 */
import type { OperationShape, ParameterShape, Shape } from "../shape.js";
import { checkValue, type Problem } from "./check.js";
import { deref, type Schemas } from "./resolve.js";

/** What the kit read of one request. */
export interface ReceivedRequest {
  /** Path parameters by wire name, as matched (decoded). */
  readonly pathParams: Readonly<Record<string, string | undefined>>;
  readonly url: URL;
  readonly headers: Headers;
  /** The body as text; empty when none was sent. */
  readonly bodyText: string;
}

/** The first thing wrong with the request, in words naming where; undefined when it is fine. */
export function requestProblem(op: OperationShape, request: ReceivedRequest, schemas: Schemas): string | undefined {
  for (const parameter of op.parameters ?? []) {
    const problem = parameterProblem(parameter, request, schemas);
    if (problem !== undefined) return problem;
  }
  return bodyProblem(op, request, schemas);
}

function parameterProblem(parameter: ParameterShape, request: ReceivedRequest, schemas: Schemas): string | undefined {
  const where = `${parameter.in} parameter ${JSON.stringify(parameter.name)}`;
  const values = received(parameter, request);
  if (values.length === 0) return parameter.required || parameter.in === "path" ? `${where} is required` : undefined;
  const shape = deref(parameter.shape, schemas);
  const value = shape.type === "array" ? values.flatMap((v) => v.split(",")).map((v) => coerce(v, shape.items ?? { type: "any" }, schemas)) : coerce(values[0]!, shape, schemas);
  const problems = checkValue(value, parameter.shape, schemas);
  return problems.length === 0 ? undefined : `${where}${describe(problems[0]!)}`;
}

function received(parameter: ParameterShape, request: ReceivedRequest): string[] {
  switch (parameter.in) {
    case "path": {
      const value = request.pathParams[parameter.name];
      return value === undefined || value === "" ? [] : [value];
    }
    case "query":
      return request.url.searchParams.getAll(parameter.name);
    case "header": {
      const value = request.headers.get(parameter.name);
      return value === null ? [] : [value];
    }
    case "cookie": {
      const cookies = (request.headers.get("cookie") ?? "").split(";").map((c) => c.trim().split("="));
      const found = cookies.find(([name]) => name === parameter.name);
      return found === undefined ? [] : [decodeURIComponent(found.slice(1).join("="))];
    }
  }
}

/** A parameter's text read as the type its schema asks for, so `"12"` checks as an integer. */
function coerce(text: string, raw: Shape, schemas: Schemas): unknown {
  const shape = deref(raw, schemas);
  if ((shape.type === "integer" || shape.type === "number") && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (shape.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

function bodyProblem(op: OperationShape, request: ReceivedRequest, schemas: Schemas): string | undefined {
  const body = op.body;
  if (body === undefined) return undefined;
  if (request.bodyText === "") return body.required ? "the request body is required" : undefined;
  if (!/json/i.test(body.mediaType)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(request.bodyText);
  } catch {
    return "the request body is not valid JSON";
  }
  const problems = checkValue(value, body.shape, schemas);
  return problems.length === 0 ? undefined : `request body${describe(problems[0]!)}`;
}

function describe(problem: Problem): string {
  return `${problem.pointer === "" ? "" : ` at ${problem.pointer}`}: ${problem.message}`;
}
