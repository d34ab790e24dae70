// A product team's own code on @x/common, as installed from the registry: one client for
// the app, a connection's one-line summary (connections.get), a page of connections
// (connections.list) and every linked platform across all pages (connections.listAll).
import { Common } from "@x/common";

/** What the app passes to the client: the SDK's own options type, so new options (a tracer, validation) come through. */
export type ClientOptions = NonNullable<ConstructorParameters<typeof Common>[0]>;

export interface AppConfig {
  readonly apiKey: string;
  readonly serverURL?: string;
  /** Anything else of the client's options (retries, a tracer, response validation...). */
  readonly client?: Omit<ClientOptions, "security" | "serverURL">;
}

/** The app's one client. */
export function createClient(config: AppConfig): Common {
  return new Common({
    ...config.client,
    security: { authHeader: `Basic ${Buffer.from(config.apiKey).toString("base64")}` },
    ...(config.serverURL === undefined ? {} : { serverURL: config.serverURL }),
  });
}

/** `Basiq (Linked)`: what the app shows for one connection. */
export async function connectionSummary(client: Common, companyId: string, connectionId: string): Promise<string> {
  const connection = await client.connections.get({ companyId, connectionId });
  return `${connection.platformName} (${connection.status})`;
}

/** One page of the company's connections, as the app's table shows it. */
export async function connectionsPage(client: Common, companyId: string, page: number, pageSize: number): Promise<{ ids: string[]; total: number }> {
  const result = await client.connections.list({ companyId, page, pageSize });
  return { ids: result.results.map((c) => c.id), total: result.totalResults };
}

/** Every connection of the company across all pages (connections.listAll), counted by status. */
export async function statusCounts(client: Common, companyId: string, pageSize: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const connection of client.connections.listAll({ companyId, pageSize })) {
    counts.set(connection.status, (counts.get(connection.status) ?? 0) + 1);
  }
  return counts;
}
