/** The part of turborepo-remote-cache (which ships no types) that the cache proof uses: its fastify app. */
declare module "turborepo-remote-cache" {
  export function createApp(options?: { logger?: boolean; trustProxy?: boolean; bodyLimit?: number }): {
    listen(options: { host: string; port: number }): Promise<string>;
    close(): Promise<void>;
  };
}
