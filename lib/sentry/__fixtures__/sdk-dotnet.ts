/**
 * Payloads in the shapes sentry-dotnet 6.9.0 (getsentry/sentry-dotnet @ 2be688c6, Aug 2026) and
 * sentry-unity 4.9.0 (getsentry/sentry-unity @ 3a8c5122) send. Hand-written from reading the SDK
 * source; app names, messages, paths and ids are invented.
 *
 * Source files read (paths in getsentry/sentry-dotnet):
 *   src/Sentry/Protocol/Envelopes/Envelope.cs, EnvelopeItem.cs (envelope layout, item headers)
 *   src/Sentry/SentryEvent.cs, SentryMessage.cs, SentryStackFrame.cs, SentryStackTrace.cs,
 *   SentryThread.cs, SentryRequest.cs, SentryUser.cs, Breadcrumb.cs, SdkVersion.cs, SentryId.cs,
 *   SessionUpdate.cs, DynamicSamplingContext.cs (JSON field names and order)
 *   src/Sentry/Protocol/SentryException.cs, Mechanism.cs, DebugImage.cs
 *   src/Sentry/Internal/MainExceptionProcessor.cs (chain order, exception_id/parent_id, AggregateException)
 *   src/Sentry/Internal/MainSentryEventProcessor.cs, Enricher.cs (threads for messages, level, user, contexts)
 *   src/Sentry/Internal/DebugStackTrace.cs, src/Sentry/Extensibility/SentryStackTraceFactory.cs
 *     (frame fields; Enhanced mode, the default: `function` is the demystified signature, `module` is
 *     nulled, `package` is the assembly's full name, `instruction_addr` the IL offset, `addr_mode` rel:N)
 *   src/Sentry/SentryOptions.cs (CreateHttpRequest, defaults), src/Sentry/Dsn.cs
 *   src/Sentry/Http/HttpTransportBase.cs, src/Sentry/Internal/Http/{EnvelopeHttpContent,
 *     DefaultSentryHttpClientFactory,GzipBufferedRequestBodyHandler,GzipRequestBodyHandler}.cs
 *   src/Sentry/Integrations/AppDomainUnhandledExceptionIntegration.cs
 *   src/Sentry.AspNetCore/SentryMiddleware.cs, ScopeExtensions.cs, DefaultUserFactory.cs
 *   src/Sentry.Extensions.Logging/SentryLogger.cs, src/Sentry.Serilog/SentrySink.cs, src/Sentry.NLog/SentryTarget.cs
 *   test/Sentry.Serilog.Tests/IntegrationTests.Simple.DotNet9_0.verified.txt,
 *   test/Sentry.Tests/Internals/SentryStackTraceFactoryTests.MethodGeneric_mode=*.verified.txt
 * (getsentry/sentry-unity): src/Sentry.Unity/Integrations/UnityLogHandlerIntegration.cs,
 *   UnityApplicationLoggingIntegration.cs, UnityLogEventFactory.cs, UnityStackTraceParser.cs,
 *   src/Sentry.Unity/SentryUnityOptions.cs (StackTraceMode.Original), Il2CppEventProcessor.cs
 *
 * HTTP request (6.9.0: envelope endpoint only, Dsn.GetStoreEndpointUri is not used by the transport;
 * CHANGELOG: envelope support added in 3.0.0-alpha.1; 2.x transport code not read):
 *   POST {scheme}://{host}[:port]{dsn path prefix}/api/{projectId}/envelope/   (trailing slash)
 *   X-Sentry-Auth: Sentry sentry_version=7,sentry_client=sentry.dotnet/6.9.0,sentry_key=<public key>
 *     (no spaces after the commas; ",sentry_secret=<secret>" appended only for legacy DSNs with a secret)
 *   Accept: application/json
 *   Content-Encoding: gzip (RequestBodyCompressionLevel defaults to Optimal; NoCompression sends it raw)
 *   Content-Length: set (RequestBodyCompressionBuffered defaults to true; false streams it chunked)
 *   No Content-Type header (EnvelopeHttpContent sets none; only the Spotlight transport sets
 *     application/x-sentry-envelope). The SDK treats only 200 as success.
 *
 * Envelope: `{"sdk":{"name":"sentry.dotnet","version":…},"event_id":…,"trace":{…},"sent_at":…}`,
 * then per item `{"type":…,"length":N}` + payload, each item followed by "\n" (so the body ends
 * with a newline). Attachments add filename, attachment_type and content_type. Event ids are Guid
 * "n" format (32 lower-case hex); timestamps are System.Text.Json DateTimeOffset strings with 7
 * fractional digits and a "+00:00" offset; breadcrumb timestamps are "yyyy-MM-ddTHH:mm:ss.fffZ".
 */
import { buildEnvelope } from "./envelopes";

export const DOTNET_SDK_VERSION = "6.9.0";
export const DOTNET_PUBLIC_KEY = "5c0ffee4b2a94d17a8e3f6b1d9c27e40";
export const DOTNET_TRACE_ID = "b41f7e2c9a0d4e6f8c3b5a7d1e9f2c40";
/** What the dotnet helper in the test compares the prepared events with (see the receivedAt there). */
export const RECEIVED_AT = new Date("2026-03-14T09:30:00.000Z");

const APP_ASSEMBLY = (version: string) => `Larkspur.Inventory.Api, Version=${version}, Culture=neutral, PublicKeyToken=null`;
const EFCORE = "Microsoft.EntityFrameworkCore.Relational, Version=9.0.2.0, Culture=neutral, PublicKeyToken=adb9793829ddae60";
const EFCORE_CORE = "Microsoft.EntityFrameworkCore, Version=9.0.2.0, Culture=neutral, PublicKeyToken=adb9793829ddae60";
const NPGSQL = "Npgsql, Version=9.0.3.0, Culture=neutral, PublicKeyToken=5d8b90d52f46fda7";
const CORELIB = "System.Private.CoreLib, Version=9.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e";
const LINQ = "System.Linq, Version=9.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
const MVC_CORE = "Microsoft.AspNetCore.Mvc.Core, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60";
const ROUTING = "Microsoft.AspNetCore.Routing, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60";
const SENTRY_ASPNETCORE = "Sentry.AspNetCore, Version=6.9.0.0, Culture=neutral, PublicKeyToken=fba2ec45388e2af0";
const MEL = "Microsoft.Extensions.Logging, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60";
const MEL_ABSTRACTIONS = "Microsoft.Extensions.Logging.Abstractions, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60";
const HTTP = "System.Net.Http, Version=9.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";
const RUNTIME = "System.Runtime, Version=9.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a";

/** An app frame as DebugStackTrace writes it with a portable PDB and Sentry's project-directory attribute. */
function appFrame(file: string, fn: string, lineno: number, colno: number, opts: { assembly?: string; il: string; fid: string; image?: number }) {
  return {
    filename: file,
    function: fn,
    lineno,
    colno,
    abs_path: `/src/Larkspur.Inventory.Api/${file}`,
    in_app: true,
    package: opts.assembly ?? APP_ASSEMBLY("2.3.0.0"),
    instruction_addr: opts.il,
    addr_mode: `rel:${opts.image ?? 0}`,
    function_id: opts.fid,
  };
}

/** A framework / runtime frame: no PDB line info on the server, so no file or line. */
function libFrame(fn: string, pkg: string, il: string, fid: string, image: number) {
  return { function: fn, in_app: false, package: pkg, instruction_addr: il, addr_mode: `rel:${image}`, function_id: fid };
}

const peImage = (name: string, dir: string, debugId: string, codeId: string) => ({
  type: "pe_dotnet",
  debug_id: debugId,
  debug_checksum: `SHA256:${debugId.replaceAll("-", "").slice(0, 32)}${"0".repeat(32)}`,
  debug_file: `${dir}/${name}.pdb`,
  code_id: codeId,
  code_file: `/app/${name}.dll`,
});

const APP_IMAGE = peImage("Larkspur.Inventory.Api", "/src/Larkspur.Inventory.Api/obj/Release/net9.0", "3f9a1c52-7d4e-4b0a-9c6e-15a2b8d7e4f1-2c1d9e0a", "D4C8B2A1e000");

const contexts = (extra: Record<string, unknown> = {}) => ({
  "Current Culture": { name: "en-US", display_name: "English (United States)", calendar: "GregorianCalendar" },
  "Dynamic Code": { Compiled: true, Supported: true },
  "Memory Info": { allocated_bytes: 81264392, heap_size_bytes: 23871232, high_memory_load_threshold_bytes: 7516192768, total_available_memory_bytes: 8353546240, memory_load_bytes: 2505283584, compacted: false, concurrent: false },
  "ThreadPool Info": { min_worker_threads: 2, min_completion_port_threads: 2, max_worker_threads: 32767, max_completion_port_threads: 1000, available_worker_threads: 32764, available_completion_port_threads: 1000 },
  app: { type: "app", app_start_time: "2026-03-14T06:02:11.4418803+00:00" },
  device: { type: "device", timezone: "Etc/UTC", timezone_display_name: "(UTC) Coordinated Universal Time", boot_time: "2026-03-12T22:40:03.0000000+00:00" },
  os: { type: "os", raw_description: "Linux 6.8.0-1021-azure #25-Ubuntu SMP Wed Jan 15 20:45:09 UTC 2026" },
  runtime: { type: "runtime", name: ".NET", version: "9.0.2", raw_description: ".NET 9.0.2", identifier: "linux-x64" },
  trace: { type: "trace", span_id: "3c1a9e7f5b2d4068", trace_id: DOTNET_TRACE_ID, op: "http.server", origin: "auto.http.aspnetcore", status: "ok" },
  ...extra,
});

const aspNetCoreSdk = {
  packages: [
    { name: "nuget:Sentry", version: DOTNET_SDK_VERSION },
    { name: "nuget:Sentry.AspNetCore", version: DOTNET_SDK_VERSION },
  ],
  integrations: ["AutoSessionTracking", "AppDomainUnhandledException", "AppDomainProcessExit", "UnobservedTaskException", "SentryDiagnosticListener"],
  name: "sentry.dotnet.aspnetcore",
  version: DOTNET_SDK_VERSION,
};

const modules = {
  "Larkspur.Inventory.Api": "2.3.0.0",
  "System.Private.CoreLib": "9.0.0.0",
  "Microsoft.AspNetCore.Mvc.Core": "9.0.0.0",
  "Microsoft.EntityFrameworkCore": "9.0.2.0",
  Npgsql: "9.0.3.0",
  Sentry: "6.9.0.0",
  "Sentry.AspNetCore": "6.9.0.0",
};

const breadcrumbs = [
  { timestamp: "2026-03-14T09:26:52.981Z", message: "Request starting HTTP/1.1 POST http://inventory.larkspur.example/api/orders/58231/reserve - application/json 212", category: "Microsoft.AspNetCore.Hosting.Diagnostics" },
  { timestamp: "2026-03-14T09:26:53.402Z", message: "Executed DbCommand (12ms) [Parameters=[@p0='?', @p1='?'], CommandType='Text', CommandTimeout='30']", category: "Microsoft.EntityFrameworkCore.Database.Command", level: "info" },
  { timestamp: "2026-03-14T09:26:53.455Z", message: "Failed executing DbCommand (4ms)", data: { eventId: "20102", "event.name": "Microsoft.EntityFrameworkCore.Database.Command.CommandError" }, category: "Microsoft.EntityFrameworkCore.Database.Command", level: "error" },
];

// ---------------------------------------------------------------------------------------------
// 1. A handled exception with an InnerException chain (three deep), captured with
//    SentrySdk.CaptureException(ex) in a controller's catch block:
//      Larkspur.Inventory.Reservations.StockReservationException: Could not reserve stock for order 58231
//       ---> Microsoft.EntityFrameworkCore.DbUpdateException: An error occurred while saving the entity changes. …
//       ---> Npgsql.PostgresException: 23505: duplicate key value violates unique constraint "ix_reservations_order_id_sku"
//    exception.values: innermost first, the raised one last; ids in walk order (outer 0, then 1, 2).
// ---------------------------------------------------------------------------------------------

export const DOTNET_CHAIN_EVENT_ID = "0d6a2c4e8f1b4a3c9e7d5b2a1c0f8e6d";

function reservationEvent(opts: { eventId: string; orderId: number; throwLine: number; saveLine: number; timestamp: string; assemblyVersion?: string; release?: string }) {
  const asm = APP_ASSEMBLY(opts.assemblyVersion ?? "2.3.0.0");
  return {
    modules,
    event_id: opts.eventId,
    timestamp: opts.timestamp,
    platform: "csharp",
    release: opts.release ?? "larkspur-inventory@2.3.0+8f3c2a1",
    exception: {
      values: [
        {
          type: "Npgsql.PostgresException",
          value: '23505: duplicate key value violates unique constraint "ix_reservations_order_id_sku"',
          module: NPGSQL,
          thread_id: 23,
          stacktrace: {
            frames: [
              libFrame("async Task ReaderModificationCommandBatch.ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken)", EFCORE, "0x1a4", "0x8f2", 1),
              libFrame("async Task<RelationalDataReader> RelationalCommand.ExecuteReaderAsync(RelationalCommandParameterObject parameterObject, CancellationToken cancellationToken)", EFCORE, "0x2b9", "0x6c1", 1),
              libFrame("async Task<NpgsqlDataReader> NpgsqlCommand.ExecuteReader(bool async, CommandBehavior behavior, CancellationToken cancellationToken)", NPGSQL, "0x3c4", "0x51d", 2),
              libFrame("async Task NpgsqlDataReader.NextResult(bool async, bool isConsuming, CancellationToken cancellationToken)", NPGSQL, "0x5a8", "0x47e", 2),
              libFrame("async ValueTask<IBackendMessage> NpgsqlConnector.ReadMessageLong(bool async, DataRowLoadingMode dataRowLoadingMode, bool readingNotifications, bool isReadingPrependedMessage)", NPGSQL, "0x2f1", "0x3a2", 2),
            ],
          },
          mechanism: { type: "chained", source: "InnerException", handled: true, exception_id: 2, parent_id: 1, data: { HResult: "0x80004005", SqlState: "23505", ConstraintName: "ix_reservations_order_id_sku" } },
        },
        {
          type: "Microsoft.EntityFrameworkCore.DbUpdateException",
          value: "An error occurred while saving the entity changes. See the inner exception for details.",
          module: EFCORE_CORE,
          thread_id: 23,
          stacktrace: {
            frames: [
              appFrame("Reservations/ReservationService.cs", "async Task<Reservation> ReservationService.ReserveAsync(Guid orderId, IReadOnlyList<OrderLine> lines, CancellationToken ct)", opts.saveLine, 13, { assembly: asm, il: "0x11e", fid: "0x2c" }),
              libFrame("async Task<int> DbContext.SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)", EFCORE_CORE, "0x97", "0x3f0", 3),
              libFrame("async Task<int> StateManager.SaveChangesAsync(IList<IUpdateEntry> entriesToSave, CancellationToken cancellationToken)", EFCORE_CORE, "0x12c", "0x9b4", 3),
              libFrame("async Task<int> BatchExecutor.ExecuteAsync(IEnumerable<ModificationCommandBatch> commandBatches, IRelationalConnection connection, CancellationToken cancellationToken)", EFCORE, "0x1f0", "0x7d3", 1),
              libFrame("async Task ReaderModificationCommandBatch.ExecuteAsync(IRelationalConnection connection, CancellationToken cancellationToken)", EFCORE, "0x2e7", "0x8f2", 1),
            ],
          },
          mechanism: { type: "chained", source: "InnerException", handled: true, exception_id: 1, parent_id: 0, data: { HResult: "0x80131500" } },
        },
        {
          type: "Larkspur.Inventory.Reservations.StockReservationException",
          value: `Could not reserve stock for order ${opts.orderId}`,
          module: asm,
          thread_id: 23,
          stacktrace: {
            frames: [
              appFrame("Controllers/OrdersController.cs", "async Task<IActionResult> OrdersController.ReserveAsync(Guid orderId, ReserveRequest body, CancellationToken ct)", 48, 17, { assembly: asm, il: "0x8b", fid: "0x1f" }),
              appFrame("Reservations/ReservationService.cs", "async Task<Reservation> ReservationService.ReserveAsync(Guid orderId, IReadOnlyList<OrderLine> lines, CancellationToken ct)", opts.throwLine, 17, { assembly: asm, il: "0x15a", fid: "0x2c" }),
            ],
          },
          mechanism: { type: "generic", handled: true, exception_id: 0, data: { HResult: "0x80131500" } },
        },
      ],
    },
    level: "error",
    transaction: "POST /api/orders/{orderId}/reserve",
    request: {
      env: { SERVER_NAME: "inventory-api-6b7f9", SERVER_PORT: "8080" },
      headers: { Accept: "application/json", Host: "inventory.larkspur.example", "User-Agent": "larkspur-storefront/5.2", "Content-Type": "application/json", "Content-Length": "212" },
      url: `http://inventory.larkspur.example/api/orders/${opts.orderId}/reserve`,
      method: "POST",
      query_string: "?warehouse=north",
    },
    contexts: contexts(),
    user: { id: "c7e1f0a2-5b3d-4e89-a6f4-2d9b8c1e7a35", username: "mira.okafor", email: "mira.okafor@larkspur.example", ip_address: "10.42.7.19" },
    environment: "production",
    sdk: aspNetCoreSdk,
    breadcrumbs,
    tags: { TraceIdentifier: "0HNB4R1K2L3M4:00000007", "route.controller": "Orders", "route.action": "Reserve", warehouse: "north" },
    debug_meta: {
      images: [
        peImage("Larkspur.Inventory.Api", "/src/Larkspur.Inventory.Api/obj/Release/net9.0", "3f9a1c52-7d4e-4b0a-9c6e-15a2b8d7e4f1-2c1d9e0a", "D4C8B2A1e000"),
        peImage("Microsoft.EntityFrameworkCore.Relational", "/_/artifacts/obj/EFCore.Relational/Release/net8.0", "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d-1a2b3c4d", "F1E2D3C4b4000"),
        peImage("Npgsql", "/_/src/Npgsql/obj/Release/net8.0", "6e5d4c3b-2a19-4f8e-8d7c-6b5a49382716-9f8e7d6c", "B7A69584a2000"),
        peImage("Microsoft.EntityFrameworkCore", "/_/artifacts/obj/EFCore/Release/net8.0", "1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9-0a1b2c3d", "C3B2A1F0c8000"),
      ],
    },
  };
}

export const dotnetChainEvent = reservationEvent({ eventId: DOTNET_CHAIN_EVENT_ID, orderId: 58231, throwLine: 57, saveLine: 52, timestamp: "2026-03-14T09:26:53.5897932+00:00" });

/** The same bug again: another order, the code moved down two lines. */
export const dotnetChainAgainEvent = reservationEvent({ eventId: "4e2b8d0f6a1c4b9e8d3f7a5c2e0b1d94", orderId: 60417, throwLine: 59, saveLine: 54, timestamp: "2026-03-14T09:28:10.1204410+00:00" });

/** The same bug after the next release: the assembly version (part of every frame's `package`) changed. */
export const dotnetChainNextReleaseEvent = reservationEvent({
  eventId: "9c1e5a7b3d2f4e608a4c6e8b0d2f4a61",
  orderId: 61002,
  throwLine: 57,
  saveLine: 52,
  timestamp: "2026-03-14T09:29:01.0000000+00:00",
  assemblyVersion: "2.4.0.0",
  release: "larkspur-inventory@2.4.0+c0ffee9",
});

const dotnetHeader = (eventId: string, transaction?: string) => ({
  sdk: { name: "sentry.dotnet", version: DOTNET_SDK_VERSION },
  event_id: eventId,
  trace: {
    trace_id: DOTNET_TRACE_ID,
    public_key: DOTNET_PUBLIC_KEY,
    sampled: "false",
    sample_rate: "0.1",
    sample_rand: "0.7312",
    release: "larkspur-inventory@2.3.0+8f3c2a1",
    environment: "production",
    ...(transaction ? { transaction } : {}),
  },
  sent_at: "2026-03-14T09:26:53.6150021+00:00",
});

/** Every item carries `length`; Envelope.Serialize writes "\n" after each item, so the body ends with one. */
const dotnetEnvelope = (eventId: string, payload: unknown, more: { header: Record<string, unknown>; payload: unknown }[] = [], transaction?: string) =>
  buildEnvelope(
    dotnetHeader(eventId, transaction),
    [{ header: { type: "event" }, payload, withLength: true }, ...more.map((m) => ({ ...m, withLength: true }))],
    { trailingNewline: true },
  );

export const dotnetChainEnvelope = dotnetEnvelope(DOTNET_CHAIN_EVENT_ID, dotnetChainEvent, [], "POST /api/orders/{orderId}/reserve");
export const dotnetChainAgainEnvelope = dotnetEnvelope(dotnetChainAgainEvent.event_id, dotnetChainAgainEvent);
export const dotnetChainNextReleaseEnvelope = dotnetEnvelope(dotnetChainNextReleaseEvent.event_id, dotnetChainNextReleaseEvent);

// ---------------------------------------------------------------------------------------------
// 2. An unhandled exception in an ASP.NET Core request, captured and rethrown by SentryMiddleware:
//    one exception (no exception_id/parent_id for a single one), mechanism handled:false, level
//    stays "error". Innermost frame is the runtime's Dictionary indexer, then app, MVC, routing,
//    the Sentry middleware itself where the exception was caught.
// ---------------------------------------------------------------------------------------------

export const DOTNET_REQUEST_CRASH_EVENT_ID = "a3f5c7e9b1d34f6a8c0e2b4d6f8a1c3e";

export const dotnetRequestCrashEvent = {
  modules,
  event_id: DOTNET_REQUEST_CRASH_EVENT_ID,
  timestamp: "2026-03-14T09:27:31.0042117+00:00",
  platform: "csharp",
  release: "larkspur-inventory@2.3.0+8f3c2a1",
  exception: {
    values: [
      {
        type: "System.Collections.Generic.KeyNotFoundException",
        value: "The given key 'east-2' was not present in the dictionary.",
        module: CORELIB,
        thread_id: 31,
        stacktrace: {
          frames: [
            libFrame("async Task SentryMiddleware.InvokeAsync(HttpContext context, RequestDelegate next)", SENTRY_ASPNETCORE, "0x2c1", "0x4e", 1),
            libFrame("async Task EndpointMiddleware.Invoke(HttpContext httpContext)+AwaitRequestTask(Endpoint endpoint, Task requestTask, ILogger logger)", ROUTING, "0x61", "0x10d", 2),
            libFrame("async Task ResourceInvoker.InvokeAsync()+Awaited(?)", MVC_CORE, "0x5c", "0x3b7", 3),
            libFrame("async Task ControllerActionInvoker.InvokeInnerFilterAsync()+Rethrow(ActionExecutedContextSealed context)", MVC_CORE, "0x2a", "0x2f9", 3),
            libFrame("async ValueTask<IActionResult> ActionMethodExecutor+TaskOfIActionResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, object controller, object[] arguments)", MVC_CORE, "0x4b", "0x1a8", 3),
            appFrame("Controllers/WarehousesController.cs", "async Task<IActionResult> WarehousesController.GetAvailabilityAsync(string warehouseId, string sku, CancellationToken ct)", 31, 13, { il: "0x3e", fid: "0x24" }),
            appFrame("Stock/AvailabilityService.cs", "int AvailabilityService.OnHand(string warehouseId, string sku)", 88, 9, { il: "0x1d", fid: "0x37" }),
            libFrame("TValue Dictionary<TKey, TValue>.get_Item(TKey key)", CORELIB, "0x1e", "0x1b5c", 4),
          ],
        },
        mechanism: {
          type: "SentryMiddleware.UnhandledException",
          description:
            "This exception was captured by the Sentry ASP.NET Core middleware, and then re-thrown.The web server likely returned a 5xx error code as a result of this exception.",
          handled: false,
          data: { HResult: "0x80131577" },
        },
      },
    ],
  },
  level: "error",
  transaction: "GET /api/warehouses/{warehouseId}/availability",
  request: {
    env: { SERVER_NAME: "inventory-api-6b7f9", SERVER_PORT: "8080", REMOTE_ADDR: "10.42.7.19" },
    headers: { Accept: "application/json", Host: "inventory.larkspur.example", Cookie: ".AspNetCore.Session=CfDJ8Ab12; theme=dark" },
    url: "http://inventory.larkspur.example/api/warehouses/east-2/availability",
    method: "GET",
    query_string: "?sku=SKU-00912",
    cookies: ".AspNetCore.Session=CfDJ8Ab12; theme=dark",
  },
  contexts: contexts(),
  user: { id: "c7e1f0a2-5b3d-4e89-a6f4-2d9b8c1e7a35", username: "mira.okafor", ip_address: "10.42.7.19" },
  environment: "production",
  sdk: aspNetCoreSdk,
  tags: { TraceIdentifier: "0HNB4R1K2L3M4:00000009", "route.controller": "Warehouses", "route.action": "GetAvailability" },
  debug_meta: {
    images: [
      peImage("Larkspur.Inventory.Api", "/src/Larkspur.Inventory.Api/obj/Release/net9.0", "3f9a1c52-7d4e-4b0a-9c6e-15a2b8d7e4f1-2c1d9e0a", "D4C8B2A1e000"),
      peImage("Sentry.AspNetCore", "/_/src/Sentry.AspNetCore/obj/Release/net9.0", "0f1e2d3c-4b5a-4697-8877-665544332211-12345678", "E5D4C3B2a000"),
      peImage("Microsoft.AspNetCore.Routing", "/_/artifacts/obj/Microsoft.AspNetCore.Routing/Release/net9.0", "22334455-6677-4899-aabb-ccddeeff0011-87654321", "A1A2A3A4b6000"),
      peImage("Microsoft.AspNetCore.Mvc.Core", "/_/artifacts/obj/Microsoft.AspNetCore.Mvc.Core/Release/net9.0", "33445566-7788-49aa-bbcc-ddeeff001122-abcdef01", "B1B2B3B4d2000"),
      peImage("System.Private.CoreLib", "/_/artifacts/obj/coreclr/System.Private.CoreLib/Release/x64", "44556677-8899-4abb-ccdd-eeff00112233-fedcba98", "C1C2C3C41000000"),
    ],
  },
};

export const dotnetRequestCrashEnvelope = dotnetEnvelope(DOTNET_REQUEST_CRASH_EVENT_ID, dotnetRequestCrashEvent, [], "GET /api/warehouses/{warehouseId}/availability");

// ---------------------------------------------------------------------------------------------
// 3. A terminal crash of a console worker: an AggregateException from Task.WaitAll reaches
//    AppDomain.UnhandledException. The group is exception_id 0 with is_exception_group; each
//    member has source "InnerExceptions[i]" and parent_id 0. Walk order is pre-order, reversed
//    for the payload. The SDK ends the session as crashed in the same envelope.
// ---------------------------------------------------------------------------------------------

export const DOTNET_WORKER_CRASH_EVENT_ID = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
const WORKER = "Larkspur.Importer, Version=1.8.0.0, Culture=neutral, PublicKeyToken=null";
const workerFrame = (file: string, fn: string, lineno: number, colno: number, il: string, fid: string) => ({
  filename: file,
  function: fn,
  lineno,
  colno,
  abs_path: `/src/Larkspur.Importer/${file}`,
  in_app: true,
  package: WORKER,
  instruction_addr: il,
  addr_mode: "rel:0",
  function_id: fid,
});

export const dotnetWorkerCrashEvent = {
  event_id: DOTNET_WORKER_CRASH_EVENT_ID,
  timestamp: "2026-03-14T03:00:04.7719310+00:00",
  platform: "csharp",
  server_name: "importer-cron-01",
  release: "larkspur-importer@1.8.0",
  exception: {
    values: [
      {
        type: "System.Net.Http.HttpRequestException",
        value: "Response status code does not indicate success: 503 (Service Unavailable).",
        module: HTTP,
        thread_id: 1,
        stacktrace: {
          frames: [
            workerFrame("Jobs/SupplierImportJob.cs", "async Task SupplierImportJob.RunAsync(int supplierId, CancellationToken ct)", 40, 13, "0x5f", "0x12"),
            workerFrame("Feeds/SupplierFeedClient.cs", "async Task<Stream> SupplierFeedClient.DownloadAsync(int supplierId, CancellationToken ct)", 27, 9, "0x74", "0x19"),
            libFrame("HttpResponseMessage HttpResponseMessage.EnsureSuccessStatusCode()", HTTP, "0x41", "0x2d8", 1),
          ],
        },
        mechanism: { type: "chained", source: "InnerExceptions[1]", handled: false, exception_id: 2, parent_id: 0, data: { HResult: "0x80131500" } },
      },
      {
        type: "System.FormatException",
        value: "The input string 'N/A' was not in a correct format.",
        module: CORELIB,
        thread_id: 1,
        stacktrace: {
          frames: [
            workerFrame("Jobs/SupplierImportJob.cs", "async Task SupplierImportJob.RunAsync(int supplierId, CancellationToken ct)", 44, 17, "0x9a", "0x12"),
            workerFrame("Feeds/FeedRowParser.cs", "int FeedRowParser.ParseQuantity(ReadOnlySpan<char> cell)", 63, 9, "0x0c", "0x21"),
            libFrame("int int.Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider provider)", CORELIB, "0x1b", "0x2e17", 2),
            libFrame("void Number.ThrowFormatException<TChar>(ReadOnlySpan<TChar> value)", CORELIB, "0x3a", "0x3c09", 2),
          ],
        },
        mechanism: { type: "chained", source: "InnerExceptions[0]", handled: false, exception_id: 1, parent_id: 0, data: { HResult: "0x80131537" } },
      },
      {
        type: "System.AggregateException",
        value: "One or more errors occurred.",
        module: CORELIB,
        thread_id: 1,
        stacktrace: {
          frames: [
            workerFrame("Program.cs", "void Program.Main(string[] args)", 22, 5, "0x48", "0x6"),
            libFrame("void Task.WaitAll(params Task[] tasks)", CORELIB, "0x1f", "0x1d0a", 2),
            libFrame("bool Task.WaitAllCore(ReadOnlySpan<Task> tasks, int millisecondsTimeout, CancellationToken cancellationToken)", CORELIB, "0x1c2", "0x1d0c", 2),
          ],
        },
        mechanism: {
          type: "AppDomain.UnhandledException",
          description: "This exception was caught by the .NET Application Domain global error handler. The application likely crashed as a result of this exception.",
          handled: false,
          is_exception_group: true,
          exception_id: 0,
          data: { HResult: "0x80131500" },
        },
      },
    ],
  },
  level: "error",
  contexts: contexts({ trace: { type: "trace", span_id: "77aa66bb55cc44dd", trace_id: "0a1b2c3d4e5f40718293a4b5c6d7e8f9" } }),
  user: { id: "5f1d8e0c3b7a6e2d9c4b1a0f8e7d6c5b3a2f1e0d" },
  environment: "production",
  sdk: { packages: [{ name: "nuget:Sentry", version: DOTNET_SDK_VERSION }], name: "sentry.dotnet", version: DOTNET_SDK_VERSION },
  breadcrumbs: [{ timestamp: "2026-03-14T03:00:01.204Z", message: "Importing 2 suppliers", category: "Larkspur.Importer.Program", level: "info" }],
  tags: { job: "nightly-import" },
  debug_meta: {
    images: [
      { type: "pe_dotnet", debug_id: "aa11bb22-cc33-4d44-8e55-ff6600117722-01020304", debug_file: "/src/Larkspur.Importer/obj/Release/net9.0/Larkspur.Importer.pdb", code_id: "E1E2E3E4a000", code_file: "/app/Larkspur.Importer.dll" },
      { type: "pe_dotnet", debug_id: "bb22cc33-dd44-4e55-9f66-007711882299-05060708", debug_file: "/_/artifacts/obj/System.Net.Http/Release/net9.0-linux/System.Net.Http.pdb", code_id: "F1F2F3F4c0000", code_file: "/usr/share/dotnet/shared/Microsoft.NETCore.App/9.0.2/System.Net.Http.dll" },
      { type: "pe_dotnet", debug_id: "44556677-8899-4abb-ccdd-eeff00112233-fedcba98", debug_file: "/_/artifacts/obj/coreclr/System.Private.CoreLib/Release/x64/System.Private.CoreLib.pdb", code_id: "C1C2C3C41000000", code_file: "/usr/share/dotnet/shared/Microsoft.NETCore.App/9.0.2/System.Private.CoreLib.dll" },
    ],
  },
};

/** SessionUpdate.WriteTo: the session the crash ended, in the same envelope. */
export const dotnetCrashedSession = {
  sid: "0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a59",
  did: "5f1d8e0c3b7a6e2d9c4b1a0f8e7d6c5b3a2f1e0d",
  init: false,
  started: "2026-03-14T03:00:00.9182736+00:00",
  timestamp: "2026-03-14T03:00:04.7735512+00:00",
  seq: 1,
  duration: 3,
  errors: 1,
  status: "crashed",
  attrs: { release: "larkspur-importer@1.8.0", environment: "production" },
};

export const dotnetWorkerCrashEnvelope = buildEnvelope(
  {
    sdk: { name: "sentry.dotnet", version: DOTNET_SDK_VERSION },
    event_id: DOTNET_WORKER_CRASH_EVENT_ID,
    trace: { trace_id: "0a1b2c3d4e5f40718293a4b5c6d7e8f9", public_key: DOTNET_PUBLIC_KEY, release: "larkspur-importer@1.8.0", environment: "production" },
    sent_at: "2026-03-14T03:00:04.8012345+00:00",
  },
  [
    { header: { type: "event" }, payload: dotnetWorkerCrashEvent, withLength: true },
    { header: { type: "session" }, payload: dotnetCrashedSession, withLength: true },
  ],
  { trailingNewline: true },
);

// ---------------------------------------------------------------------------------------------
// 4. A log message through Microsoft.Extensions.Logging (SentryLogger): logentry with the
//    {OriginalFormat} template and the formatted text, no params; the template's values become
//    tags; AttachStacktrace (on by default) puts the current stack in a thread (current: true).
// ---------------------------------------------------------------------------------------------

export const DOTNET_LOG_EVENT_ID = "5b4a39281706f5e4d3c2b1a098f7e6d5";

function stockLowEvent(eventId: string, sku: string, onHand: number, line: number) {
  return {
    event_id: eventId,
    timestamp: "2026-03-14T09:27:45.3310021+00:00",
    logentry: { message: "Stock for {Sku} in {Warehouse} fell to {OnHand}, below the reorder point", formatted: `Stock for ${sku} in north fell to ${onHand}, below the reorder point` },
    logger: "Larkspur.Inventory.Api.Stock.ReorderMonitor",
    platform: "csharp",
    release: "larkspur-inventory@2.3.0+8f3c2a1",
    threads: {
      values: [
        {
          id: 17,
          crashed: false,
          current: true,
          stacktrace: {
            frames: [
              libFrame("async Task BackgroundService.ExecuteAsync(CancellationToken stoppingToken)", "Microsoft.Extensions.Hosting.Abstractions, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60", "0x33", "0x1c", 1),
              appFrame("Stock/ReorderMonitor.cs", "async Task ReorderMonitor.ExecuteAsync(CancellationToken stoppingToken)", 29, 17, { il: "0x71", fid: "0x41" }),
              appFrame("Stock/ReorderMonitor.cs", "void ReorderMonitor.CheckLevel(StockLevel level)", line, 13, { il: "0x2f", fid: "0x43" }),
              libFrame("void LoggerExtensions.LogWarning(ILogger logger, string message, params object[] args)", MEL_ABSTRACTIONS, "0x0", "0x31", 2),
              libFrame("void LoggerExtensions.Log(ILogger logger, LogLevel logLevel, EventId eventId, Exception exception, string message, params object[] args)", MEL_ABSTRACTIONS, "0x1a", "0x2a", 2),
              libFrame("void Logger.Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception exception, Func<TState, Exception, string> formatter)", MEL, "0x62", "0x48", 3),
            ],
          },
        },
      ],
    },
    level: "warning",
    contexts: contexts(),
    user: { id: "5f1d8e0c3b7a6e2d9c4b1a0f8e7d6c5b3a2f1e0d" },
    environment: "production",
    sdk: { packages: [{ name: "nuget:Sentry", version: DOTNET_SDK_VERSION }, { name: "nuget:Sentry.Extensions.Logging", version: DOTNET_SDK_VERSION }], name: "sentry.dotnet.extensions.logging", version: DOTNET_SDK_VERSION },
    tags: { Sku: sku, Warehouse: "north", OnHand: String(onHand) },
    debug_meta: {
      images: [
        APP_IMAGE,
        peImage("Microsoft.Extensions.Hosting.Abstractions", "/_/artifacts/obj/Microsoft.Extensions.Hosting.Abstractions/Release/net9.0", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d-11223344", "A9B8C7D6c000"),
        peImage("Microsoft.Extensions.Logging.Abstractions", "/_/artifacts/obj/Microsoft.Extensions.Logging.Abstractions/Release/net9.0", "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e-22334455", "B9C8D7E6e000"),
        peImage("Microsoft.Extensions.Logging", "/_/artifacts/obj/Microsoft.Extensions.Logging/Release/net9.0", "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f-33445566", "C9D8E7F6a000"),
      ],
    },
  };
}

export const dotnetLogEvent = stockLowEvent(DOTNET_LOG_EVENT_ID, "SKU-00912", 3, 41);
/** The same log line for another SKU. */
export const dotnetLogAgainEvent = stockLowEvent("6c5b4a39281706f5e4d3c2b1a098f7e6", "SKU-01477", 1, 41);

/** A different log line of the same method (a few lines further), same level. */
export const dotnetOtherLogEvent = {
  ...stockLowEvent("7d6c5b4a39281706f5e4d3c2b1a098f7", "SKU-00912", 3, 47),
  logentry: { message: "Supplier {SupplierId} has no lead time configured", formatted: "Supplier 311 has no lead time configured" },
  tags: { SupplierId: "311" },
};

export const dotnetLogEnvelope = dotnetEnvelope(DOTNET_LOG_EVENT_ID, dotnetLogEvent);
export const dotnetLogAgainEnvelope = dotnetEnvelope(dotnetLogAgainEvent.event_id, dotnetLogAgainEvent);
export const dotnetOtherLogEnvelope = dotnetEnvelope(dotnetOtherLogEvent.event_id, dotnetOtherLogEvent);

/** SentrySdk.CaptureMessage("…", SentryLevel.Warning): `logentry` with `message` only. */
export const dotnetCaptureMessageEvent = {
  event_id: "8e7d6c5b4a39281706f5e4d3c2b1a098",
  timestamp: "2026-03-14T09:29:12.0000000+00:00",
  logentry: { message: "Nightly reconciliation skipped: ledger is locked by another node" },
  platform: "csharp",
  release: "larkspur-inventory@2.3.0+8f3c2a1",
  threads: {
    values: [
      {
        id: 1,
        name: "Main Thread",
        crashed: false,
        current: true,
        stacktrace: { frames: [appFrame("Reconciliation/NightlyReconciler.cs", "async Task NightlyReconciler.RunAsync(CancellationToken ct)", 35, 13, { il: "0x44", fid: "0x52" })] },
      },
    ],
  },
  level: "warning",
  environment: "production",
  sdk: { packages: [{ name: "nuget:Sentry", version: DOTNET_SDK_VERSION }], name: "sentry.dotnet", version: DOTNET_SDK_VERSION },
};
export const dotnetCaptureMessageEnvelope = dotnetEnvelope(dotnetCaptureMessageEvent.event_id, dotnetCaptureMessageEvent);

// ---------------------------------------------------------------------------------------------
// 5. Serilog's SentrySink: Log.Error(ex, "Price sync for {SupplierId} failed", 311). logentry
//    message = the template, formatted = the rendered text (Serilog quotes strings); properties
//    go to `extra`; the exception's mechanism type is "generic", handled true.
// ---------------------------------------------------------------------------------------------

export const dotnetSerilogEvent = {
  event_id: "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
  timestamp: "2026-03-14T09:29:40.5500000+00:00",
  logentry: { message: "Price sync for {SupplierId} failed after {Attempts} attempts", formatted: "Price sync for 311 failed after 3 attempts" },
  logger: "Larkspur.Inventory.Api.Pricing.PriceSync",
  platform: "csharp",
  release: "larkspur-inventory@2.3.0+8f3c2a1",
  exception: {
    values: [
      {
        type: "System.Threading.Tasks.TaskCanceledException",
        value: "The request was canceled due to the configured HttpClient.Timeout of 30 seconds elapsing.",
        module: RUNTIME,
        thread_id: 12,
        stacktrace: {
          frames: [
            appFrame("Pricing/PriceSync.cs", "async Task PriceSync.SyncSupplierAsync(int supplierId, CancellationToken ct)", 66, 21, { il: "0xb3", fid: "0x61" }),
            libFrame("async Task<HttpResponseMessage> HttpClient.SendAsync(HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken)+Core(?)", HTTP, "0x2c9", "0x3e1", 1),
            libFrame("void HttpClient.HandleFailure(Exception e, bool telemetryStarted, HttpResponseMessage response, CancellationTokenSource cts, CancellationToken cancellationToken, CancellationTokenSource pendingRequestsCts)", HTTP, "0xd4", "0x3d9", 1),
          ],
        },
        mechanism: { type: "generic", handled: true, data: { HResult: "0x8013153B" } },
      },
    ],
  },
  level: "error",
  environment: "production",
  sdk: { packages: [{ name: "nuget:Sentry", version: DOTNET_SDK_VERSION }, { name: "nuget:Sentry.Serilog", version: DOTNET_SDK_VERSION }], name: "sentry.dotnet.serilog", version: DOTNET_SDK_VERSION },
  extra: { SupplierId: 311, Attempts: 3, SourceContext: "Larkspur.Inventory.Api.Pricing.PriceSync" },
  debug_meta: { images: [APP_IMAGE, peImage("System.Net.Http", "/_/artifacts/obj/System.Net.Http/Release/net9.0-linux", "bb22cc33-dd44-4e55-9f66-007711882299-05060708", "F1F2F3F4c0000")] },
};
export const dotnetSerilogEnvelope = dotnetEnvelope(dotnetSerilogEvent.event_id, dotnetSerilogEvent);

// ---------------------------------------------------------------------------------------------
// 6. A different bug: Enumerable.First found nothing (System.Linq frame innermost), handled.
// ---------------------------------------------------------------------------------------------

export const dotnetOtherBugEvent = {
  event_id: "1a2b3c4d5e6f40718293a4b5c6d7e8f9",
  timestamp: "2026-03-14T09:29:55.2500000+00:00",
  platform: "csharp",
  release: "larkspur-inventory@2.3.0+8f3c2a1",
  exception: {
    values: [
      {
        type: "System.InvalidOperationException",
        value: "Sequence contains no matching element",
        module: CORELIB,
        thread_id: 23,
        stacktrace: {
          frames: [
            appFrame("Controllers/OrdersController.cs", "async Task<IActionResult> OrdersController.QuoteShippingAsync(Guid orderId, CancellationToken ct)", 77, 13, { il: "0x5d", fid: "0x20" }),
            appFrame("Shipping/ShippingQuoteService.cs", "Carrier ShippingQuoteService.PickCarrier(Parcel parcel, string country)", 34, 13, { il: "0x27", fid: "0x58" }),
            libFrame("TSource Enumerable.First<TSource>(IEnumerable<TSource> source, Func<TSource, bool> predicate)", LINQ, "0x10", "0x8e", 1),
            libFrame("void ThrowHelper.ThrowNoMatchException()", LINQ, "0x0", "0x2f4", 1),
          ],
        },
        mechanism: { type: "generic", handled: true, data: { HResult: "0x80131509" } },
      },
    ],
  },
  level: "error",
  transaction: "POST /api/orders/{orderId}/shipping-quote",
  environment: "production",
  sdk: aspNetCoreSdk,
  tags: { "route.controller": "Orders", "route.action": "QuoteShipping" },
  debug_meta: { images: [APP_IMAGE, peImage("System.Linq", "/_/artifacts/obj/System.Linq/Release/net9.0", "8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a-44556677", "D9E8F7A6b4000")] },
};
export const dotnetOtherBugEnvelope = dotnetEnvelope(dotnetOtherBugEvent.event_id, dotnetOtherBugEvent);

// ---------------------------------------------------------------------------------------------
// 7. Two different bugs that share the raise path except for the innermost app class: the
//    same method name ("Validate") on two validator classes of one assembly, called from the
//    same checkout method. Enhanced frames carry the class only inside `function`.
// ---------------------------------------------------------------------------------------------

function validationEvent(eventId: string, validatorFile: string, validatorClass: string, message: string, callLine: number) {
  return {
    event_id: eventId,
    timestamp: "2026-03-14T09:29:58.0000000+00:00",
    platform: "csharp",
    release: "larkspur-inventory@2.3.0+8f3c2a1",
    exception: {
      values: [
        {
          type: "Larkspur.Inventory.Validation.RuleViolationException",
          value: message,
          module: APP_ASSEMBLY("2.3.0.0"),
          thread_id: 23,
          stacktrace: {
            frames: [
              appFrame("Checkout/CheckoutService.cs", "async Task<CheckoutResult> CheckoutService.SubmitAsync(Cart cart, CancellationToken ct)", callLine, 13, { il: "0x3a", fid: "0x70" }),
              appFrame(validatorFile, `void ${validatorClass}.Validate(Cart cart)`, 22, 17, { il: "0x48", fid: "0x7a" }),
            ],
          },
          mechanism: { type: "generic", handled: true, data: { HResult: "0x80131500" } },
        },
      ],
    },
    level: "error",
    environment: "production",
    sdk: aspNetCoreSdk,
  };
}

export const dotnetAddressRuleEvent = validationEvent("2b3c4d5e6f708192a3b4c5d6e7f8091a", "Validation/ShippingAddressValidator.cs", "ShippingAddressValidator", "Postal code 'XX1' is not valid for country DE", 40);
export const dotnetPaymentRuleEvent = validationEvent("3c4d5e6f708192a3b4c5d6e7f8091a2b", "Validation/PaymentMethodValidator.cs", "PaymentMethodValidator", "Card brand 'Diners' is not accepted for EUR", 41);
export const dotnetAddressRuleEnvelope = dotnetEnvelope(dotnetAddressRuleEvent.event_id, dotnetAddressRuleEvent);
export const dotnetPaymentRuleEnvelope = dotnetEnvelope(dotnetPaymentRuleEvent.event_id, dotnetPaymentRuleEvent);

// ---------------------------------------------------------------------------------------------
// 8. sentry-unity (StackTraceMode.Original: `module` is the declaring type, `function` the bare
//    method name). Debug.LogException → UnityLogHandlerIntegration: handled false,
//    mechanism "Unity.LogException". Debug.LogError → UnityApplicationLoggingIntegration: a
//    message event whose stack comes from Unity's log string, in a current thread.
// ---------------------------------------------------------------------------------------------

const UNITY_SDK = { packages: [{ name: "nuget:Sentry", version: "6.9.0" }, { name: "upm:io.sentry.unity", version: "4.9.0" }], name: "sentry.dotnet.unity", version: "4.9.0" };
const GAME = "Assembly-CSharp, Version=0.0.0.0, Culture=neutral, PublicKeyToken=null";
const UNITY_CORE = "UnityEngine.CoreModule, Version=0.0.0.0, Culture=neutral, PublicKeyToken=null";

export const unityExceptionEvent = {
  event_id: "4d5e6f708192a3b4c5d6e7f8091a2b3c",
  timestamp: "2026-03-14T18:02:44.1200000+00:00",
  platform: "csharp",
  release: "com.larkspur.harbor@0.9.3",
  exception: {
    values: [
      {
        type: "System.NullReferenceException",
        value: "Object reference not set to an instance of an object",
        module: "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089",
        thread_id: 1,
        stacktrace: {
          frames: [
            { function: "Invoke", module: "UnityEngine.Events.InvokableCall", in_app: false, package: UNITY_CORE, instruction_addr: "0x00010" },
            { filename: "Assets/Scripts/Harbor/DockController.cs", function: "OnShipArrived", module: "Larkspur.Harbor.DockController", lineno: 58, abs_path: "/Users/dev/harbor/Assets/Scripts/Harbor/DockController.cs", in_app: true, package: GAME, instruction_addr: "0x0002f" },
            { filename: "Assets/Scripts/Harbor/CargoManifest.cs", function: "Unload", module: "Larkspur.Harbor.CargoManifest", lineno: 112, abs_path: "/Users/dev/harbor/Assets/Scripts/Harbor/CargoManifest.cs", in_app: true, package: GAME, instruction_addr: "0x00044" },
          ],
        },
        mechanism: { type: "Unity.LogException", handled: false, data: { HResult: "0x80004003" } },
      },
    ],
  },
  level: "error",
  contexts: {
    unity: { type: "unity", editor_version: "6000.0.41f1", install_mode: "Store", target_frame_rate: "-1", copy_texture_support: "Basic, Copy3D, DifferentTypes, TextureToRT, RTToTexture", rendering_threading_mode: "MultiThreaded" },
    device: { type: "device", model: "iPhone15,3", family: "iPhone", simulator: false, memory_size: 6442450944, processor_count: 6 },
    os: { type: "os", name: "iOS", version: "18.3.1" },
  },
  user: { id: "8b1f0e2d3c4a59687a6b5c4d3e2f1a0b" },
  environment: "production",
  sdk: UNITY_SDK,
  tags: { "unity.is_main_thread": "true", "unity.device.unique_identifier": "8b1f0e2d3c4a59687a6b5c4d3e2f1a0b" },
};
export const unityExceptionEnvelope = dotnetEnvelope(unityExceptionEvent.event_id, unityExceptionEvent);

export const unityLogErrorEvent = {
  event_id: "5e6f708192a3b4c5d6e7f8091a2b3c4d",
  timestamp: "2026-03-14T18:03:10.5000000+00:00",
  logentry: { message: "Save slot 2 could not be written: disk quota exceeded" },
  platform: "csharp",
  release: "com.larkspur.harbor@0.9.3",
  threads: {
    values: [
      {
        id: 1,
        crashed: false,
        current: true,
        stacktrace: {
          frames: [
            { filename: "SaveMenu.cs", function: "Larkspur.Harbor.UI.SaveMenu:OnSaveClicked ()", lineno: 74, abs_path: "Assets/Scripts/UI/SaveMenu.cs", in_app: true },
            { filename: "SaveSystem.cs", function: "Larkspur.Harbor.Persistence.SaveSystem:WriteSlot (int)", lineno: 131, abs_path: "Assets/Scripts/Persistence/SaveSystem.cs", in_app: true },
            { function: "UnityEngine.Debug:LogError (object)", in_app: false },
          ],
        },
      },
    ],
  },
  level: "error",
  environment: "production",
  sdk: UNITY_SDK,
};
export const unityLogErrorEnvelope = dotnetEnvelope(unityLogErrorEvent.event_id, unityLogErrorEvent);

// ---------------------------------------------------------------------------------------------
// 9. SentrySdk.CaptureException(new ReservationExpiredException(…)) on an exception that was never
//    thrown: it has no stack of its own, so MainSentryEventProcessor attaches the capture site's
//    stack as the current thread, whose id is the exception's thread_id.
// ---------------------------------------------------------------------------------------------

export const dotnetUnthrownEvent = {
  event_id: "6f708192a3b4c5d6e7f8091a2b3c4d5e",
  timestamp: "2026-03-14T09:29:59.9000000+00:00",
  platform: "csharp",
  release: "larkspur-inventory@2.3.0+8f3c2a1",
  exception: {
    values: [
      {
        type: "Larkspur.Inventory.Reservations.ReservationExpiredException",
        value: "Reservation r-77120 expired before payment",
        module: APP_ASSEMBLY("2.3.0.0"),
        thread_id: 19,
        mechanism: { type: "generic", handled: true, data: { HResult: "0x80131500" } },
      },
    ],
  },
  threads: {
    values: [
      {
        id: 19,
        crashed: false,
        current: true,
        stacktrace: {
          frames: [
            libFrame("async Task BackgroundService.ExecuteAsync(CancellationToken stoppingToken)", "Microsoft.Extensions.Hosting.Abstractions, Version=9.0.0.0, Culture=neutral, PublicKeyToken=adb9793829ddae60", "0x33", "0x1c", 1),
            appFrame("Reservations/ExpirySweeper.cs", "async Task ExpirySweeper.SweepAsync(CancellationToken ct)", 52, 21, { il: "0x88", fid: "0x66" }),
          ],
        },
      },
    ],
  },
  level: "error",
  environment: "production",
  sdk: aspNetCoreSdk,
  debug_meta: { images: [APP_IMAGE, peImage("Microsoft.Extensions.Hosting.Abstractions", "/_/artifacts/obj/Microsoft.Extensions.Hosting.Abstractions/Release/net9.0", "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d-11223344", "A9B8C7D6c000")] },
};
export const dotnetUnthrownEnvelope = dotnetEnvelope(dotnetUnthrownEvent.event_id, dotnetUnthrownEvent);

/** A release build published without PDBs (DebugType none): app frames have no file, line or column. */
export const dotnetNoPdbEvent = {
  ...dotnetOtherBugEvent,
  event_id: "708192a3b4c5d6e7f8091a2b3c4d5e6f",
  exception: {
    values: dotnetOtherBugEvent.exception.values.map((v) => ({
      ...v,
      stacktrace: {
        frames: v.stacktrace.frames.map((f) => {
          const rest: Record<string, unknown> = { ...f };
          for (const key of ["filename", "abs_path", "lineno", "colno"]) delete rest[key];
          return rest;
        }),
      },
    })),
  },
};
export const dotnetNoPdbEnvelope = dotnetEnvelope(dotnetNoPdbEvent.event_id, dotnetNoPdbEvent);
