/**
 * `@x/runtime/testing`: the test kit's engine, for the `testing` entry each SDK generates. MSW
 * request handlers for every operation of an SDK's shapes, deterministic data from a shape for a
 * seed, and the request checks the handlers answer bad requests with. Never imported by the
 * main entry: msw is an optional peer dependency, needed only by apps' tests.
 */
export { createHandlers, createErrorHandler, PROBLEM_HEADER } from "./handlers.js";
export type { HandlerOptions } from "./handlers.js";
export { fakeValue, fakeSchema } from "./fake.js";
export type { FakeOptions, Overrides } from "./fake.js";
export { checkValue } from "./check.js";
export type { Problem } from "./check.js";
export { requestProblem } from "./request.js";
export type { ReceivedRequest } from "./request.js";
export { DEFAULT_TOTAL_RESULTS } from "./answers.js";
export { seeded } from "./random.js";
export type { Random } from "./random.js";
