/**
 * Streamed responses in the generator: OpenAPI 3.2 `itemSchema` and the 3.0/3.1 reading of
 * a stream's `schema` (chat-completion style) become typed `EventStream`s, chosen by
 * `accept` beside JSON; the generated code type-checks against what callers write.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readmeExamples } from "../src/emit/readme/index.js";
import { loadSpec } from "../src/load/index.js";
import type { Operation, SpecModel } from "../src/load/model.js";
import { FIXTURES, generateFixture, generateFixtureReadme, typecheck } from "./helpers.js";

async function load(name: string): Promise<SpecModel> {
  return loadSpec(`test/fixtures/${name}.yaml`, join(FIXTURES, `${name}.yaml`));
}

function op(model: SpecModel, id: string): Operation {
  return model.resources.flatMap((r) => r.operations).find((o) => o.operationId === id)!;
}

describe("OpenAPI 3.2 itemSchema", () => {
  it("is read, not warned about", async () => {
    const model = await load("streams-3.2");
    expect(model.warnings.filter((w) => w.includes("itemSchema"))).toEqual([]);
  });

  it("types event streams (data by its JSON contentSchema) and line streams", async () => {
    const model = await load("streams-3.2");
    expect(op(model, "watchReadings").response).toMatchObject({ kind: "json", others: [{ mediaType: "text/event-stream", kind: "jsonEvents", item: { typed: true } }] });
    expect(op(model, "tailLog").response).toMatchObject({ kind: "events", mediaType: "text/event-stream", item: { typed: true } });
    expect(op(model, "exportArchive").response).toMatchObject({ kind: "jsonLines", mediaType: "application/jsonl", item: { schemaName: "Reading", typed: true } });
  });

  it("generates code whose items are typed", async () => {
    const files = await generateFixture("streams-3.2", "Stations");
    const consumer = `
import { Stations, readingsExportArchive, StationsCore } from "./generated/index.js";
const client = new Stations({ serverURL: "http://127.0.0.1:1" });
export async function use(): Promise<void> {
  const all = await client.readings.watchReadings({ stationId: "s1" });
  const first: number | undefined = all[0]?.celsius;
  const events = await client.readings.watchReadings({ stationId: "s1" }, { accept: "text/event-stream", idleTimeoutMs: 5_000 });
  for await (const event of events) {
    const celsius: number = event.data.celsius;
    const kind: "reading" | "status" | undefined = event.event;
    const id: string | undefined = event.id;
    const retry: number | undefined = event.retry;
    // @ts-expect-error data is a Reading, not a string
    const text: string = event.data;
    void [celsius, kind, id, retry, text];
  }
  for await (const line of await client.readings.tailLog({ stationId: "s1" })) {
    const data: string | undefined = line.data;
    void data;
  }
  const { data: archive, response } = await readingsExportArchive(new StationsCore(), { stationId: "s1" }).withResponse();
  for await (const reading of archive) {
    const at: string = reading.takenAt;
    // @ts-expect-error celsius is a number
    const wrong: string = reading.celsius;
    void [at, wrong, response.status];
    break;
  }
  void first;
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
    const core = files.find((f) => f.path === "core.ts")!.contents;
    expect(core).toContain("features: { streams }");
  });
});

describe("3.0/3.1 streams: the schema types each event's JSON data", () => {
  it("reads event-stream beside JSON as eventData, and line streams as items of their schema", async () => {
    const model = await load("streams-3.1");
    expect(op(model, "writeStory").response).toMatchObject({
      kind: "json", schemaName: "Story", others: [{ mediaType: "text/event-stream", kind: "eventData", item: { schemaName: "StoryPiece", typed: true } }],
    });
    expect(op(model, "listDrafts").response).toMatchObject({ kind: "jsonLines", mediaType: "application/x-ndjson", item: { schemaName: "Story" } });
    expect(op(model, "tickerFeed").response).toMatchObject({ kind: "jsonSeq", mediaType: "application/json-seq", item: { typed: true } });
    expect(model.warnings).toEqual([]);
  });

  it("generates a method whose result type follows accept", async () => {
    const files = await generateFixture("streams-3.1", "Stories");
    const consumer = `
import { Stories, type Story, type StoryPiece } from "./generated/index.js";
import type { EventStream } from "@x/runtime";
const client = new Stories({ serverURL: "http://127.0.0.1:1" });
export async function use(): Promise<void> {
  const whole: Story = await client.stories.writeStory({ storyRequest: { prompt: "a fox" } });
  const pieces: EventStream<StoryPiece> = await client.stories.writeStory({ storyRequest: { prompt: "a fox", stream: true } }, { accept: "text/event-stream" });
  let text = whole.text;
  for await (const piece of pieces) text += piece.delta;
  // @ts-expect-error the JSON default is no stream
  const notAStream: EventStream<StoryPiece> = await client.stories.writeStory({ storyRequest: { prompt: "a fox" } });
  for await (const draft of await client.stories.listDrafts()) text += draft.id;
  for await (const tick of await client.stories.tickerFeed()) text += tick.title ?? "";
  void [text, notAStream];
}
`;
    expect(await typecheck(files, { "consumer.ts": consumer })).toEqual([]);
  });

  it.each([["streams-3.1", "Stories"], ["streams-3.2", "Stations"]])("the README of %s tells how to read a stream, in examples that type-check", async (name, clientName) => {
    const readme = await generateFixtureReadme(name, clientName);
    expect(readme).toMatch(/const stream = await \w+\.\w+\.\w+\(.*\n(.*\n)*?for await \(const item of stream\)/);
    expect(readme).toContain("resolves to an `EventStream` of");
    const examples = readmeExamples(readme);
    const entry = `export * from "./generated/index.js";\nexport { SDKError, SDKValidationError, APIError } from "@x/runtime";\n`;
    const sources = Object.fromEntries(examples.map((code, i) => [`readme-${i}.ts`, code.replaceAll('from "@x/fixture"', 'from "./fixture-index.js"').replaceAll('from "@x/fixture/testing"', 'from "./generated/testing.js"')]));
    expect(await typecheck(await generateFixture(name, clientName), { "fixture-index.ts": entry, ...sources })).toEqual([]);
  });
});
