import { describe, expect, it } from "vitest";
import { culpritOf } from "@/lib/errors/culprit";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { decodeLegacyStoreBody } from "@/lib/sentry/legacyStoreBody";
import { unpackEnvelope, unpackStoreEvent } from "@/lib/sentry/unpackEnvelope";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import {
  ELIXIR_PUBLIC_KEY,
  ELIXIR_RELEASE,
  elixirEnvelopes,
  elixirEnvelopeUrl,
  elixirRequestHeaders,
  elixirV8StoreEvent,
  elixirV8StoreUrl,
} from "@/lib/sentry/__fixtures__/sdk-elixir";

/** Shapes sentry-elixir 8.x–10.x sends (see the fixture's header), run through the real ingest pipeline. */
const RECEIVED_AT = new Date("2026-03-10T18:00:00.000Z");

function ingest(body: Buffer) {
  const envelope = parseEnvelope(body);
  const contents = unpackEnvelope(envelope);
  expect(contents.events).toHaveLength(1);
  const prepared = prepareEvent(contents.events[0], RECEIVED_AT);
  return { envelope, contents, prepared, culprit: culpritOf(prepared.frames, prepared.platform) };
}
const sentryMeta = (p: PreparedEvent) => (p.metadata as { sentry: Record<string, unknown> }).sentry;
const functionsOf = (p: PreparedEvent, inApp?: boolean) => p.frames.filter((f) => inApp === undefined || f.inApp === inApp).map((f) => f.function);

describe("sentry-elixir 10.x: exception captured in a Phoenix controller", () => {
  const { envelope, contents, prepared, culprit } = ingest(elixirEnvelopes.exception);

  it("parses the SDK's envelope: event_id-only header, length-prefixed item, trailing newline", () => {
    expect(envelope.header).toEqual({ event_id: "a3f07c21e49b4d6c8e15b2d7c0a96f48" });
    expect(envelope.items.map((i) => i.type)).toEqual(["event"]);
    expect(contents.eventId).toBe("a3f07c21e49b4d6c8e15b2d7c0a96f48");
    expect(contents.dropped).toEqual({});
  });

  it("shows the raised exception's type and message, at error severity", () => {
    expect(prepared.type).toBe("MyApp.Billing.InvoiceLoadError");
    expect(prepared.message).toBe("could not load invoice inv_8812: not_found");
    expect(prepared.severity).toBe("high");
    expect(prepared.platform).toBe("elixir");
  });

  it("keeps the single exception the SDK sends as a one-entry chain (Elixir sends no causes)", () => {
    expect(prepared.exceptions?.map((e) => [e.type, e.relation])).toEqual([["MyApp.Billing.InvoiceLoadError", "raised"]]);
  });

  it("reads the offset-less microsecond timestamp as UTC", () => {
    expect(prepared.occurredAt.toISOString()).toBe("2026-03-10T09:30:02.417Z");
  });

  it("keeps environment, release, the numeric user id and tags", () => {
    expect(prepared.environment).toBe("production");
    expect(prepared.release).toBe(ELIXIR_RELEASE);
    expect(prepared.userId).toBe("4812");
    expect(prepared.tags).toEqual({ tenant: "acme-gmbh", region: "eu-central" });
  });

  it("keeps the frames in order (outermost first) with in_app as the SDK set it", () => {
    expect(prepared.frames[0]).toMatchObject({ module: "proc_lib", function: ":proc_lib.init_p_do_apply/3", filename: "proc_lib.erl", lineno: 329, inApp: false });
    expect(prepared.frames.at(-1)).toMatchObject({
      module: "Elixir.MyApp.Billing.Invoices",
      function: "MyApp.Billing.Invoices.fetch!/2",
      filename: "lib/my_app/billing/invoices.ex",
      lineno: 57,
      inApp: true,
      contextLine: "      nil -> raise InvoiceLoadError, invoice_id: invoice_id, reason: :not_found",
    });
    expect(prepared.frames.at(-1)?.colno).toBeUndefined(); // colno: null
    expect(functionsOf(prepared, true)).toContain("MyAppWeb.InvoiceController.show/2");
    expect(functionsOf(prepared, false)).toEqual(expect.arrayContaining(['Enum."-map/2-lists^map/1-1-"/2', "Phoenix.Router.__call__/5", ":cowboy_handler.execute/2"]));
  });

  it("names the innermost app frame as the culprit", () => {
    expect(culprit).toBe("my_app/billing/invoices.ex in MyApp.Billing.Invoices.fetch!/2");
  });

  it("keeps request, contexts, sdk, breadcrumbs and extra for the details page", () => {
    const meta = sentryMeta(prepared);
    expect(meta.request).toMatchObject({ method: "GET", url: "https://billing.example.org/invoices/inv_8812?expand=lines", query_string: "expand=lines" });
    expect(meta.sdk).toEqual({ name: "sentry-elixir", version: "10.10.0" });
    expect(meta.contexts).toMatchObject({ runtime: { name: "elixir" }, os: { name: "linux" } });
    expect(meta.breadcrumbs).toHaveLength(2);
    expect(meta.extra).toEqual({ invoice_count: 3 });
    expect(meta.mechanism).toMatchObject({ type: "generic", handled: true });
    expect(meta.server_name).toBe("billing-web-3");
  });

  it("keeps request.env (REMOTE_ADDR, REQUEST_ID) that Sentry.PlugContext sends", () => {
    expect(sentryMeta(prepared).request).toMatchObject({ env: { REMOTE_ADDR: "198.51.100.23", REQUEST_ID: "F8r2kQ1vX7aLm0c9AAAB" } });
  });
});

describe("sentry-elixir 10.x: grouping", () => {
  const first = ingest(elixirEnvelopes.exception).prepared;
  const again = ingest(elixirEnvelopes.exceptionAgain).prepared;
  const other = ingest(elixirEnvelopes.otherBug);

  it("groups the same bug raised from a moved line with another id in its message", () => {
    expect(again.message).toBe("could not load invoice inv_9120: not_found");
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it("keeps a different bug apart, with its own culprit", () => {
    expect(other.prepared.type).toBe("KeyError");
    expect(other.prepared.fingerprint).not.toBe(first.fingerprint);
    expect(other.culprit).toBe("my_app/billing/pricing.ex in MyApp.Billing.Pricing.total/1");
  });
});

describe("sentry-elixir 10.x with its default config (no in_app option: every frame in_app false)", () => {
  const first = ingest(elixirEnvelopes.defaultFirst);
  const again = ingest(elixirEnvelopes.defaultAgain);
  const other = ingest(elixirEnvelopes.defaultOther);

  it("still groups the same bug together and keeps a different bug apart", () => {
    expect(again.prepared.fingerprint).toBe(first.prepared.fingerprint);
    expect(other.prepared.fingerprint).not.toBe(first.prepared.fingerprint);
  });

  it("names the raise site when it is the application's code", () => {
    expect(first.culprit).toBe("my_app/billing/invoices.ex in MyApp.Billing.Invoices.fetch!/2");
  });

  it("names the innermost MyApp frame, not Elixir's Map.fetch!/2, when the SDK marked no frame in-app", () => {
    expect(other.culprit).toBe("my_app/billing/pricing.ex in MyApp.Billing.Pricing.total/1");
  });
});

describe("sentry-elixir 10.x: a GenServer crash reported by Sentry.LoggerHandler", () => {
  const { prepared, culprit } = ingest(elixirEnvelopes.crash);

  it("shows the exception, unhandled, at error severity, with the crash's culprit", () => {
    expect(prepared.type).toBe("FunctionClauseError");
    expect(prepared.message).toBe("no function clause matching in MyApp.Sync.LedgerWorker.apply_entry/2");
    expect(prepared.severity).toBe("high");
    expect(sentryMeta(prepared).mechanism).toMatchObject({ handled: false });
    expect(culprit).toBe("my_app/sync/ledger_worker.ex in MyApp.Sync.LedgerWorker.apply_entry/2");
    expect(sentryMeta(prepared).extra).toMatchObject({ logger_level: "error", domain: ["otp"] });
  });

  it("keeps the frame's vars (the arguments no clause matched)", () => {
    expect(prepared.frames.at(-1)).toMatchObject({ vars: { arg0: expect.stringContaining("refund") } });
  });
});

describe("sentry-elixir 10.x: messages", () => {
  it("shows capture_message with interpolation: formatted text, warning severity, keyed on the template", () => {
    const { prepared } = ingest(elixirEnvelopes.message);
    expect(prepared.type).toBe("Message");
    expect(prepared.message).toBe("Payment webhook evt_3391 arrived twice");
    expect(prepared.severity).toBe("medium");
    expect(prepared.tags).toEqual({ tenant: "acme-gmbh" });
    expect(prepared.frames).toEqual([]);
  });

  it("shows a GenServer stop logged by Sentry.LoggerHandler with its stack from threads, grouped across pids", () => {
    const first = ingest(elixirEnvelopes.genServerStop);
    const again = ingest(elixirEnvelopes.genServerStopAgain);
    expect(first.prepared.type).toBe("Message");
    expect(first.prepared.message).toBe("GenServer #PID<0.4512.0> terminating: ** (stop) :upstream_unreachable");
    expect(first.prepared.severity).toBe("high");
    expect(first.culprit).toBe("my_app/sync/feed_poller.ex in MyApp.Sync.FeedPoller.handle_info/2");
    expect(sentryMeta(first.prepared).extra).toMatchObject({ crash_reason: ":upstream_unreachable" });
    expect(again.prepared.fingerprint).toBe(first.prepared.fingerprint);
  });

  it("shows Sentry.PlugCapture's uncaught throw as a message with the request's stack", () => {
    const { prepared, culprit } = ingest(elixirEnvelopes.plugThrow);
    expect(prepared.type).toBe("Message");
    expect(prepared.message).toBe("Uncaught throw - {:halt, :quota_exceeded}");
    expect(culprit).toBe("lib/my_app/quotas.ex in MyApp.Quotas.check!/1");
  });

  it("shows the 9.x/10.0 'message' pseudo-exception as a Message", () => {
    const { prepared } = ingest(elixirEnvelopes.v9MessageWithStack);
    expect(prepared.type).toBe("Message");
  });

  it("accepts the 9.x envelope (spaced item header) and keeps the text and stack of its message", () => {
    const { envelope, prepared, culprit } = ingest(elixirEnvelopes.v9MessageWithStack);
    expect(envelope.items[0].header).toMatchObject({ type: "event" });
    expect(prepared.message).toBe("Uncaught throw - {:halt, :quota_exceeded}");
    expect(culprit).toBe("lib/my_app/quotas.ex in MyApp.Quotas.check!/1");
  });
});

describe("sentry-elixir 10.x: Oban job error", () => {
  const { prepared, culprit } = ingest(elixirEnvelopes.oban);

  it("shows the exception, the oban_* tags and the worker frame as culprit", () => {
    expect(prepared.type).toBe("DBConnection.ConnectionError");
    expect(prepared.tags).toEqual({ oban_worker: "MyApp.Workers.SyncLedger", oban_queue: "ledger", oban_state: "executing" });
    expect(culprit).toBe("my_app/workers/sync_ledger.ex in MyApp.Workers.SyncLedger.perform/1");
    expect(sentryMeta(prepared).extra).toMatchObject({ worker: "MyApp.Workers.SyncLedger", attempt: 3 });
  });

  it("honours the [worker, {{ default }}] fingerprint: different from the same error's default grouping", () => {
    const { fingerprint: _custom, ...rest } = JSON.parse(parseEnvelope(elixirEnvelopes.oban).items[0].payload.toString("utf8"));
    void _custom;
    const withDefault = prepareEvent(unpackStoreEvent({ ...rest, fingerprint: ["{{ default }}"] })[0], RECEIVED_AT);
    expect(withDefault.fingerprint).not.toBe(prepared.fingerprint);
    const otherWorker = prepareEvent(unpackStoreEvent({ ...rest, fingerprint: ["MyApp.Workers.SendReceipts", "{{ default }}"] })[0], RECEIVED_AT);
    expect(otherWorker.fingerprint).not.toBe(prepared.fingerprint);
  });
});

describe("sentry-elixir 8.x: the store endpoint", () => {
  const body = Buffer.from(JSON.stringify(elixirV8StoreEvent));
  const [event] = unpackStoreEvent(parseJsonBytes(decodeLegacyStoreBody(body, 1024 * 1024)));
  const prepared = prepareEvent(event, RECEIVED_AT);

  it("reads the bare exception list, the top-level stacktrace and the second-precision timestamp", () => {
    expect(prepared.type).toBe("MyApp.Billing.InvoiceLoadError");
    expect(prepared.message).toBe("could not load invoice inv_8812: not_found");
    expect(prepared.occurredAt.toISOString()).toBe("2026-03-10T16:10:05.000Z");
    expect(culpritOf(prepared.frames, prepared.platform)).toBe("my_app/billing/invoices.ex in MyApp.Billing.Invoices.fetch!/2");
    expect(prepared.userId).toBe("4812");
  });

  it("groups an 8.x event with the 10.x event of the same bug", () => {
    expect(prepared.fingerprint).toBe(ingest(elixirEnvelopes.exception).prepared.fingerprint);
  });
});

describe("sentry-elixir transport", () => {
  it("routes the envelope URL (trailing slash) and the 8.x store URL (explicit port)", () => {
    expect(matchIngestRoute("POST", new URL(elixirEnvelopeUrl).pathname)).toMatchObject({ door: "sentry", endpoint: "envelope", publicId: "17" });
    expect(matchIngestRoute("POST", new URL(elixirV8StoreUrl).pathname)).toMatchObject({ door: "sentry", endpoint: "store", publicId: "17" });
  });

  it("reads the key, client and timestamp from X-Sentry-Auth (sentry_version=5, no secret)", () => {
    expect(parseSentryAuth(elixirRequestHeaders["x-sentry-auth"], null)).toEqual({
      key: ELIXIR_PUBLIC_KEY,
      client: "sentry-elixir/10.10.0",
      version: "5",
      timestamp: "1773135002",
    });
  });

  it("reads an auth header that also carries the legacy sentry_secret", () => {
    expect(parseSentryAuth(`${elixirRequestHeaders["x-sentry-auth"]}, sentry_secret=9f8e7d6c5b4a39281706f5e4d3c2b1a0`, null).key).toBe(ELIXIR_PUBLIC_KEY);
  });

  it("accepts every envelope this file builds", () => {
    for (const body of Object.values(elixirEnvelopes)) expect(() => unpackEnvelope(parseEnvelope(body))).not.toThrow();
  });
});
