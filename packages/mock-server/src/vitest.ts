/**
 * A vitest globalSetup that serves one spec with Prism for the whole run and
 * provides its URL to tests as `inject("mockUrl")`.
 */
import { SPECS, startMockServer } from "./index.js";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export interface SetupContext {
  provide(key: "mockUrl", value: string): void;
}

/** `spec`: the name of one of our specs (`common`), or the path of any spec file. */
export function prismGlobalSetup(spec: keyof typeof SPECS | (string & {})) {
  return async ({ provide }: SetupContext): Promise<() => Promise<void>> => {
    const server = await startMockServer(Object.hasOwn(SPECS, spec) ? SPECS[spec as keyof typeof SPECS] : spec);
    provide("mockUrl", server.url);
    return () => server.close();
  };
}
