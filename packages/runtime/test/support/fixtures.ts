/** A small SDK definition and operations, shaped like the generator's output. */
import { APIError, type APIErrorInit } from "../../src/errors.js";
import type { SDKDefinition } from "../../src/definition.js";
import type { OperationSpec, SpecRetryPolicy } from "../../src/operation.js";

export interface ErrorMessageData {
  statusCode?: number;
  service?: string;
  error?: string;
  correlationId?: string;
}

/** Written exactly as the generator writes documented error classes. */
export class ErrorMessage extends APIError {
  readonly statusCode?: number;
  readonly service?: string;
  readonly error?: string;
  readonly correlationId?: string;
  readonly data: ErrorMessageData;

  constructor(init: APIErrorInit) {
    const data = (typeof init.body === "object" && init.body !== null ? init.body : {}) as ErrorMessageData;
    super(init, data.error);
    this.name = "ErrorMessage";
    this.data = data;
    this.statusCode = data.statusCode;
    this.service = data.service;
    this.error = data.error;
    this.correlationId = data.correlationId;
  }
}

export class ServerTrouble extends APIError {
  constructor(init: APIErrorInit) {
    super(init);
    this.name = "ServerTrouble";
  }
}

export class Fallback extends APIError {
  constructor(init: APIErrorInit) {
    super(init);
    this.name = "Fallback";
  }
}

/** Quick retries so the suite stays fast. */
export const SPEC_RETRY: SpecRetryPolicy = {
  strategy: "backoff",
  backoff: { initialInterval: 1, maxInterval: 5, exponent: 1.5, maxElapsedTime: 2_000 },
  statusCodes: [429, "5XX"],
  retryConnectionErrors: true,
};

export const definition: SDKDefinition = {
  sdkName: "Test",
  servers: [{ url: "https://api.example.com/v1/" }, { url: "https://sandbox.example.com" }],
  securitySchemes: [
    { field: "authHeader", type: "apiKey", in: "header", name: "Authorization" },
    { field: "apiKey", type: "apiKey", in: "query", name: "api_key" },
  ],
  retry: SPEC_RETRY,
};

export const getConnection: OperationSpec = {
  operationId: "get-connection",
  methodPath: "connections.get",
  method: "get",
  path: "/companies/{companyId}/connections/{connectionId}",
  parameters: [
    { field: "companyId", name: "companyId", in: "path", required: true },
    { field: "connectionId", name: "connectionId", in: "path", required: true },
    { field: "includeDeleted", name: "include_deleted", in: "query", required: false },
    { field: "traceId", name: "X-Trace-Id", in: "header", required: false },
  ],
  response: "json",
  errors: { "401": ErrorMessage, "404": ErrorMessage, "5XX": ServerTrouble },
};

export const createCompany: OperationSpec = {
  operationId: "create-company",
  methodPath: "companies.create",
  method: "post",
  path: "/companies",
  parameters: [],
  body: { field: "companyRequestBody", required: true, mediaType: "application/json" },
  response: "json",
  errors: { default: Fallback },
};

/** createCompany with an idempotency key (the spec's `Idempotency-Key` header parameter). */
export const createPayment: OperationSpec = {
  ...createCompany,
  operationId: "create-payment",
  methodPath: "payments.create",
  path: "/payments",
  parameters: [{ field: "idempotencyKey", name: "Idempotency-Key", in: "header", required: false }],
  idempotencyHeader: "Idempotency-Key",
};

export const deleteCompany: OperationSpec = {
  operationId: "delete-company",
  methodPath: "companies.delete",
  method: "delete",
  path: "/companies/{companyId}",
  parameters: [{ field: "companyId", name: "companyId", in: "path", required: true }],
  response: "empty",
  errors: {},
};

/** A PATCH the spec marks safe to repeat (`x-idempotent: true`). */
export const unlinkConnection: OperationSpec = {
  operationId: "unlink-connection",
  methodPath: "connections.unlink",
  method: "patch",
  path: "/companies/{companyId}/connections/{connectionId}",
  parameters: [
    { field: "companyId", name: "companyId", in: "path", required: true },
    { field: "connectionId", name: "connectionId", in: "path", required: true },
  ],
  body: { field: "requestBody", required: false, mediaType: "application/json" },
  idempotent: true,
  response: "json",
  errors: { "404": ErrorMessage },
};

/** A PATCH with no such mark. */
export const updateCompany: OperationSpec = {
  operationId: "update-company",
  methodPath: "companies.update",
  method: "patch",
  path: "/companies/{companyId}",
  parameters: [{ field: "companyId", name: "companyId", in: "path", required: true }],
  body: { field: "requestBody", required: false, mediaType: "application/json" },
  response: "json",
  errors: {},
};
