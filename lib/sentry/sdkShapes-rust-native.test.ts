import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { unpackEnvelope } from "@/lib/sentry/unpackEnvelope";
import {
  NATIVE_AUTH_HEADER,
  NATIVE_ENVELOPE_URL,
  NATIVE_EXCEPTION_ID,
  NATIVE_KEY,
  RUST_ANYHOW_ID,
  RUST_AUTH_HEADER,
  RUST_ENVELOPE_URL,
  RUST_KEY,
  nativeBreakpadEnvelope,
  nativeCrashEnvelope,
  nativeExceptionAgainEnvelope,
  nativeExceptionEnvelope,
  nativeMessageEnvelope,
  nativeOtherBugEnvelope,
  rustAnyhowAgainEnvelope,
  rustAnyhowEnvelope,
  rustMessageEnvelope,
  rustOtherBugEnvelope,
  rustPanicEnvelope,
  rustTracingErrorEnvelope,
  rustTracingSyntheticWithErrorEnvelope,
  rustTracingWithErrorEnvelope,
} from "@/lib/sentry/__fixtures__/sdk-rust-native";

/** After every fixture's timestamp, so none is replaced as "from the future". */
const RECEIVED_AT = new Date("2026-01-03T00:00:00Z");

function ingest(body: Buffer) {
  const envelope = parseEnvelope(body);
  const contents = unpackEnvelope(envelope);
  const prepared = contents.events.map((e) => prepareEvent(e, RECEIVED_AT));
  return { envelope, contents, prepared, event: prepared[0] as PreparedEvent };
}

const sentryMeta = (e: PreparedEvent) => (e.metadata as { sentry: Record<string, unknown> }).sentry;
const chainOf = (e: PreparedEvent) => (e.exceptions ?? []).map((x) => [x.type, x.message]);

describe("sentry-rust 0.49: anyhow error with a cause chain (capture_anyhow)", () => {
  const { envelope, contents, event } = ingest(rustAnyhowEnvelope);

  it("parses the envelope (dashed event_id header, length-framed item, trailing newline) without dropping anything", () => {
    expect(envelope.header).toEqual({ event_id: "3f6e1d2c-9b8a-47f5-a0e1-d2c3b4a59687" });
    expect(envelope.items.map((i) => i.type)).toEqual(["event"]);
    expect(contents.events).toHaveLength(1);
    expect(contents.eventId).toBe(RUST_ANYHOW_ID);
    expect(contents.dropped).toEqual({});
  });

  it("titles the issue with the raised (outermost) error, severity high although the SDK omits level error", () => {
    expect(event).toMatchObject({
      eventId: RUST_ANYHOW_ID,
      type: "Error",
      message: "failed to sync account acct-1093",
      severity: "high",
      platform: "rust",
      occurredAt: new Date("2026-01-01T10:04:05.318Z"),
      environment: "production",
      release: "ledger-sync@2.7.1",
      userId: "op-2231",
      tags: { region: "eu-central-1", tenant: "northwind" },
    });
  });

  it("keeps the chain raised first: context → thiserror variant → serde_json error", () => {
    expect(chainOf(event)).toEqual([
      ["Error", "failed to sync account acct-1093"],
      ["Corrupt", "ledger snapshot /var/lib/ledger/acct-1093.json is corrupt"],
      ["Error", "expected `,` or `}` at line 14 column 3"],
    ]);
  });

  it("maps the std backtrace frames (function, crate as module, file, line, column, in_app) in order", () => {
    const app = event.frames.filter((f) => f.function?.startsWith("ledger_sync::"));
    expect(app).toEqual([
      { function: "ledger_sync::worker::run_batch::{{closure}}", module: "ledger_sync", filename: "worker.rs", absPath: "/builds/ledger-sync/src/worker.rs", lineno: 41, colno: 28, inApp: true },
      { function: "ledger_sync::sync::sync_account::{{closure}}", module: "ledger_sync", filename: "sync.rs", absPath: "/builds/ledger-sync/src/sync.rs", lineno: 88, colno: 10, inApp: true },
    ]);
    expect(event.frames.at(-1)).toMatchObject({ function: "std::backtrace_rs::backtrace::libunwind::trace", module: "std", inApp: false });
  });

  it("keeps request, contexts, breadcrumbs, sdk and extra", () => {
    const meta = sentryMeta(event);
    expect(meta.request).toMatchObject({ method: "POST", url: "http://ledger-sync.internal:8080/accounts/acct-1093/sync" });
    expect(meta.contexts).toMatchObject({ rust: { name: "rustc", version: "1.89.0" }, os: { name: "Linux" } });
    expect(meta.breadcrumbs).toHaveLength(2);
    expect(meta.sdk).toMatchObject({ name: "sentry.rust", version: "0.49.1" });
    expect(meta.extra).toEqual({ batch_size: 250 });
    expect(meta.transaction).toBe("POST /accounts/{id}/sync");
  });

  it("names the innermost application frame as the culprit", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("sync.rs in ledger_sync::sync::sync_account::{{closure}}");
  });

  it("groups the same bug (other account, call moved three lines) into one issue and a different bug apart", () => {
    const again = ingest(rustAnyhowAgainEnvelope).event;
    const other = ingest(rustOtherBugEnvelope).event;
    expect(again.message).toBe("failed to sync account acct-20417");
    expect(again.fingerprint).toBe(event.fingerprint);
    expect(other.fingerprint).not.toBe(event.fingerprint);
    expect(other).toMatchObject({ type: "Error", message: "failed to post journal entry JE-5531" });
  });
});

describe("sentry-rust 0.49: panic (PanicIntegration)", () => {
  const { contents, event } = ingest(rustPanicEnvelope);

  it("is one fatal, unhandled panic event", () => {
    expect(contents.events).toHaveLength(1);
    expect(event).toMatchObject({
      type: "panic",
      message: "account row missing from ledger cache",
      severity: "critical",
      platform: "rust",
      occurredAt: new Date("2026-01-01T10:25:01.772Z"),
      userId: "op-2231",
    });
    expect(sentryMeta(event).mechanism).toEqual({ type: "panic", handled: false });
    expect(event.frames.filter((f) => f.inApp && f.function?.startsWith("ledger_sync::")).map((f) => f.function)).toEqual([
      "ledger_sync::http::balance_handler::{{closure}}",
      "ledger_sync::ledger::Ledger::balance_of",
    ]);
  });

  it("names the function that panicked as the culprit, not the SDK's panic hook", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("ledger.rs in ledger_sync::ledger::Ledger::balance_of");
  });

  it("names the binary of address-only frames from the SDK's debug images", () => {
    expect(event.frames[0]).toMatchObject({ function: "clone3", module: "/usr/lib/aarch64-linux-gnu/libc.so.6" });
  });
});

describe("sentry-rust 0.49: messages", () => {
  it("capture_message at warning: a Message issue, medium severity, with its tags", () => {
    const { event } = ingest(rustMessageEnvelope);
    expect(event).toMatchObject({
      type: "Message",
      message: "ledger drift detected: 3 accounts differ from the bank statement",
      severity: "medium",
      tags: { job: "nightly-reconcile" },
      occurredAt: new Date("2026-01-01T10:40:00.500Z"),
    });
  });

  it("tracing::error! without an error field: the formatted message, logger and tags.* fields", () => {
    const { event } = ingest(rustTracingErrorEnvelope);
    expect(event).toMatchObject({ type: "Message", message: "reconciliation gave up after 5 retries", tags: { job: "nightly-reconcile" } });
    expect(sentryMeta(event).logger).toBe("ledger_sync::reconcile");
    expect(sentryMeta(event).contexts).toMatchObject({ "Rust Tracing Fields": { account: "acct-1093" } });
  });

  it("tracing::error! (level omitted because it is the default, error) is high severity", () => {
    const { event } = ingest(rustTracingErrorEnvelope);
    expect(event.severity).toBe("high");
  });

  it("tracing::error! with an error field: the error chain is the issue, the log line is kept", () => {
    const { event } = ingest(rustTracingWithErrorEnvelope);
    expect(event).toMatchObject({
      type: "reqwest::Error",
      message: "error sending request for url (https://bank.example.com/v2/statements?since=2025-12-31)",
      severity: "high",
    });
    expect(chainOf(event).map(([type]) => type)).toEqual(["reqwest::Error", "hyper_util::client::legacy::Error", "ConnectError", "Os"]);
    expect(sentryMeta(event).message).toBe("bank statement import failed");
    expect(sentryMeta(event).mechanism).toEqual({ type: "tracing" });
  });

  it("tracing::error! with an error field and attach_stacktrace: the error is the issue, the log line its message, the logging code its stack", () => {
    const { contents, event } = ingest(rustTracingSyntheticWithErrorEnvelope);
    expect(contents.events).toHaveLength(1);
    expect(event).toMatchObject({ type: "reqwest::Error", severity: "high" });
    expect(sentryMeta(event).message).toBe("bank statement import failed");
    expect(event.frames.filter((f) => f.function?.startsWith("ledger_sync::")).map((f) => f.lineno)).toEqual([49, 63]);
  });

  it("tracing::error! with an error field and attach_stacktrace: the error chain is not dropped", () => {
    const { event } = ingest(rustTracingSyntheticWithErrorEnvelope);
    expect(chainOf(event).map(([type]) => type)).toEqual(expect.arrayContaining(["reqwest::Error", "hyper_util::client::legacy::Error", "ConnectError", "Os"]));
  });

  it("tracing::error! with attach_stacktrace: the culprit is the function that logged", () => {
    const { event } = ingest(rustTracingSyntheticWithErrorEnvelope);
    expect(culpritOf(event.frames, event.platform)).toBe("import.rs in ledger_sync::import::import_statements::{{closure}}");
  });
});

describe("sentry-native 0.16: handled exception (sentry_value_new_exception + sentry_value_set_stacktrace)", () => {
  const { envelope, contents, event } = ingest(nativeExceptionEnvelope);

  it("parses the envelope (dsn, dashed event_id, trace, sent_at; no newline after the last item)", () => {
    expect(envelope.header).toMatchObject({ event_id: NATIVE_EXCEPTION_ID, dsn: expect.stringContaining(NATIVE_KEY) });
    expect(contents.events).toHaveLength(1);
    expect(contents.eventId).toBe(NATIVE_EXCEPTION_ID.replaceAll("-", ""));
    expect(contents.dropped).toEqual({});
  });

  it("titles the issue with the reported exception; level, time, release, user, tags", () => {
    expect(event).toMatchObject({
      eventId: "6b2f0e1a9c8d4b7ea3f5c1d0e2b4a698",
      type: "tiler::LayerLoadError",
      message: "cannot load style layer 7",
      severity: "high",
      platform: "native",
      occurredAt: new Date("2026-01-01T11:20:31.482Z"),
      environment: "production",
      release: "tiler@5.2.0",
      userId: "render-node-14",
      tags: { style: "streets-v9", renderer: "gl" },
    });
    expect(chainOf(event)).toEqual([
      ["tiler::LayerLoadError", "cannot load style layer 7"],
      ["tiler::ParseError", "unexpected token '}' at offset 1881"],
    ]);
  });

  it("names each address-only frame's binary from debug_meta.images and the app binary as culprit", () => {
    expect(event.frames.map((f) => f.module)).toEqual([
      "/usr/lib/x86_64-linux-gnu/libc.so.6",
      "/opt/tiler/bin/tiler",
      "/opt/tiler/bin/tiler",
      "/opt/tiler/bin/tiler",
      "/opt/tiler/bin/tiler",
      "/opt/tiler/bin/tiler",
      "/opt/tiler/bin/tiler",
    ]);
    expect(culpritOf(event.frames, event.platform)).toBe("tiler");
    expect(sentryMeta(event).contexts).toMatchObject({ os: { name: "Linux", distribution_name: "ubuntu" } });
    expect(sentryMeta(event).breadcrumbs).toHaveLength(1);
  });

  it("groups the same bug after a restart (ASLR moved every address) into one issue, a different bug apart", () => {
    const again = ingest(nativeExceptionAgainEnvelope).event;
    const other = ingest(nativeOtherBugEnvelope).event;
    expect(again.message).toBe("cannot load style layer 12");
    expect(again.fingerprint).toBe(event.fingerprint);
    expect(other.type).toBe("tiler::CacheError");
    expect(other.fingerprint).not.toBe(event.fingerprint);
  });
});

describe("sentry-native 0.16: message event", () => {
  it("sentry_value_new_message_event: `message.formatted`, warning, logger", () => {
    const { event } = ingest(nativeMessageEnvelope);
    expect(event).toMatchObject({ type: "Message", message: "tile cache is 93% full", severity: "medium", platform: "native", release: "tiler@5.2.0" });
    expect(sentryMeta(event).logger).toBe("tiler.cache");
  });
});

describe("sentry-native 0.16: inproc crash (SIGSEGV) with the crashed session", () => {
  const { contents, event } = ingest(nativeCrashEnvelope);

  it("is accepted: one fatal event with its frames, the session counted", () => {
    expect(contents.events).toHaveLength(1);
    expect(contents.sessions).toHaveLength(1);
    expect(contents.dropped).toEqual({});
    expect(event.severity).toBe("critical");
    expect(event.frames).toHaveLength(7);
    expect(sentryMeta(event).mechanism).toMatchObject({ type: "signalhandler", handled: false, meta: { signal: { name: "SIGSEGV", number: 11 } } });
  });

  it("titles the crash with its signal: SIGSEGV / Segfault", () => {
    expect(event).toMatchObject({ type: "SIGSEGV", message: "Segfault" });
  });

  it("blames the application binary, not libc's memcpy it crashed in", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("tiler");
  });

});

describe("sentry-native 0.16: breakpad crash (event + session + event.minidump attachment)", () => {
  it("completes the SDK's exception-less event from the minidump", () => {
    const { contents, event } = ingest(nativeBreakpadEnvelope);
    expect(contents.events).toHaveLength(1);
    expect(contents.sessions).toHaveLength(1);
    // The dump is kept as the event's attachment (downloadable).
    expect(contents.attachments).toEqual([expect.objectContaining({ eventId: event.eventId, attachmentType: "event.minidump", contentType: "application/octet-stream" })]);
    expect(contents.dropped).toEqual({});
    expect(event).toMatchObject({ type: "SIGSEGV", severity: "critical", platform: "native", release: "tiler@5.2.0", userId: "render-node-14" });
    expect(event.frames).toMatchObject([{ module: "/opt/tiler/bin/tiler" }]);
  });
});

describe("transport: what the two SDKs' requests look like to Faultline's routes", () => {
  it("routes both envelope URLs and crashpad's minidump URL; the TUS upload endpoint is not served", () => {
    const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
    expect(matchIngestRoute("POST", pathOf(RUST_ENVELOPE_URL))).toMatchObject({ door: "sentry", endpoint: "envelope", publicId: "17" });
    expect(matchIngestRoute("POST", pathOf(NATIVE_ENVELOPE_URL))).toMatchObject({ door: "sentry", endpoint: "envelope", publicId: "23" });
    expect(matchIngestRoute("POST", `/api/23/minidump/?sentry_client=sentry.native/0.16.3&sentry_key=${NATIVE_KEY}`)).toMatchObject({ endpoint: "minidump", publicId: "23" });
    expect(matchIngestRoute("POST", "/api/23/upload/")).toBeNull();
  });

  it("reads the key, client and version from both SDKs' X-Sentry-Auth", () => {
    expect(parseSentryAuth(RUST_AUTH_HEADER)).toEqual({ key: RUST_KEY, version: "7", client: "sentry.rust/0.49.1", timestamp: "1767261845.51234" });
    expect(parseSentryAuth(NATIVE_AUTH_HEADER)).toEqual({ key: NATIVE_KEY, version: "7", client: "sentry.native/0.16.3" });
    expect(parseSentryAuth(null, `sentry_client=sentry.native/0.16.3&sentry_key=${NATIVE_KEY}`)).toMatchObject({ key: NATIVE_KEY });
  });
});
