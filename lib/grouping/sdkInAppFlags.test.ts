import { describe, expect, it } from "vitest";
import { sdkMarkedNoFrameInApp } from "@/lib/grouping/frames/blanketNotInApp";
import { groupEvent } from "@/lib/grouping/groupEvent";
import { IngestEventSchema } from "@/lib/ingest/eventSchema";
import { prepareEvent } from "@/lib/ingest/prepareEvent";
import { elixirDefaultConfigReview as review, elixirDefaultConfigEvents } from "@/lib/sentry/__fixtures__/sdk-elixir";
import { unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";

/**
 * SDKs that flag every frame in_app false because nobody told them which code is the app's
 * (sentry-elixir's default config, sentry-ruby outside app/ and lib/): grouping judges such frames
 * as unflagged (lib/grouping/frames/blanketNotInApp.ts). The events the 2026-12-09 upgrade keys
 * differently carry the key they had before as their previous fingerprint: the hashes pinned below
 * were computed by the code before the upgrade.
 */
const AT = new Date("2026-12-07T19:00:00Z");
const prepared = (event: Record<string, unknown>) => prepareEvent(unpackStoreEvent(event)[0], AT);
const keyOf = (event: Record<string, unknown>) => prepared(event).fingerprint;
const inApp = (event: Record<string, unknown>, value: boolean) => JSON.parse(JSON.stringify(event).replaceAll(`"in_app":false`, `"in_app":${value}`)) as Record<string, unknown>;
/** The same payload as the SDK sends it with in_app_otp_apps: [:my_app]: MyApp's and MyAppWeb's frames in-app. */
const configured = (event: Record<string, unknown>) => {
  const copy = JSON.parse(JSON.stringify(event)) as { exception: { stacktrace: { frames: { module: string | null; in_app: boolean }[] } }[] };
  for (const frame of copy.exception[0].stacktrace.frames) frame.in_app = /^Elixir\.MyApp(?:Web)?\./.test(frame.module ?? "");
  return copy as unknown as Record<string, unknown>;
};

describe("sentry-elixir with its default config (every frame in_app false)", () => {
  it("keys the review's three KeyErrors of one line, with other maps in their messages, as one issue", () => {
    expect(new Set(review.keyErrors.map(keyOf)).size).toBe(1);
  });

  it("keys the two MatchErrors carrying other changesets as one issue", () => {
    expect(new Set(review.matchErrors.map(keyOf)).size).toBe(1);
  });

  it("keeps different bugs apart: another function, another exception", () => {
    const keyError = keyOf(review.keyErrors[0]);
    expect(keyOf(review.otherKeyError)).not.toBe(keyError);
    expect(keyOf(review.matchErrors[0])).not.toBe(keyError);
    expect(keyOf(elixirDefaultConfigEvents.first)).toBe(keyOf(elixirDefaultConfigEvents.again));
    expect(keyOf(elixirDefaultConfigEvents.first)).not.toBe(keyOf(elixirDefaultConfigEvents.other));
  });

  it("keys them as the SDK's in-app configuration would: configuring in_app_otp_apps later keeps the issues", () => {
    for (const event of [...review.keyErrors, ...review.matchErrors, review.otherKeyError]) expect(keyOf(configured(event))).toBe(keyOf(event));
  });

  it("carries the key each had before the upgrade, exactly as it was computed then", () => {
    expect(review.keyErrors.map((e) => prepared(e).previousFingerprint)).toEqual(["6c226854f49820cacb8b010843e5faae", "bc4173a473971178e9d38b9c402caa60", "5957fa1e869de9f978e1868971354975"]);
    expect(review.matchErrors.map((e) => prepared(e).previousFingerprint)).toEqual(["e37dcf6692ced4fb45dec145f201550f", "859addcf821b75867fa3843e9561df6c"]);
    expect(prepared(review.otherKeyError).previousFingerprint).toBe("cb7a771dcc877337b88ad21a3dd5d5b1");
  });

  it("leaves events the upgrade does not change without a previous fingerprint", () => {
    const event = prepared(configured(review.keyErrors[0]));
    expect(event.previousFingerprint).toBeUndefined();
    expect(prepared(inApp(review.keyErrors[0], true)).previousFingerprint).toBeUndefined();
  });

  it("takes one frame flagged in-app as the SDK knowing the app's code: its false flags stand", () => {
    const event = JSON.parse(JSON.stringify(review.keyErrors[0])) as { exception: { stacktrace: { frames: { function: string; in_app: boolean }[] } }[] };
    const frames = event.exception[0].stacktrace.frames;
    frames.find((f) => f.function === "MyAppWeb.InvoiceController.show/2")!.in_app = true;
    const onlyController = prepareEvent(unpackStoreEvent(event as unknown as Record<string, unknown>)[0], AT);
    expect(onlyController.previousFingerprint).toBeUndefined();
    // Keyed on the one frame the SDK called the app's: Pricing.total/1 stays library code as flagged.
    expect(onlyController.fingerprint).not.toBe(keyOf(review.keyErrors[0]));
  });
});

describe("other SDKs' stacks with every frame flagged in_app false", () => {
  const rubyEvent = (value: string, frames: Record<string, unknown>[], type = "ArgumentError") => ({ platform: "ruby", exception: { values: [{ type, value, stacktrace: { frames } }] } });
  // sentry-ruby for a script outside the project's app/, lib/, bin/: every frame false.
  const script = [
    { filename: "sync.rb", abs_path: "/srv/tools/sync.rb", function: "<main>", lineno: 40, in_app: false },
    { filename: "sync.rb", abs_path: "/srv/tools/sync.rb", function: "import_row", lineno: 22, in_app: false, context_line: '    raise ArgumentError, "bad row #{row.inspect}" unless row[:sku]' },
  ];
  const gems = [{ filename: "faraday/response.rb", abs_path: "/usr/local/bundle/gems/faraday-2.9.0/lib/faraday/response.rb", function: "on_complete", lineno: 20, in_app: false }];

  it("sentry-ruby outside app/ and lib/: the script's own frames key the issue, not the inspected hash in its message", () => {
    const a = prepared(rubyEvent("bad row {:id=>42, :sku=>nil}", script));
    const b = prepared(rubyEvent('bad row {:id=>97, :sku=>nil, :note=>"x"}', script));
    expect(a.fingerprint).toBe(b.fingerprint);
    expect([a.previousFingerprint, b.previousFingerprint]).toEqual(["3dbeb161fe184d8aef85970a2d899e87", "d23ab523abcccbe8949028ce3b8f210b"]);
  });

  it("a stack entirely in gems stays library code, keyed with its message, its key unchanged but for the status code kept since", () => {
    const faraday = (value: string) => rubyEvent(value, gems, "Faraday::ServerError");
    const a = prepared(faraday("the server responded with status 503"));
    // The message keeps its status class now (`status 5xx`, message/httpStatusCodes.ts): the key it had is its previous one.
    expect(a.fingerprint).not.toBe("28f21ec01a6c0ef9da837f9f05f1081e");
    expect(a.previousFingerprint).toBe("28f21ec01a6c0ef9da837f9f05f1081e");
    expect(keyOf(faraday("the server responded with status 502"))).toBe(a.fingerprint);
    expect(keyOf(faraday("connection refused"))).not.toBe(a.fingerprint);
  });

  it("a text trace's flags are our parser's guess, never an SDK's: untouched", () => {
    const trace = "/srv/tools/sync.rb:22:in `import_row': bad row (ArgumentError)\n\tfrom /srv/tools/sync.rb:40:in `<main>'";
    const text = groupEvent({ type: "ArgumentError", message: "bad row {:id=>42}", stackTrace: trace, platform: "ruby" });
    expect(text.previousFingerprint).toBeUndefined();
  });

  it("sdkMarkedNoFrameInApp: a client's frames, at least one, every one flagged false", () => {
    const f = (inApp?: boolean) => ({ function: "f", filename: "a.ex", ...(inApp !== undefined && { inApp }) });
    expect(sdkMarkedNoFrameInApp([{ frames: [f(false), f(false)], clientFrames: true }])).toBe(true);
    expect(sdkMarkedNoFrameInApp([{ frames: [f(false)], clientFrames: true }, { frames: [f(false)], clientFrames: true }])).toBe(true);
    expect(sdkMarkedNoFrameInApp([{ frames: [f(false)], clientFrames: true }, { frames: [f(true)], clientFrames: true }])).toBe(false);
    expect(sdkMarkedNoFrameInApp([{ frames: [f(false), f()], clientFrames: true }])).toBe(false);
    expect(sdkMarkedNoFrameInApp([{ frames: [f(false)], clientFrames: false }])).toBe(false);
    expect(sdkMarkedNoFrameInApp([{ frames: [], clientFrames: true }])).toBe(false);
  });
});

describe("messages with named dates (the previous fingerprint pinned)", () => {
  const native = (event: Record<string, unknown>) => prepareEvent(IngestEventSchema.parse(event), AT);

  it("groups a logged message across days and keeps the key it had on each day as its previous one", () => {
    const monday = native({ type: "Message", message: "nightly export stalled since Mon Dec 07 18:56:51 UTC 2026" });
    const tuesday = native({ type: "Message", message: "nightly export stalled since Tue Dec 08 03:12:09 UTC 2026" });
    expect(monday.fingerprint).toBe(tuesday.fingerprint);
    expect([monday.previousFingerprint, tuesday.previousFingerprint]).toEqual(["bd9add88ef27c9f04d5db3965e2cc401", "f29808f467971612364bf2dbcdd8c964"]);
    const http = native({ type: "IOException", message: "upstream answered 503 (Retry-After: Mon, 07 Dec 2026 18:56:51 GMT)", platform: "java" });
    expect(http.previousFingerprint).toBe("027d5934f5e73d4de52e3ec800ec5432");
    expect(native({ type: "IOException", message: "upstream answered 503 (Retry-After: Fri, 01 Jan 2027 00:00:00 GMT)", platform: "java" }).fingerprint).toBe(http.fingerprint);
  });
});
