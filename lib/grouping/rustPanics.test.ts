import { describe, expect, it } from "vitest";
import { fingerprintCorpusEvent } from "@/lib/grouping/corpus/fingerprintCorpusEvent";
import { loadCorpus } from "@/lib/grouping/corpus/loadCorpus";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { rustPanic } from "@/lib/sentry/__fixtures__/sdk-rust-native";
import { mapSentryEvent } from "@/lib/sentry/mapSentryEvent";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";

/**
 * Rust panics keyed on their message since 2026-12-09 (review s54). Every Rust panic's key changed,
 * so each carries the key it had before as its previous fingerprint: the hashes pinned below were
 * computed by the code before the change, and an issue opened then keeps receiving the bug's events.
 */
const AT = new Date("2026-12-09T12:00:00Z");
const corpus = new Map(loadCorpus().map((e) => [e.id, e]));
const corpusEvent = (id: string) => {
  const event = corpus.get(id)!;
  return prepareEvent(event.format === "sentry" ? IngestEventSchema.parse(mapSentryEvent(JSON.parse(event.body)).events[0]) : IngestEventSchema.parse({ type: event.type, message: event.message, stackTrace: event.body, platform: event.platform }), AT);
};

describe("Rust panics (review s54)", () => {
  it("makes two panics of one function two issues", () => {
    expect(fingerprintCorpusEvent(corpus.get("rs-invoice-unwrap-1")!).fingerprint).not.toBe(fingerprintCorpusEvent(corpus.get("rs-invoice-overflow-1")!).fingerprint);
  });

  it("carries the key each had before the change as its previous fingerprint, exactly as it was computed then", () => {
    expect(["rs-port-1", "rs-port-2", "rs-port-3"].map((id) => corpusEvent(id).previousFingerprint)).toEqual(Array(3).fill("3e83386fae48811edc5c68c881d681b8"));
    expect(corpusEvent("rs-csv-1").previousFingerprint).toBe("5201bcba270338b91b3f14d4bca78f5e");
    expect(corpusEvent("rs-inv-1").previousFingerprint).toBe("78c5eb062847b467eefd689a63bfce9d");
    const sentry = prepareEvent(unpackStoreEvent(rustPanic)[0], AT);
    expect(sentry.fingerprint).not.toBe("ea0f0a6199d5d65fc774f842f417bed0");
    expect(sentry.previousFingerprint).toBe("ea0f0a6199d5d65fc774f842f417bed0");
  });

  it("leaves Rust errors that are no panic keyed as they were", () => {
    expect(corpusEvent("rs-cfg-io-1").previousFingerprint).toBeUndefined();
  });
});
