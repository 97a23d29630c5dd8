/**
 * Payloads in the shapes sentry-python 2.x sends (Django, logging, asyncio, Celery). Hand-written
 * from reading the SDK source; app names, messages, paths and ids are invented.
 *
 * Source files read (getsentry/sentry-python @ HEAD of Aug 2026):
 *   sentry_sdk/utils.py — serialize_frame (filename, abs_path, function "<unknown>" when unnamed,
 *     module, lineno, pre_context / context_line / post_context, vars), current_stacktrace,
 *     single_exception_from_error_tuple (mechanism defaults {type: "generic", handled: true},
 *     module null for builtins, errno meta), exceptions_from_error_tuple (walk_exception_chain
 *     without ids for a plain chain — every exception carries the event's mechanism; ids,
 *     `source` "__cause__" / "__context__" / "exceptions[i]" and is_exception_group for a group,
 *     where a member's own cause or context is walked with parent_id left at 0, the group's),
 *     set_in_app_in_frames (in_app only for site-packages (false) and the project root (true):
 *     the standard library is left unmarked), format_timestamp ("%Y-%m-%dT%H:%M:%S.%fZ").
 *   sentry_sdk/integrations/logging.py — EventHandler: `logentry {message, formatted, params}`,
 *     level from LOGGING_TO_EVENT_LEVEL (CRITICAL → "fatal"), `logger`, `extra`; exc_info → an
 *     exception with mechanism {type: "logging", handled: true}; stack_info=True → the current
 *     stack in `threads.values[0]` (current: true, crashed: false), logging's own frames included.
 *   sentry_sdk/integrations/django/__init__.py — mechanism {type: "django", handled: false}.
 *   sentry_sdk/integrations/_wsgi_common.py — request {url, method, query_string, headers,
 *     cookies (a dict), data, env {SERVER_NAME, SERVER_PORT}}.
 *   sentry_sdk/envelope.py, transport.py — item headers {type, content_type, length}; gzip or br.
 */
import { buildEnvelope } from "./envelopes";

const SDK = (name = "sentry.python.django") => ({
  name,
  version: "2.35.0",
  packages: [{ name: "pypi:sentry-sdk", version: "2.35.0" }],
  integrations: ["argv", "atexit", "dedupe", "django", "excepthook", "logging", "modules", "stdlib", "threading"],
});

const contexts = {
  runtime: { name: "CPython", version: "3.12.3", build: "3.12.3 (main, Apr 10 2024, 05:33:47) [GCC 12.2.0]" },
  trace: { trace_id: "0af7651916cd43dd8448eb211c80319c", span_id: "b7ad6b7169203331", parent_span_id: null, op: "http.server", status: "internal_error" },
};

const SITE = "/srv/shop/.venv/lib/python3.12/site-packages";
/** A dependency's frame: under site-packages, marked not in-app by the SDK. */
const dep = (module: string, fn: string, lineno: number) => ({
  filename: `${module.replace(/\./g, "/")}.py`,
  abs_path: `${SITE}/${module.replace(/\./g, "/")}.py`,
  function: fn,
  module,
  lineno,
  in_app: false,
});
/** The standard library's: left unmarked (neither site-packages nor the project root). */
const std = (module: string, fn: string, lineno: number, root = "/usr/local/lib/python3.12") => ({
  filename: `${module.replace(/\./g, "/")}/__init__.py`,
  abs_path: `${root}/${module.replace(/\./g, "/")}/__init__.py`,
  function: fn,
  module,
  lineno,
  pre_context: ["        if self.isEnabledFor(ERROR):"],
  context_line: "            self._log(ERROR, msg, args, **kwargs)",
  post_context: [""],
});
/** The app's own, under the project root. */
const app = (module: string, fn: string, lineno: number, vars?: Record<string, unknown>) => ({
  filename: `${module.replace(/\./g, "/")}.py`,
  abs_path: `/srv/shop/${module.replace(/\./g, "/")}.py`,
  function: fn,
  module,
  lineno,
  pre_context: ["", `def ${fn}(request, order_id):`],
  context_line: "    card = order.payment_methods['card']",
  post_context: ["    return charge(card, order.total)"],
  ...(vars && { vars }),
  in_app: true,
});

const djangoFrames = (shift: number) => [
  dep("django.core.handlers.exception", "inner", 55),
  dep("django.core.handlers.base", "_get_response", 197),
  app("shop.views", "checkout", 41 + shift, { request: "<WSGIRequest: POST '/checkout/8812'>", order_id: "'8812'" }),
  app("shop.payments", "charge_order", 18 + shift, { order: "<Order: 8812>" }),
];

/**
 * An unhandled error in a Django view: `raise PaymentError(...)` while handling a KeyError (implicit
 * __context__). No ids for a plain chain; the KeyError is listed first, both carry the mechanism.
 */
export const PY_DJANGO_EVENT_ID = "2c7b1e0f9a8d4c6b8e5f3a2d1c0b9a87";
export const pyDjangoEvent = (eventId = PY_DJANGO_EVENT_ID, orderId = "8812", shift = 0, release = "shop@2026.03.1") => ({
  event_id: eventId,
  level: "error",
  exception: {
    values: [
      {
        mechanism: { type: "django", handled: false },
        module: null,
        type: "KeyError",
        value: "'card'",
        stacktrace: { frames: [app("shop.payments", "charge_order", 18 + shift)] },
      },
      {
        mechanism: { type: "django", handled: false },
        module: "shop.errors",
        type: "PaymentError",
        value: `order ${orderId} has no card on file`,
        stacktrace: { frames: [...djangoFrames(shift), app("shop.payments", "charge_order", 20 + shift)] },
      },
    ],
  },
  timestamp: "2026-03-14T11:59:58.123456Z",
  contexts,
  transaction: "/checkout/{order_id}",
  transaction_info: { source: "route" },
  breadcrumbs: { values: [{ ty: "log", level: "info", category: "django.request", message: "POST /checkout/8812", timestamp: "2026-03-14T11:59:58.010000Z", data: {}, type: "default" }] },
  extra: { "sys.argv": ["/srv/shop/.venv/bin/gunicorn", "shop.wsgi"] },
  request: {
    url: `https://shop.example.com/checkout/${orderId}`,
    query_string: "",
    method: "POST",
    env: { SERVER_NAME: "shop-web-1", SERVER_PORT: "8000" },
    headers: { Host: "shop.example.com", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0", "Content-Type": "application/x-www-form-urlencoded" },
    cookies: { csrftoken: "[Filtered]", sessionid: "[Filtered]" },
    data: { amount: "12.50" },
  },
  modules: { django: "5.0.3", "sentry-sdk": "2.35.0" },
  release,
  environment: "production",
  server_name: "shop-web-1",
  sdk: SDK(),
  platform: "python",
});
export const pyDjangoEnvelope = buildEnvelope(
  { event_id: PY_DJANGO_EVENT_ID, sent_at: "2026-03-14T11:59:58.200112Z", trace: { trace_id: contexts.trace.trace_id, environment: "production", release: "shop@2026.03.1", public_key: "8e2f3c4d5a6b7c8d9e0f1a2b3c4d5e6f" } },
  [{ header: { type: "event", content_type: "application/json" }, payload: pyDjangoEvent(), withLength: true }],
  { trailingNewline: true },
);

/** logger.error("payment %s declined for %s", order_id, customer, stack_info=True) in a Celery task. */
export const pyLoggingStackEvent = (eventId: string, params: unknown[], fn = "settle") => ({
  event_id: eventId,
  level: "error",
  logger: "shop.payments",
  logentry: { message: "payment %s declined for %s", formatted: `payment ${params[0]} declined for ${params[1]}`, params },
  extra: { task_id: "b3c9" },
  threads: {
    values: [
      {
        stacktrace: {
          frames: [
            dep("celery.app.trace", "trace_task", 453),
            app("shop.tasks", fn, 30),
            std("logging", "error", 1568),
            std("logging", "_log", 1684),
            std("logging", "handle", 1700),
            std("logging", "callHandlers", 1762),
          ],
        },
        crashed: false,
        current: true,
      },
    ],
  },
  timestamp: "2026-03-14T12:00:03.500000Z",
  contexts,
  release: "shop@2026.03.1",
  environment: "production",
  server_name: "shop-worker-2",
  sdk: SDK("sentry.python.celery"),
  platform: "python",
});

/** logger.critical("disk %s is full", path) without a stack: level "fatal". */
export const pyLoggingCriticalEvent = {
  event_id: "4e9d3a2c1b0f4e8d9c7b6a5f4e3d2c1b",
  level: "fatal",
  logger: "shop.storage",
  logentry: { message: "disk %s is full", formatted: "disk /var/spool is full", params: ["/var/spool"] },
  extra: {},
  timestamp: "2026-03-14T12:00:04.000001Z",
  contexts,
  sdk: SDK(),
  platform: "python",
};

/** logger.exception("could not refund %s", order_id): the exception, with the log line beside it. */
export const pyLoggerExceptionEvent = {
  event_id: "5f0e4b3d2c1a4f9e8d7c6b5a4f3e2d1c",
  level: "error",
  logger: "shop.refunds",
  logentry: { message: "could not refund %s", formatted: "could not refund 8812", params: ["8812"] },
  exception: {
    values: [
      {
        mechanism: { type: "logging", handled: true, meta: { errno: { number: 110 } } },
        module: null,
        type: "TimeoutError",
        value: "[Errno 110] Connection timed out",
        stacktrace: { frames: [app("shop.refunds", "refund", 12), dep("httpx._transports.default", "handle_request", 233)] },
      },
    ],
  },
  timestamp: "2026-03-14T12:00:05.250000Z",
  contexts,
  sdk: SDK(),
  platform: "python",
};

/**
 * An asyncio.TaskGroup whose two tasks failed, each with a cause (`raise … from …`): the SDK
 * numbers the tree depth first and gives each member's cause parent_id 0, the group's.
 */
const groupMember = (type: string, value: string, fn: string, id: number, index: number) => ({
  mechanism: { type: "chained", handled: false, exception_id: id, parent_id: 0, source: `exceptions[${index}]` },
  module: "shop.sync",
  type,
  value,
  stacktrace: { frames: [app("shop.sync", fn, 40 + id)] },
});
const memberCause = (type: string, value: string, fn: string, id: number) => ({
  mechanism: { type: "chained", handled: false, exception_id: id, parent_id: 0, source: "__cause__" },
  module: null,
  type,
  value,
  stacktrace: { frames: [dep("httpx._client", fn, 1014)] },
});
export const pyTaskGroupEvent = (fetchFailedFirst: boolean) => {
  const fetch = (id: number, index: number) => [groupMember("UpstreamError", "502 from inventory", "fetch_stock", id, index), memberCause("ConnectError", "connection refused", "send", id + 1)];
  const price = (id: number, index: number) => [groupMember("PricingError", "no price for sku 12", "fetch_price", id, index), memberCause("ReadTimeout", "timed out", "receive", id + 1)];
  const group = {
    mechanism: { type: "generic", handled: true, exception_id: 0, is_exception_group: true },
    module: null,
    type: "ExceptionGroup",
    value: "unhandled errors in a TaskGroup (2 sub-exceptions)",
    stacktrace: { frames: [app("shop.sync", "sync_catalog", 22)] },
  };
  const tree = fetchFailedFirst ? [group, ...fetch(1, 0), ...price(3, 1)] : [group, ...price(1, 0), ...fetch(3, 1)];
  return {
    event_id: fetchFailedFirst ? "6a1f5c4e3d2b4a0f9e8d7c6b5a4f3e2d" : "7b2a6d5f4e3c4b1a0f9e8d7c6b5a4f3e",
    level: "error",
    exception: { values: tree.reverse() },
    timestamp: "2026-03-14T12:00:06.000000Z",
    contexts,
    sdk: SDK(),
    platform: "python",
  };
};
/** The same logger.error(stack_info=True) on a Windows desktop install (the standard library under Python312\Lib). */
export const pyWindowsLoggingEvent = (eventId: string, fn: string) => {
  const root = "C:\\Users\\dev\\AppData\\Local\\Programs\\Python\\Python312\\Lib";
  const win = (module: string, f: string, lineno: number) => ({ ...std(module, f, lineno), abs_path: `${root}\\${module}\\__init__.py`, filename: `${module}\\__init__.py` });
  const base = pyLoggingStackEvent(eventId, ["8812", "bob"], fn);
  const frames = base.threads.values[0].stacktrace.frames.map((f) => (f.module === "logging" ? win("logging", f.function, f.lineno) : f));
  return { ...base, threads: { values: [{ ...base.threads.values[0], stacktrace: { frames } }] } };
};
