/**
 * The `streams` feature: what the core calls for an operation whose success is a stream
 * (an event stream, JSON Lines, a JSON text sequence). Only SDKs with such an operation
 * import it (features.ts), so no other application bundles the parsers.
 */
import type { SDKBaseError, RequestTarget } from "../errors.js";
import type { StreamKind } from "../wire-rules.js";
import { EventStream } from "./event-stream.js";
import { jsonLines, jsonSeq, type ItemParser } from "./lines.js";
import { eventData, events } from "./sse.js";

export { EventStream } from "./event-stream.js";
export type { ServerSentEvent } from "./sse.js";

/** What the attempt loop hands over with a streamed 2xx: the attempt, still running. */
export interface StreamLease {
  firstByte(): void;
  fail(error: unknown): SDKBaseError;
  release(): void;
}

export interface StreamCall {
  readonly methodPath: string;
  target(): RequestTarget;
  readonly idleTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

const PARSERS: Readonly<Record<StreamKind, () => ItemParser>> = {
  events: () => events(false),
  jsonEvents: () => events(true),
  eventData,
  jsonLines,
  jsonSeq,
};

/** The items of a streamed 2xx, read as they arrive. */
export function openStream(body: ReadableStream<Uint8Array> | null, kind: StreamKind, lease: StreamLease, call: StreamCall): EventStream<unknown> {
  const source = body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return new EventStream(source, PARSERS[kind](), { ...lease, ...call, target: call.target });
}
