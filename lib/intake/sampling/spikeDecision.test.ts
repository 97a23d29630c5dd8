import { describe, expect, it } from "vitest";
import { inSample } from "@/lib/ingest/eventSample";
import { decideSampling, isSpike, type SpikeSettings } from "@/lib/intake/sampling/spikeDecision";

const settings: SpikeSettings = { factor: 10, minPerMinute: 100, keepOneIn: 5, hotIssueMin: 3 };
const events = (n: number, fingerprint = "hot", prefix = "e") => Array.from({ length: n }, (_, i) => ({ eventId: `${prefix}${i}`, fingerprint }));
const quiet = { projectCount: 0, issueCounts: new Map<string, number>(), baselinePerMinute: 0 };

describe("isSpike", () => {
  it("needs both more than N × the baseline and more than the floor", () => {
    expect(isSpike(101, 5, settings)).toBe(true);
    expect(isSpike(100, 5, settings)).toBe(false); // at the floor
    expect(isSpike(500, 50, settings)).toBe(false); // exactly N × baseline
    expect(isSpike(501, 50, settings)).toBe(true);
    expect(isSpike(101, 0, settings)).toBe(true); // a project with no history
  });
});

describe("inSample", () => {
  it("is a function of the event id: a retried event gets the same answer", () => {
    for (const id of ["a", "0f3c9d2e", "evt-42"]) expect(inSample(id, 7)).toBe(inSample(id, 7));
  });

  it("keeps about 1 in K of many ids, and everything for K = 1", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `event-${i}`);
    const kept = ids.filter((id) => inSample(id, 10)).length;
    expect(kept).toBeGreaterThan(1_700);
    expect(kept).toBeLessThan(2_300);
    expect(ids.every((id) => inSample(id, 1))).toBe(true);
  });

  it("matches known values (the SQL twin in lib/lifecycle/trimCappedIssues.ts computes the same)", () => {
    // md5("a") = 0cc175b9…: 0x0cc175b9 = 214005177 = 3 · 71335059, so 3 divides it and 2 does not.
    expect(inSample("a", 3)).toBe(true);
    expect(inSample("a", 2)).toBe(false);
  });
});

describe("decideSampling", () => {
  it("stores everything while the project is under the floor or N × its baseline", () => {
    expect(decideSampling(events(50), quiet, settings).sampled).toBe(0);
    expect(decideSampling(events(50), { ...quiet, projectCount: 900, baselinePerMinute: 100 }, settings).sampled).toBe(0);
  });

  it("stores everything while the baseline is not known yet", () => {
    const decision = decideSampling(events(500), { ...quiet, baselinePerMinute: null }, settings);
    expect(decision.sampled).toBe(0);
  });

  it("during a spike keeps exactly the 1-in-K sample of a hot issue once it is hot", () => {
    const batch = events(400);
    const { store, sampled } = decideSampling(batch, { ...quiet, projectCount: 200 }, settings);
    // Its first hotIssueMin events of the minute are kept; after that only the sample.
    batch.forEach((e, i) => expect(store[i]).toBe(i < settings.hotIssueMin || inSample(e.eventId, settings.keepOneIn)));
    expect(sampled).toBe(store.filter((s) => !s).length);
    expect(sampled).toBeGreaterThan(250);
  });

  it("never samples an issue's first event, nor issues with few events in the minute", () => {
    const batch = [...events(300, "hot"), ...events(3, "rare", "r"), { eventId: "new-1", fingerprint: "new" }];
    const { store } = decideSampling(batch, { ...quiet, projectCount: 1_000 }, settings);
    expect(store.slice(300)).toEqual([true, true, true, true]);
    expect(store[0]).toBe(true);
  });

  it("counts the minute so far: an issue already hot before the batch is sampled from its first event here", () => {
    const batch = events(40, "hot", "x");
    const { store } = decideSampling(batch, { projectCount: 5_000, issueCounts: new Map([["hot", 50]]), baselinePerMinute: 1 }, settings);
    batch.forEach((e, i) => expect(store[i]).toBe(inSample(e.eventId, settings.keepOneIn)));
  });

  it("a spike starts within the batch once the running count passes the threshold", () => {
    const batch = events(300);
    const { store } = decideSampling(batch, quiet, { ...settings, minPerMinute: 200 });
    expect(store.slice(0, 200).every(Boolean)).toBe(true);
    expect(store.slice(200).some((s) => !s)).toBe(true);
  });
});
