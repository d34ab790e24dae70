/**
 * The clients `pnpm bench` compares, each asking the fixture server for one Connection
 * (`ok`) and for one it does not have (`notFound`: the documented 404). Every side checks
 * what it got, so a peer that quietly failed could not look fast. Bare openapi-fetch is
 * first: every ratio is against it.
 */
import { CodatPlatform } from "@codat/platform";
import { CodatPlatformCore } from "@codat/platform/core.js";
import { connectionsGet } from "@codat/platform/funcs/connectionsGet.js";
import { ErrorMessage as CodatErrorMessage } from "@codat/platform/sdk/models/errors/errormessage.js";
import { Common, ErrorMessage } from "@x/common";
import createClient from "openapi-fetch";
import { authHeader, companyId, connectionId, connectionPath, missingId } from "./fixture.ts";

export interface Peer {
  readonly name: string;
  ok(): Promise<unknown>;
  notFound(): Promise<unknown>;
}

const expectId = (value: unknown): unknown => {
  if ((value as { id?: unknown } | undefined)?.id !== connectionId) throw new Error(`unexpected answer: ${JSON.stringify(value)}`);
  return value;
};
const unexpected = (what: string) => new Error(`${what}: the 404 did not come back as an error`);

/** The paths type openapi-fetch is generic over; only its runtime matters here. */
type ConnectionPaths = {
  "/companies/{companyId}/connections/{connectionId}": {
    get: {
      parameters: { path: { companyId: string; connectionId: string } };
      responses: { 200: { content: { "application/json": { id: string } } }; 404: { content: { "application/json": { error?: string } } } };
    };
  };
};

const ROUTE = "/companies/{companyId}/connections/{connectionId}";

/** One AbortController and timer around a call, as a client with a per-attempt timeout needs (60 s, as the SDK's default). */
async function withTimeout<T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    return await call(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}

export function makePeers(base: string): Peer[] {
  const bare = createClient<ConnectionPaths>({ baseUrl: base, headers: { Authorization: authHeader } });
  const bareGet = (id: string) => bare.GET(ROUTE, { params: { path: { companyId, connectionId: id } } });
  const common = new Common({ security: { authHeader }, serverURL: base });
  const codat = new CodatPlatform({ authHeader, serverURL: base });
  const codatCore = new CodatPlatformCore({ authHeader, serverURL: base });
  return [
    {
      name: "bare openapi-fetch",
      ok: async () => expectId((await bareGet(connectionId)).data),
      notFound: async () => {
        const { error, response } = await bareGet(missingId);
        if (response.status !== 404 || !error) throw unexpected("openapi-fetch");
        return error;
      },
    },
    {
      // What a per-attempt timeout alone costs: the floor of any client that has one.
      name: "openapi-fetch + timeout",
      ok: async () => expectId((await withTimeout((signal) => bare.GET(ROUTE, { params: { path: { companyId, connectionId } }, signal }))).data),
      notFound: async () => {
        const { error, response } = await withTimeout((signal) => bare.GET(ROUTE, { params: { path: { companyId, connectionId: missingId } }, signal }));
        if (response.status !== 404 || !error) throw unexpected("openapi-fetch + timeout");
        return error;
      },
    },
    {
      name: "raw fetch",
      ok: async () => {
        const response = await fetch(`${base}${connectionPath(connectionId)}`, { headers: { Authorization: authHeader, Accept: "application/json" } });
        return expectId(JSON.parse(await response.text()));
      },
      notFound: async () => {
        const response = await fetch(`${base}${connectionPath(missingId)}`, { headers: { Authorization: authHeader, Accept: "application/json" } });
        const body: unknown = JSON.parse(await response.text());
        if (response.ok) throw unexpected("raw fetch");
        return body;
      },
    },
    {
      name: "@x/common",
      ok: async () => expectId(await common.connections.get({ companyId, connectionId })),
      notFound: async () => {
        try {
          await common.connections.get({ companyId, connectionId: missingId });
        } catch (error) {
          if (error instanceof ErrorMessage && error.status === 404) return error;
          throw error;
        }
        throw unexpected("@x/common");
      },
    },
    {
      name: "@codat/platform (class)",
      ok: async () => expectId(await codat.connections.get({ companyId, connectionId })),
      notFound: async () => {
        try {
          await codat.connections.get({ companyId, connectionId: missingId });
        } catch (error) {
          if (error instanceof CodatErrorMessage) return error;
          throw error;
        }
        throw unexpected("@codat/platform");
      },
    },
    {
      name: "@codat/platform (standalone function)",
      ok: async () => {
        const result = await connectionsGet(codatCore, { companyId, connectionId });
        if (!result.ok) throw result.error;
        return expectId(result.value);
      },
      notFound: async () => {
        const result = await connectionsGet(codatCore, { companyId, connectionId: missingId });
        if (result.ok || !(result.error instanceof CodatErrorMessage)) throw unexpected("@codat/platform funcs");
        return result.error;
      },
    },
  ];
}
