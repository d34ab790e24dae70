/** A JSON object (not null, not an array): what most spec nodes must be. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `{ [key]: value }` trimmed, when `value` is a non-blank string; else `{}`. */
export function text<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return (typeof value === "string" && value.trim() !== "" ? { [key]: value.trim() } : {}) as { [P in K]?: string };
}
