/**
 * Payloads in the shapes sentry-elixir (hex package `sentry`) 8.x, 9.x and 10.x sends, written by
 * hand for an invented Phoenix app ("MyApp" / "MyAppWeb"); no SDK text copied.
 *
 * Read in getsentry/sentry-elixir (tags 8.0.0, 9.0.0, 10.0.0 … 10.10.0; HEAD only to compare):
 *   lib/sentry/envelope.ex, lib/sentry/transport.ex, lib/sentry/dsn.ex, lib/sentry/client.ex
 *   (render_event), lib/sentry/event.ex, lib/sentry/interfaces.ex, lib/sentry/options.ex,
 *   lib/sentry/config.ex, lib/sentry/context.ex, lib/sentry.ex, lib/sentry/plug_capture.ex,
 *   lib/sentry/plug_context.ex, lib/sentry/logger_handler.ex, lib/sentry/logger_utils.ex,
 *   lib/sentry/integrations/oban/error_reporter.ex, lib/sentry/hackney_client.ex;
 *   8.0.0: lib/sentry/client.ex, lib/sentry/event.ex, lib/sentry/util.ex;
 *   9.0.0: lib/sentry/envelope.ex, lib/sentry/transport.ex, lib/sentry/event.ex.
 *
 * HTTP request:
 *   9.x / 10.x: POST {scheme}://{host}[:port]{dsn path prefix}/api/{project}/envelope/ (trailing
 *     slash; 9.0 writes the port explicitly, e.g. https://host:443/…). Headers set by the SDK:
 *     only `User-Agent: sentry-elixir/<version>` and
 *     `X-Sentry-Auth: Sentry sentry_version=5, sentry_client=sentry-elixir/<version>,
 *      sentry_timestamp=<unix seconds>, sentry_key=<public key>[, sentry_secret=<secret>]`.
 *     No Content-Type, no Content-Encoding (never compressed), no key in the query string.
 *     Envelope: `{"event_id":"<32 hex>"}\n` (no dsn, sdk or sent_at), then per item
 *     `{"type":"event","length":<bytes>}\n<json>\n` (9.0 writes `{"type": "event", "length": N}`
 *     with spaces). Only HTTP 200 with a JSON body counts as success; any other status is retried
 *     (1 s, 2 s, 4 s, 8 s) and then dropped.
 *   8.x: POST {scheme}://{host}:{port}/api/{project}/store/ with the event JSON as the body, same two
 *     headers (sentry_version=5), no Content-Type, uncompressed; the DSN path must be exactly
 *     /{project} (no prefix).
 *
 * Event JSON (10.x): every struct field is sent, nil as null (dist, logger, transaction, culprit,
 * threads, message…). platform "elixir"; event_id 32 lower-case hex; timestamp an RFC 3339 string
 * with microseconds and NO offset (UTC). One exception per event, never a chain (no exception_id /
 * parent_id): the Elixir idiom of wrapping (Plug.Conn.WrapperError, Oban.PerformError) is unwrapped
 * by the SDK before reporting. Exception: type (module name without "Elixir."), value, module null,
 * mechanism {type:"generic", handled, data, synthetic, help_link, meta} (10.2+; absent before).
 * Frames outermost first: module (the atom as JSON: "Elixir.MyApp.X", or "gen_server" for Erlang),
 * function ("MyApp.X.fun/2", ":gen_server.try_handle_info/3", "anonymous fn/1 in MyApp.X.f/2"),
 * filename (relative "lib/…" for Elixir code and deps, "gen_server.erl" for OTP, absolute for
 * rebar-built deps), lineno, colno null, in_app (true only for modules in
 * :in_app_module_allow_list / :in_app_otp_apps — both empty by default, so every frame is
 * in_app:false unless configured), vars {"arg0": inspect(arg)…} when the VM kept the arguments,
 * context_line/pre_context/post_context (null/[] unless enable_source_code_context). No abs_path,
 * package, instruction_addr, raw_function, debug_meta. A message with a stack (Plug throws, logger
 * crash messages) carries the stack in `threads: [{id: <hex>, stacktrace}]` since 10.1; in 9.x and
 * 10.0 it was an exception of type "message". `message` is {formatted, message, params} since 10.1
 * (a plain string before).
 */
import { buildEnvelope } from "./envelopes";

export const ELIXIR_PUBLIC_KEY = "5e2b8c1d0a9f4e7b8c6d5a4b3c2d1e0f";
export const ELIXIR_SDK_VERSION = "10.10.0";
export const ELIXIR_RELEASE = "my_app@2.7.1";

type Json = Record<string, unknown>;

/** One frame with every field the SDK's Frame struct has, in its order. */
function frame(
  module: string | null,
  fn: string,
  filename: string | null,
  lineno: number | null,
  inApp: boolean,
  extra: { vars?: Json; context?: [string[], string, string[]] } = {},
): Json {
  return {
    module,
    function: fn,
    filename,
    lineno,
    colno: null,
    in_app: inApp,
    vars: extra.vars ?? {},
    context_line: extra.context ? extra.context[1] : null,
    pre_context: extra.context ? extra.context[0] : [],
    post_context: extra.context ? extra.context[2] : [],
  };
}

/** A request served by Cowboy through the endpoint (Sentry.PlugCapture wraps its call/2), innermost last. */
const cowboyToController = (inApp: boolean): Json[] => [
  frame("proc_lib", ":proc_lib.init_p_do_apply/3", "proc_lib.erl", 329, false),
  frame("cowboy_stream_h", ":cowboy_stream_h.request_process/3", "/srv/my_app/deps/cowboy/src/cowboy_stream_h.erl", 299, false),
  frame("cowboy_stream_h", ":cowboy_stream_h.execute/3", "/srv/my_app/deps/cowboy/src/cowboy_stream_h.erl", 310, false),
  frame("cowboy_handler", ":cowboy_handler.execute/2", "/srv/my_app/deps/cowboy/src/cowboy_handler.erl", 37, false),
  frame("Elixir.Phoenix.Endpoint.Cowboy2Handler", "Phoenix.Endpoint.Cowboy2Handler.init/4", "lib/phoenix/endpoint/cowboy2_handler.ex", 43, false),
  frame("Elixir.MyAppWeb.Endpoint", "MyAppWeb.Endpoint.call/2", "lib/my_app_web/endpoint.ex", 1, inApp),
  frame("Elixir.MyAppWeb.Endpoint", 'MyAppWeb.Endpoint."call (overridable 3)"/2', "lib/my_app_web/endpoint.ex", 1, inApp),
  frame("Elixir.MyAppWeb.Endpoint", "MyAppWeb.Endpoint.plug_builder_call/2", "lib/my_app_web/endpoint.ex", 1, inApp),
  frame("Elixir.Phoenix.Router", "Phoenix.Router.__call__/5", "lib/phoenix/router.ex", 484, false),
  frame("Elixir.MyAppWeb.InvoiceController", "MyAppWeb.InvoiceController.phoenix_controller_pipeline/2", "lib/my_app_web/controllers/invoice_controller.ex", 1, inApp),
  frame("Elixir.MyAppWeb.InvoiceController", "MyAppWeb.InvoiceController.action/2", "lib/my_app_web/controllers/invoice_controller.ex", 1, inApp),
  frame("Elixir.MyAppWeb.InvoiceController", "MyAppWeb.InvoiceController.show/2", "lib/my_app_web/controllers/invoice_controller.ex", 24, inApp),
];

/** InvoiceController.show/2 → Invoices.fetch_many!/2 → Enum.map → the anonymous fn → Invoices.fetch!/2 raises. */
const invoiceFrames = (raiseLine: number, inApp = true): Json[] => [
  ...cowboyToController(inApp),
  frame("Elixir.MyApp.Billing.Invoices", "MyApp.Billing.Invoices.fetch_many!/2", "lib/my_app/billing/invoices.ex", 70, inApp),
  frame("Elixir.Enum", 'Enum."-map/2-lists^map/1-1-"/2', "lib/enum.ex", 1703, false),
  frame("Elixir.MyApp.Billing.Invoices", "anonymous fn/1 in MyApp.Billing.Invoices.fetch_many!/2", "lib/my_app/billing/invoices.ex", 71, inApp),
  frame("Elixir.MyApp.Billing.Invoices", "MyApp.Billing.Invoices.fetch!/2", "lib/my_app/billing/invoices.ex", raiseLine, inApp, {
    context: [
      ["  def fetch!(account, invoice_id) do", "    case Repo.get_by(Invoice, account_id: account.id, public_id: invoice_id) do"],
      "      nil -> raise InvoiceLoadError, invoice_id: invoice_id, reason: :not_found",
      ["      invoice -> invoice", "    end"],
    ],
  }),
];

/** Map.fetch!/2 raising KeyError inside MyApp.Billing.Pricing.total/1, called from the same action. */
const pricingFrames = (inApp = true): Json[] => [
  ...cowboyToController(inApp),
  frame("Elixir.MyApp.Billing.Pricing", "MyApp.Billing.Pricing.total/1", "lib/my_app/billing/pricing.ex", 33, inApp),
  frame("Elixir.Map", "Map.fetch!/2", "lib/map.ex", 319, false),
];

const request = {
  url: "https://billing.example.org/invoices/inv_8812?expand=lines",
  method: "GET",
  data: { id: "inv_8812", expand: "lines" },
  query_string: "expand=lines",
  cookies: {},
  headers: { host: "billing.example.org", accept: "application/json", "user-agent": "Mozilla/5.0 (X11; Linux x86_64)", "x-forwarded-for": "198.51.100.23" },
  env: { REMOTE_ADDR: "198.51.100.23", REMOTE_PORT: 51544, SERVER_NAME: "billing.example.org", SERVER_PORT: 443, REQUEST_ID: "F8r2kQ1vX7aLm0c9AAAB" },
};

/** Everything create_event/1 + render_event/1 put in an event (10.x), nil fields as null. */
function elixirEvent(fields: Json): Json {
  return {
    breadcrumbs: [],
    contexts: { os: { name: "linux", version: "6.8.0" }, runtime: { name: "elixir", version: "1.17.3 (compiled with Erlang/OTP 27)" } },
    culprit: null,
    dist: null,
    environment: "production",
    event_id: null,
    exception: [],
    extra: {},
    fingerprint: ["{{ default }}"],
    level: "error",
    logger: null,
    message: null,
    modules: { my_app: "2.7.1", phoenix: "1.7.14", plug: "1.16.1", ecto: "3.12.4", oban: "2.18.3", sentry: ELIXIR_SDK_VERSION },
    platform: "elixir",
    release: ELIXIR_RELEASE,
    request: {},
    sdk: { name: "sentry-elixir", version: ELIXIR_SDK_VERSION },
    server_name: "billing-web-3",
    tags: {},
    threads: null,
    timestamp: null,
    transaction: null,
    user: {},
    ...fields,
  };
}

const mechanism = (handled: boolean) => ({ type: "generic", handled, data: null, synthetic: null, help_link: null, meta: null });

function invoiceError(eventId: string, timestamp: string, invoiceId: string, raiseLine: number, inApp = true): Json {
  return elixirEvent({
    event_id: eventId,
    timestamp,
    culprit: "MyApp.Billing.Invoices.fetch!/2",
    exception: [
      {
        type: "MyApp.Billing.InvoiceLoadError",
        value: `could not load invoice ${invoiceId}: not_found`,
        module: null,
        stacktrace: { frames: invoiceFrames(raiseLine, inApp) },
        mechanism: mechanism(true),
      },
    ],
    request: { ...request, url: request.url.replace("inv_8812", invoiceId), data: { ...request.data, id: invoiceId } },
    user: { id: 4812, email: "zoe.lambert@example.org", username: "Zoë" },
    tags: { tenant: "acme-gmbh", region: "eu-central" },
    extra: { invoice_count: 3 },
    breadcrumbs: [
      { type: null, category: "auth", message: "session restored", data: null, level: "info", timestamp: 1773137400 },
      { type: "http", category: "http", message: null, data: { method: "GET", url: "https://ledger.internal/accounts/4812" }, level: null, timestamp: 1773137401 },
    ],
  });
}

/**
 * Sentry.capture_exception(e, stacktrace: __STACKTRACE__) in a controller's rescue (handled: true),
 * request data from Sentry.PlugContext, in_app_module_allow_list: [MyApp, MyAppWeb].
 */
export const elixirExceptionEvent = invoiceError("a3f07c21e49b4d6c8e15b2d7c0a96f48", "2026-03-10T09:30:02.417235", "inv_8812", 57);

/** The same bug again: raised two lines lower after an edit, for another invoice id. */
export const elixirExceptionAgainEvent = invoiceError("0b6e2d94c7a148f3a59e61c2d8b7f035", "2026-03-10T09:41:18.002911", "inv_9120", 59);

/** A different bug on the same request path: KeyError from Map.fetch!/2 in the pricing code. */
export const elixirOtherBugEvent = elixirEvent({
  event_id: "c5d4e3f2a1b04c9d8e7f6a5b4c3d2e1f",
  timestamp: "2026-03-10T09:44:51.730004",
  culprit: "Map.fetch!/2",
  exception: [
    {
      type: "KeyError",
      value: "key :currency not found in: %{amount: 1200, vat: 228}",
      module: null,
      stacktrace: { frames: pricingFrames() },
      mechanism: mechanism(true),
    },
  ],
  request,
  user: { id: 4812 },
});

/** The same three events as the SDK sends them with its default config (no in_app option: every frame in_app false). */
export const elixirDefaultConfigEvents = {
  first: invoiceError("d1e2f3a4b5c64d7e8f9a0b1c2d3e4f5a", "2026-03-10T10:01:00.100000", "inv_8812", 57, false),
  again: invoiceError("e2f3a4b5c6d74e8f9a0b1c2d3e4f5a6b", "2026-03-10T10:02:00.200000", "inv_9120", 59, false),
  other: { ...elixirOtherBugEvent, event_id: "f3a4b5c6d7e84f9a0b1c2d3e4f5a6b7c", exception: [{ ...(elixirOtherBugEvent.exception as Json[])[0], stacktrace: { frames: pricingFrames(false) } }] },
};

/**
 * What a review found with the default config (every frame in_app false): errors whose message
 * inspects a value (a map, a changeset) split into one issue per value. Three KeyErrors of
 * Map.fetch!/2 in MyApp.Billing.Pricing.total/1 for orders in different states; two MatchErrors of
 * `{:ok, user} = Repo.insert(changeset)` in MyApp.Accounts.register_user/1 for different invalid
 * changesets; and a different bug: the same KeyError from MyApp.Billing.Pricing.tax/1.
 */
const registrationFrames = (): Json[] => [
  ...cowboyToController(false).slice(0, 9),
  frame("Elixir.MyAppWeb.RegistrationController", "MyAppWeb.RegistrationController.action/2", "lib/my_app_web/controllers/registration_controller.ex", 1, false),
  frame("Elixir.MyAppWeb.RegistrationController", "MyAppWeb.RegistrationController.create/2", "lib/my_app_web/controllers/registration_controller.ex", 14, false),
  frame("Elixir.MyApp.Accounts", "MyApp.Accounts.register_user/1", "lib/my_app/accounts.ex", 48, false),
];

const defaultConfigError = (eventId: string, type: string, value: string, frames: Json[]): Json =>
  elixirEvent({ event_id: eventId, timestamp: "2026-12-07T18:56:51.123456", exception: [{ type, value, module: null, stacktrace: { frames }, mechanism: mechanism(true) }], request, user: { id: 4812 } });

const changeset = (changes: string, errors: string) =>
  `#Ecto.Changeset<action: :insert, changes: ${changes}, errors: ${errors}, data: #MyApp.Accounts.User<>, valid?: false, ...>`;

export const elixirDefaultConfigReview = {
  keyErrors: [
    defaultConfigError("0a1b2c3d4e5f40718293a4b5c6d7e8f9", "KeyError", "key :currency not found in: %{id: 42, total: 1990, lines: [%{sku: \"A-1\", qty: 2}], status: :draft}", pricingFrames(false)),
    defaultConfigError("1b2c3d4e5f6a41829304b5c6d7e8f9a0", "KeyError", "key :currency not found in: %{id: 97, total: 500, lines: [], status: :paid}", pricingFrames(false)),
    defaultConfigError("2c3d4e5f6a7b4293a415c6d7e8f9a0b1", "KeyError", "key :currency not found in: %{id: 3, total: 0, lines: [], status: :draft, note: nil}", pricingFrames(false)),
  ],
  matchErrors: [
    defaultConfigError(
      "3d4e5f6a7b8c43a4b526d7e8f9a0b1c2",
      "MatchError",
      `no match of right hand side value: {:error, ${changeset('%{name: "Zoë", email: "zoe@example.org"}', '[email: {"has already been taken", [constraint: :unique, constraint_name: "users_email_index"]}]')}}`,
      registrationFrames(),
    ),
    defaultConfigError(
      "4e5f6a7b8c9d44b5c637e8f9a0b1c2d3",
      "MatchError",
      `no match of right hand side value: {:error, ${changeset('%{email: "max@example.org"}', '[name: {"can\'t be blank", [validation: :required]}]')}}`,
      registrationFrames(),
    ),
  ],
  /** Another bug: the same message from MyApp.Billing.Pricing.tax/1. */
  otherKeyError: defaultConfigError(
    "5f6a7b8c9d0e45c6d748f9a0b1c2d3e4",
    "KeyError",
    "key :currency not found in: %{id: 42, total: 1990, lines: [], status: :draft}",
    pricingFrames(false).map((f) => (f.function === "MyApp.Billing.Pricing.total/1" ? { ...f, function: "MyApp.Billing.Pricing.tax/1", lineno: 61 } : f)),
  ),
};

/**
 * A GenServer crashing on a FunctionClauseError, reported by Sentry.LoggerHandler from the OTP
 * crash report: handled false, level from the log event, logger metadata under extra. The VM kept
 * the arguments of the clause that did not match, so that frame has vars.
 */
export const elixirCrashEvent = elixirEvent({
  event_id: "9a8b7c6d5e4f40a1b2c3d4e5f6a7b8c9",
  timestamp: "2026-03-10T11:15:40.998120",
  culprit: "MyApp.Sync.LedgerWorker.apply_entry/2",
  exception: [
    {
      type: "FunctionClauseError",
      value: "no function clause matching in MyApp.Sync.LedgerWorker.apply_entry/2",
      module: null,
      stacktrace: {
        frames: [
          frame("proc_lib", ":proc_lib.init_p_do_apply/3", "proc_lib.erl", 329, false),
          frame("gen_server", ":gen_server.handle_msg/6", "gen_server.erl", 2433, false),
          frame("gen_server", ":gen_server.try_handle_info/3", "gen_server.erl", 2345, false),
          frame("Elixir.MyApp.Sync.LedgerWorker", "MyApp.Sync.LedgerWorker.handle_info/2", "lib/my_app/sync/ledger_worker.ex", 41, true),
          frame("Elixir.MyApp.Sync.LedgerWorker", "MyApp.Sync.LedgerWorker.apply_entry/2", "lib/my_app/sync/ledger_worker.ex", 86, true, {
            vars: { arg0: '%{kind: "refund", amount: -1500, ref: "rf_20931"}', arg1: "%MyApp.Sync.Ledger{balance: 98200, entries: 412}" },
          }),
        ],
      },
      mechanism: mechanism(false),
    },
  ],
  extra: { logger_metadata: {}, logger_level: "error", domain: ["otp"] },
  server_name: "billing-worker-1",
});

/** Sentry.capture_message("Payment webhook %s arrived twice", interpolation_parameters: [...], level: :warning). */
export const elixirMessageEvent = elixirEvent({
  event_id: "1f2e3d4c5b6a47988796a5b4c3d2e1f0",
  timestamp: "2026-03-10T12:00:07.250000",
  level: "warning",
  message: { message: "Payment webhook %s arrived twice", params: ["evt_3391"], formatted: "Payment webhook evt_3391 arrived twice" },
  tags: { tenant: "acme-gmbh" },
});

/**
 * Sentry.LoggerHandler, a GenServer stopping with a non-exception reason: the message template with
 * the pid as its parameter, the crash details in extra, the stack in threads (10.1+).
 */
function genServerStop(eventId: string, pid: string): Json {
  return elixirEvent({
    event_id: eventId,
    timestamp: "2026-03-10T12:30:00.000500",
    culprit: "MyApp.Sync.FeedPoller.handle_info/2",
    message: { message: "GenServer %s terminating: ** (stop) :upstream_unreachable", params: [pid], formatted: `GenServer ${pid} terminating: ** (stop) :upstream_unreachable` },
    threads: [
      {
        id: "8c7b6a5f4e3d42c1b0a9f8e7d6c5b4a3",
        crashed: null,
        current: null,
        main: null,
        name: null,
        state: null,
        held_locks: null,
        stacktrace: {
          frames: [
            frame("proc_lib", ":proc_lib.init_p_do_apply/3", "proc_lib.erl", 329, false),
            frame("gen_server", ":gen_server.handle_msg/6", "gen_server.erl", 2433, false),
            frame("gen_server", ":gen_server.try_handle_info/3", "gen_server.erl", 2345, false),
            frame("Elixir.MyApp.Sync.FeedPoller", "MyApp.Sync.FeedPoller.handle_info/2", "lib/my_app/sync/feed_poller.ex", 52, true),
          ],
        },
      },
    ],
    extra: {
      crash_reason: ":upstream_unreachable",
      last_message: ":poll",
      genserver_state: "%{cursor: 88120, failures: 5}",
      logger_metadata: {},
      logger_level: "error",
      domain: ["otp"],
    },
  });
}
export const elixirGenServerStopEvent = genServerStop("2a3b4c5d6e7f48091a2b3c4d5e6f7a8b", "#PID<0.4512.0>");
export const elixirGenServerStopAgainEvent = genServerStop("3b4c5d6e7f8a49102b3c4d5e6f7a8b9c", "#PID<0.9977.0>");

/** Sentry.PlugCapture catching a throw: capture_message("Uncaught throw - …", stacktrace: …), the stack in threads. */
export const elixirPlugThrowEvent = elixirEvent({
  event_id: "4c5d6e7f8a9b4a213c4d5e6f7a8b9c0d",
  timestamp: "2026-03-10T13:05:12.125000",
  message: { message: null, params: null, formatted: "Uncaught throw - {:halt, :quota_exceeded}" },
  threads: [
    {
      id: "5d6e7f8a9b0c4b32a4d5e6f7a8b9c0d1",
      crashed: null,
      current: null,
      main: null,
      name: null,
      state: null,
      held_locks: null,
      stacktrace: { frames: [...cowboyToController(true), frame("Elixir.MyApp.Quotas", "MyApp.Quotas.check!/1", "lib/my_app/quotas.ex", 18, true)] },
    },
  ],
  request,
});

/** Oban.ErrorReporter (10.x): the job's exception, fingerprint [worker, "{{ default }}"], oban_* tags, job fields in extra. */
export const elixirObanEvent = elixirEvent({
  event_id: "6e7f8a9b0c1d4c43b5e6f7a8b9c0d1e2",
  timestamp: "2026-03-10T14:20:33.640001",
  culprit: "MyApp.Workers.SyncLedger.perform/1",
  exception: [
    {
      type: "DBConnection.ConnectionError",
      value: "connection not available and request was dropped from queue after 2974ms",
      module: null,
      stacktrace: {
        frames: [
          frame("proc_lib", ":proc_lib.init_p_do_apply/3", "proc_lib.erl", 329, false),
          frame("Elixir.Task.Supervised", "Task.Supervised.invoke_mfa/2", "lib/task/supervised.ex", 101, false),
          frame("Elixir.Oban.Queue.Executor", "Oban.Queue.Executor.call/1", "lib/oban/queue/executor.ex", 77, false),
          frame("Elixir.Oban.Queue.Executor", "Oban.Queue.Executor.perform/1", "lib/oban/queue/executor.ex", 145, false),
          frame("Elixir.MyApp.Workers.SyncLedger", "MyApp.Workers.SyncLedger.perform/1", "lib/my_app/workers/sync_ledger.ex", 19, true),
          frame("Elixir.Ecto.Repo.Queryable", "Ecto.Repo.Queryable.execute/4", "lib/ecto/repo/queryable.ex", 232, false),
          frame("Elixir.Ecto.Adapters.SQL", "Ecto.Adapters.SQL.raise_sql_call_error/1", "lib/ecto/adapters/sql.ex", 1096, false),
        ],
      },
      mechanism: mechanism(true),
    },
  ],
  fingerprint: ["MyApp.Workers.SyncLedger", "{{ default }}"],
  tags: { oban_worker: "MyApp.Workers.SyncLedger", oban_queue: "ledger", oban_state: "executing" },
  extra: { args: { account_id: 4812 }, attempt: 3, id: 99170, max_attempts: 20, meta: {}, queue: "ledger", tags: [], worker: "MyApp.Workers.SyncLedger" },
  server_name: "billing-worker-1",
});

/**
 * 9.x and 10.0.x: a message with a stack (here Sentry.PlugCapture's throw) became an exception of
 * type "message" next to a plain-string `message`; no mechanism, no threads key.
 */
export const elixirV9MessageWithStackEvent = (() => {
  const event = elixirEvent({
    event_id: "7f8a9b0c1d2e4d54c6f7a8b9c0d1e2f3",
    timestamp: "2026-03-10T15:00:00.000001",
    message: "Uncaught throw - {:halt, :quota_exceeded}",
    exception: [
      {
        type: "message",
        value: "Uncaught throw - {:halt, :quota_exceeded}",
        module: null,
        stacktrace: { frames: [...cowboyToController(true), frame("Elixir.MyApp.Quotas", "MyApp.Quotas.check!/1", "lib/my_app/quotas.ex", 18, true)] },
        mechanism: null,
      },
    ],
    sdk: { name: "sentry-elixir", version: "9.1.0" },
  });
  delete event.threads;
  return event;
})();

/** 8.x, POSTed to /store/: `exception` a bare list, the stack at the top level, a "(Type value)" message, no sdk, a second-precision offset-less timestamp. */
export const elixirV8StoreEvent = {
  event_id: "8a9b0c1d2e3f4e65d7a8b9c0d1e2f3a4",
  culprit: "MyApp.Billing.Invoices.fetch!/2",
  timestamp: "2026-03-10T16:10:05",
  message: "(MyApp.Billing.InvoiceLoadError could not load invoice inv_8812: not_found)",
  tags: { tenant: "acme-gmbh" },
  level: "error",
  platform: "elixir",
  server_name: "billing-web-3",
  environment: "production",
  exception: [{ type: "MyApp.Billing.InvoiceLoadError", value: "could not load invoice inv_8812: not_found", module: null }],
  release: ELIXIR_RELEASE,
  request: {},
  extra: {},
  user: { id: 4812 },
  breadcrumbs: [],
  fingerprint: ["{{ default }}"],
  modules: { phoenix: "1.5.7", plug: "1.11.0" },
  stacktrace: {
    frames: invoiceFrames(57).map((f) => ({ filename: f.filename, function: f.function, module: f.module, lineno: f.lineno, in_app: f.in_app, vars: {} })),
  },
};

/** 10.x envelope bytes: `{"event_id":…}` header, `{"type":"event","length":N}` item header, trailing newline. */
export const elixirEnvelope = (event: Json): Buffer =>
  buildEnvelope({ event_id: event.event_id }, [{ header: { type: "event" }, payload: event, withLength: true }], { trailingNewline: true });

/** 9.0 wrote its item header by hand with spaces after the separators. */
export const elixirV9Envelope = (event: Json): Buffer => {
  const json = Buffer.from(JSON.stringify(event));
  return Buffer.concat([Buffer.from(`{"event_id":"${event.event_id}"}\n{"type": "event", "length": ${json.length}}\n`), json, Buffer.from("\n")]);
};

/** The request headers the SDK sends (10.x); no Content-Type, no Content-Encoding. */
export const elixirRequestHeaders = {
  "user-agent": `sentry-elixir/${ELIXIR_SDK_VERSION}`,
  "x-sentry-auth": `Sentry sentry_version=5, sentry_client=sentry-elixir/${ELIXIR_SDK_VERSION}, sentry_timestamp=1773135002, sentry_key=${ELIXIR_PUBLIC_KEY}`,
};
export const elixirEnvelopeUrl = "https://errors.example.org/api/17/envelope/";
export const elixirV8StoreUrl = "https://errors.example.org:443/api/17/store/";

export const elixirEnvelopes = {
  exception: elixirEnvelope(elixirExceptionEvent),
  exceptionAgain: elixirEnvelope(elixirExceptionAgainEvent),
  otherBug: elixirEnvelope(elixirOtherBugEvent),
  crash: elixirEnvelope(elixirCrashEvent),
  message: elixirEnvelope(elixirMessageEvent),
  genServerStop: elixirEnvelope(elixirGenServerStopEvent),
  genServerStopAgain: elixirEnvelope(elixirGenServerStopAgainEvent),
  plugThrow: elixirEnvelope(elixirPlugThrowEvent),
  oban: elixirEnvelope(elixirObanEvent),
  v9MessageWithStack: elixirV9Envelope(elixirV9MessageWithStackEvent),
  defaultFirst: elixirEnvelope(elixirDefaultConfigEvents.first),
  defaultAgain: elixirEnvelope(elixirDefaultConfigEvents.again),
  defaultOther: elixirEnvelope(elixirDefaultConfigEvents.other),
};
