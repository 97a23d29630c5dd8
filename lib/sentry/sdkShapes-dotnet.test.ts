import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readBody } from "@/lib/http/readBody";
import { matchIngestRoute } from "@/lib/intake/ingestRoutes";
import { parseSentryAuth } from "@/lib/sentry/parseSentryAuth";
import { culpritOf } from "@/lib/errors/culprit";
import { prepareEvent, type PreparedEvent } from "@/lib/ingest/prepareEvent";
import { correctEventTime } from "@/lib/sentry/correctEventTime";
import { parseEnvelope } from "@/lib/sentry/parseEnvelope";
import { unpackEnvelope, type EnvelopeContents } from "@/lib/sentry/unpackEnvelope";
import {
  DOTNET_CHAIN_EVENT_ID,
  DOTNET_LOG_EVENT_ID,
  DOTNET_PUBLIC_KEY,
  DOTNET_SDK_VERSION,
  DOTNET_REQUEST_CRASH_EVENT_ID,
  DOTNET_WORKER_CRASH_EVENT_ID,
  RECEIVED_AT,
  dotnetAddressRuleEnvelope,
  dotnetCaptureMessageEnvelope,
  dotnetChainAgainEnvelope,
  dotnetChainEnvelope,
  dotnetChainNextReleaseEnvelope,
  dotnetLogAgainEnvelope,
  dotnetLogEnvelope,
  dotnetNoPdbEnvelope,
  dotnetOtherBugEnvelope,
  dotnetOtherLogEnvelope,
  dotnetPaymentRuleEnvelope,
  dotnetRequestCrashEnvelope,
  dotnetSerilogEnvelope,
  dotnetUnthrownEnvelope,
  dotnetWorkerCrashEnvelope,
  unityExceptionEnvelope,
  unityLogErrorEnvelope,
} from "@/lib/sentry/__fixtures__/sdk-dotnet";

/** What the envelope route does with the body (after gunzip), minus the database. */
function ingest(body: Buffer): { contents: EnvelopeContents; prepared: PreparedEvent[] } {
  const contents = unpackEnvelope(parseEnvelope(body));
  return { contents, prepared: contents.events.map((e) => prepareEvent(e, RECEIVED_AT)) };
}
const one = (body: Buffer): PreparedEvent => {
  const { prepared } = ingest(body);
  expect(prepared).toHaveLength(1);
  return prepared[0];
};
const sentryContext = (e: PreparedEvent) => (e.metadata.sentry ?? {}) as Record<string, unknown>;

describe("sentry-dotnet envelopes are accepted whole", () => {
  it.each([
    ["chain", dotnetChainEnvelope],
    ["chain again", dotnetChainAgainEnvelope],
    ["chain, next release", dotnetChainNextReleaseEnvelope],
    ["ASP.NET Core unhandled", dotnetRequestCrashEnvelope],
    ["AppDomain crash + session", dotnetWorkerCrashEnvelope],
    ["ILogger warning", dotnetLogEnvelope],
    ["CaptureMessage", dotnetCaptureMessageEnvelope],
    ["Serilog error with exception", dotnetSerilogEnvelope],
    ["other bug", dotnetOtherBugEnvelope],
    ["never-thrown exception", dotnetUnthrownEnvelope],
    ["no PDB", dotnetNoPdbEnvelope],
    ["Unity LogException", unityExceptionEnvelope],
    ["Unity LogError", unityLogErrorEnvelope],
  ])("%s: item lengths, the trailing newline and every item type parse; one event comes out", (_name, body) => {
    const envelope = parseEnvelope(body);
    expect(envelope.header.sdk).toMatchObject({ name: "sentry.dotnet" });
    expect(body.at(-1)).toBe(0x0a);
    const { contents, prepared } = ingest(body);
    expect(prepared).toHaveLength(1);
    expect(contents.eventId).toBe(envelope.header.event_id);
    expect(prepared[0].eventId).toBe(envelope.header.event_id);
    expect(contents.dropped).toEqual({});
  });
});

describe("sentry-dotnet: a handled exception with an InnerException chain", () => {
  const event = one(dotnetChainEnvelope);

  it("shows the raised (outermost) exception's type and message, at severity high (level error)", () => {
    expect(event.eventId).toBe(DOTNET_CHAIN_EVENT_ID);
    expect(event.type).toBe("Larkspur.Inventory.Reservations.StockReservationException");
    expect(event.message).toBe("Could not reserve stock for order 58231");
    expect(event.severity).toBe("high");
    expect(event.platform).toBe("csharp");
  });

  it("keeps the chain raised first: the app exception, EF Core's DbUpdateException, Npgsql's PostgresException", () => {
    expect(event.exceptions?.map((e) => [e.type, e.message])).toEqual([
      ["Larkspur.Inventory.Reservations.StockReservationException", "Could not reserve stock for order 58231"],
      ["Microsoft.EntityFrameworkCore.DbUpdateException", "An error occurred while saving the entity changes. See the inner exception for details."],
      ["Npgsql.PostgresException", '23505: duplicate key value violates unique constraint "ix_reservations_order_id_sku"'],
    ]);
  });

  it("reads the 7-digit, +00:00 DateTimeOffset timestamp", () => {
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T09:26:53.589Z");
  });

  it("keeps release, environment, the claims user and the ASP.NET Core tags", () => {
    expect(event.release).toBe("larkspur-inventory@2.3.0+8f3c2a1");
    expect(event.environment).toBe("production");
    expect(event.userId).toBe("c7e1f0a2-5b3d-4e89-a6f4-2d9b8c1e7a35");
    expect(event.tags).toMatchObject({ TraceIdentifier: "0HNB4R1K2L3M4:00000007", "route.controller": "Orders", "route.action": "Reserve", warehouse: "north" });
  });

  it("has the raised exception's frames (app only here), innermost last, with file, line and column", () => {
    expect(event.frames.map((f) => [f.filename, f.lineno, f.inApp])).toEqual([
      ["Controllers/OrdersController.cs", 48, true],
      ["Reservations/ReservationService.cs", 57, true],
    ]);
    expect(event.frames[1]).toMatchObject({ colno: 17, absPath: "/src/Larkspur.Inventory.Api/Reservations/ReservationService.cs" });
  });

  it("marks EF Core and Npgsql frames of the causes as library code", () => {
    const dbUpdate = event.exceptions![1].frames;
    expect(dbUpdate.map((f) => f.inApp)).toEqual([true, false, false, false, false]);
    expect(event.exceptions![2].frames.every((f) => f.inApp === false)).toBe(true);
  });

  it("names the culprit by the innermost app frame: its file and demystified method", () => {
    expect(culpritOf(event.frames, event.platform)).toBe(
      "Reservations/ReservationService.cs in async Task<Reservation> ReservationService.ReserveAsync(Guid orderId, IReadOnlyList<OrderLine> lines, CancellationToken ct)",
    );
  });

  it("keeps the request (with its leading-? query string) and the mechanism", () => {
    const ctx = sentryContext(event);
    expect(ctx.request).toMatchObject({ method: "POST", url: "http://inventory.larkspur.example/api/orders/58231/reserve", query_string: "?warehouse=north" });
    expect(ctx.mechanism).toMatchObject({ type: "generic", handled: true, exception_id: 0 });
    expect(ctx.transaction).toBe("POST /api/orders/{orderId}/reserve");
  });

  it("keeps ASP.NET Core's request.env (SERVER_NAME, SERVER_PORT)", () => {
    expect(sentryContext(event).request).toMatchObject({ env: { SERVER_NAME: "inventory-api-6b7f9", SERVER_PORT: "8080" } });
  });
});

describe("sentry-dotnet: grouping", () => {
  const first = one(dotnetChainEnvelope);

  it("groups the same bug from another order and two lines further down with the first", () => {
    const again = one(dotnetChainAgainEnvelope);
    expect(again.message).toBe("Could not reserve stock for order 60417");
    expect(again.fingerprint).toBe(first.fingerprint);
  });

  it("gives a different bug its own issue", () => {
    const other = one(dotnetOtherBugEnvelope);
    expect(other.type).toBe("System.InvalidOperationException");
    expect(other.fingerprint).not.toBe(first.fingerprint);
    expect(culpritOf(other.frames, other.platform)).toBe("Shipping/ShippingQuoteService.cs in Carrier ShippingQuoteService.PickCarrier(Parcel parcel, string country)");
  });

  it("groups the same bug after a release that bumped the assembly version", () => {
    const nextRelease = one(dotnetChainNextReleaseEnvelope);
    expect(nextRelease.release).toBe("larkspur-inventory@2.4.0+c0ffee9");
    expect(nextRelease.fingerprint).toBe(first.fingerprint);
  });

  it("groups the same bug after a patch upgrade of Npgsql", () => {
    const upgraded = Buffer.from(dotnetChainAgainEnvelope.toString("utf8").replaceAll("Npgsql, Version=9.0.3.0", "Npgsql, Version=9.0.4.0"));
    const { prepared } = ingest(upgraded);
    expect(prepared[0].fingerprint).toBe(first.fingerprint);
  });

  it("keeps two classes' same-named methods apart", () => {
    const address = one(dotnetAddressRuleEnvelope);
    const payment = one(dotnetPaymentRuleEnvelope);
    expect(address.fingerprint).not.toBe(payment.fingerprint);
  });
});

describe("sentry-dotnet: frames in other shapes", () => {
  it("an exception captured without being thrown takes the capture site's stack from its thread", () => {
    const event = one(dotnetUnthrownEnvelope);
    expect(event.type).toBe("Larkspur.Inventory.Reservations.ReservationExpiredException");
    expect(event.message).toBe("Reservation r-77120 expired before payment");
    expect(event.frames).toHaveLength(2);
    expect(culpritOf(event.frames, event.platform)).toBe("Reservations/ExpirySweeper.cs in async Task ExpirySweeper.SweepAsync(CancellationToken ct)");
  });

  it("without PDBs the bug is still told apart from others and grouped", () => {
    const event = one(dotnetNoPdbEnvelope);
    expect(event.frames.every((f) => f.filename === undefined && f.lineno === undefined)).toBe(true);
    expect(event.fingerprint).not.toBe(one(dotnetChainEnvelope).fingerprint);
  });

  it("without PDBs the culprit names the assembly, not its full display name with version and token", () => {
    const culprit = culpritOf(one(dotnetNoPdbEnvelope).frames, one(dotnetNoPdbEnvelope).platform);
    expect(culprit).toBe("Larkspur.Inventory.Api in Carrier ShippingQuoteService.PickCarrier(Parcel parcel, string country)");
  });

  it("the envelope's sent_at (DateTimeOffset, +00:00) drives clock-drift correction, breadcrumbs included", () => {
    const [raw] = unpackEnvelope(parseEnvelope(dotnetChainEnvelope)).events;
    const sentAt = parseEnvelope(dotnetChainEnvelope).header.sent_at;
    // The server clock is two hours ahead of the device's: everything moves by the same two hours.
    const corrected = correctEventTime(raw, sentAt, new Date(Date.parse("2026-03-14T09:26:53.615Z") + 2 * 3_600_000));
    expect(corrected.occurredAt).toBe("2026-03-14T11:26:53.589Z");
    const crumbs = ((corrected.context as { sentry: { breadcrumbs: { timestamp: unknown }[] } }).sentry.breadcrumbs ?? []).map((c) => c.timestamp);
    expect(crumbs[0]).toEqual(expect.stringMatching(/^2026-03-14T11:26:52\.98/));
  });
});

describe("sentry-dotnet: an unhandled exception in an ASP.NET Core request (SentryMiddleware)", () => {
  const event = one(dotnetRequestCrashEnvelope);

  it("shows the exception, level error → high, and the handled:false mechanism", () => {
    expect(event.eventId).toBe(DOTNET_REQUEST_CRASH_EVENT_ID);
    expect(event.type).toBe("System.Collections.Generic.KeyNotFoundException");
    expect(event.message).toBe("The given key 'east-2' was not present in the dictionary.");
    expect(event.severity).toBe("high");
    expect(sentryContext(event).mechanism).toMatchObject({ type: "SentryMiddleware.UnhandledException", handled: false });
    expect(event.exceptions).toHaveLength(1);
  });

  it("has framework, app and runtime frames in the SDK's order, innermost (Dictionary indexer) last", () => {
    expect(event.frames.map((f) => f.inApp)).toEqual([false, false, false, false, false, true, true, false]);
    expect(event.frames.at(-1)?.function).toBe("TValue Dictionary<TKey, TValue>.get_Item(TKey key)");
  });

  it("names the innermost app frame as the culprit, not the runtime frame below it", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("Stock/AvailabilityService.cs in int AvailabilityService.OnHand(string warehouseId, string sku)");
  });

  it("keeps the user from the claims (id) and the cookie string", () => {
    expect(event.userId).toBe("c7e1f0a2-5b3d-4e89-a6f4-2d9b8c1e7a35");
    expect(sentryContext(event).request).toMatchObject({ url: "http://inventory.larkspur.example/api/warehouses/east-2/availability", query_string: "?sku=SKU-00912" });
  });
});

describe("sentry-dotnet: a terminal crash via AppDomain.UnhandledException (AggregateException)", () => {
  const { contents, prepared } = ingest(dotnetWorkerCrashEnvelope);
  const event = prepared[0];

  it("shows the AggregateException first, then its members (InnerExceptions[0], [1])", () => {
    expect(event.eventId).toBe(DOTNET_WORKER_CRASH_EVENT_ID);
    expect(event.type).toBe("System.AggregateException");
    expect(event.message).toBe("One or more errors occurred.");
    expect(event.exceptions?.map((e) => e.type)).toEqual(["System.AggregateException", "System.FormatException", "System.Net.Http.HttpRequestException"]);
    expect(sentryContext(event).mechanism).toMatchObject({ type: "AppDomain.UnhandledException", handled: false, is_exception_group: true });
  });

  it("keeps level error (the SDK does not send fatal for crashes) and the installation id as user", () => {
    expect(event.severity).toBe("high");
    expect(event.userId).toBe("5f1d8e0c3b7a6e2d9c4b1a0f8e7d6c5b3a2f1e0d");
    expect(event.occurredAt.toISOString()).toBe("2026-03-14T03:00:04.771Z");
    expect(event.release).toBe("larkspur-importer@1.8.0");
  });

  it("names Program.Main as the culprit of the group's own stack", () => {
    expect(culpritOf(event.frames, event.platform)).toBe("Program.cs in void Program.Main(string[] args)");
  });

  it("counts the crashed session from the same envelope", () => {
    expect(contents.sessions).toEqual([{ minute: "2026-03-14T03:00:00.000Z", release: "larkspur-importer@1.8.0", environment: "production", ok: 0, errored: 0, crashed: 1, abnormal: 0, sid: expect.any(String), did: expect.any(String) }]);
  });

  it("groups the crash by its members whichever member failed first", () => {
    const swapped = JSON.parse(parseEnvelope(dotnetWorkerCrashEnvelope).items[0].payload.toString("utf8"));
    const values = swapped.exception.values;
    [values[0], values[1]] = [values[1], values[0]];
    values[0].mechanism.source = "InnerExceptions[1]";
    values[1].mechanism.source = "InnerExceptions[0]";
    const [reordered] = unpackEnvelope({ header: {}, items: [{ type: "event", header: { type: "event" }, payload: Buffer.from(JSON.stringify(swapped)) }] }).events;
    expect(prepareEvent(reordered, RECEIVED_AT).fingerprint).toBe(event.fingerprint);
  });
});

describe("sentry-dotnet: messages", () => {
  it("ILogger: shows the formatted text, keys the issue on the {OriginalFormat} template, severity medium", () => {
    const event = one(dotnetLogEnvelope);
    expect(event.eventId).toBe(DOTNET_LOG_EVENT_ID);
    expect(event.type).toBe("Message");
    expect(event.message).toBe("Stock for SKU-00912 in north fell to 3, below the reorder point");
    expect(event.severity).toBe("medium");
    expect(event.tags).toMatchObject({ Sku: "SKU-00912", Warehouse: "north", OnHand: "3" });
    expect(sentryContext(event).logger).toBe("Larkspur.Inventory.Api.Stock.ReorderMonitor");
    expect(one(dotnetLogAgainEnvelope).fingerprint).toBe(event.fingerprint);
  });

  it("ILogger: the stack from the current thread gives the culprit (the logging method, not MEL)", () => {
    const event = one(dotnetLogEnvelope);
    expect(event.frames).toHaveLength(6);
    expect(culpritOf(event.frames, event.platform)).toBe("Stock/ReorderMonitor.cs in void ReorderMonitor.CheckLevel(StockLevel level)");
  });

  it("ILogger: another message logged from the same method is another issue", () => {
    expect(one(dotnetOtherLogEnvelope).fingerprint).not.toBe(one(dotnetLogEnvelope).fingerprint);
  });

  it("CaptureMessage: logentry.message only is the text", () => {
    const event = one(dotnetCaptureMessageEnvelope);
    expect(event.type).toBe("Message");
    expect(event.message).toBe("Nightly reconciliation skipped: ledger is locked by another node");
    expect(event.severity).toBe("medium");
    expect(culpritOf(event.frames, event.platform)).toBe("Reconciliation/NightlyReconciler.cs in async Task NightlyReconciler.RunAsync(CancellationToken ct)");
  });

  it("Serilog with an exception: the exception is the title, the rendered log line is kept", () => {
    const event = one(dotnetSerilogEnvelope);
    expect(event.type).toBe("System.Threading.Tasks.TaskCanceledException");
    expect(event.message).toBe("The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.");
    expect(event.severity).toBe("high");
    expect(sentryContext(event).message).toBe("Price sync for 311 failed after 3 attempts");
    expect(sentryContext(event).extra).toMatchObject({ SupplierId: 311, Attempts: 3 });
    expect(culpritOf(event.frames, event.platform)).toBe("Pricing/PriceSync.cs in async Task PriceSync.SyncSupplierAsync(int supplierId, CancellationToken ct)");
  });
});

describe("sentry-unity", () => {
  it("Debug.LogException: the exception, handled:false, culprit by module + file", () => {
    const event = one(unityExceptionEnvelope);
    expect(event.type).toBe("System.NullReferenceException");
    expect(event.message).toBe("Object reference not set to an instance of an object");
    expect(event.severity).toBe("high");
    expect(sentryContext(event).mechanism).toMatchObject({ type: "Unity.LogException", handled: false });
    expect(culpritOf(event.frames, event.platform)).toBe("Scripts/Harbor/CargoManifest.cs in Unload");
    expect(event.frames.map((f) => f.module)).toEqual(["UnityEngine.Events.InvokableCall", "Larkspur.Harbor.DockController", "Larkspur.Harbor.CargoManifest"]);
  });

  it("Debug.LogError: a message with Unity's parsed stack in the current thread", () => {
    const event = one(unityLogErrorEnvelope);
    expect(event.type).toBe("Message");
    expect(event.message).toBe("Save slot 2 could not be written: disk quota exceeded");
    expect(event.severity).toBe("high");
    expect(culpritOf(event.frames, event.platform)).toBe("SaveSystem.cs in Larkspur.Harbor.Persistence.SaveSystem:WriteSlot (int)");
  });
});

describe("sentry-dotnet transport (HttpTransport + GzipBufferedRequestBodyHandler)", () => {
  const auth = `Sentry sentry_version=7,sentry_client=sentry.dotnet/${DOTNET_SDK_VERSION},sentry_key=${DOTNET_PUBLIC_KEY}`;

  it("X-Sentry-Auth without spaces after the commas gives key, client and version", () => {
    expect(parseSentryAuth(auth, null)).toEqual({ key: DOTNET_PUBLIC_KEY, client: "sentry.dotnet/6.9.0", version: "7" });
    expect(parseSentryAuth(`${auth},sentry_secret=0a1b2c3d`, null).key).toBe(DOTNET_PUBLIC_KEY);
  });

  it("POST /api/<project>/envelope/ (with the trailing slash) is the envelope door", () => {
    expect(matchIngestRoute("POST", "/api/42/envelope/")).toEqual({ door: "sentry", endpoint: "envelope", publicId: "42", preflight: false });
  });

  it("a gzip body without Content-Type, with Content-Length, decodes to the envelope", async () => {
    const wire = gzipSync(dotnetChainEnvelope);
    const req = new Request("http://faultline.test/api/42/envelope/", {
      method: "POST",
      headers: { "X-Sentry-Auth": auth, Accept: "application/json", "Content-Encoding": "gzip", "Content-Length": String(wire.length) },
      body: wire,
    });
    expect(req.headers.get("content-type")).toBeNull();
    const body = await readBody(req, { maxWireBytes: 20 * 1024 * 1024, maxDecodedBytes: 20 * 1024 * 1024 });
    expect(body.equals(dotnetChainEnvelope)).toBe(true);
    expect(one(body).eventId).toBe(DOTNET_CHAIN_EVENT_ID);
  });
});
