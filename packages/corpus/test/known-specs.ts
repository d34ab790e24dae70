/**
 * What the vendor's two published specs must give, when the corpus holds them (as
 * ../shared/reference-specs does): a resource per tag, with the method names the
 * vendor's own SDKs use (../shared/seeds), from both forms of x-speakeasy-name-override.
 */
export interface KnownSpec {
  readonly resources: number;
  readonly operations: number;
  /** Method names of the `connections` resource. */
  readonly connections: readonly string[];
}

export const KNOWN_SPECS: Readonly<Record<string, KnownSpec>> = {
  "codat-common.yaml": { resources: 8, operations: 34, connections: ["create", "delete", "get", "list", "unlink", "updateAuthorization"] },
  "codat-sync-commerce-v1.yaml": { resources: 25, operations: 59, connections: ["deleteConnection", "getConnection", "unlink"] },
};

/** The folder CI passes: it must hold every known spec. */
export const REFERENCE_FOLDER = "reference-specs";
