/**
 * Payloads in the shapes sentry-go 0.3x sends. Hand-written from reading the SDK source; service
 * names, messages, paths and ids are invented.
 *
 * Source files read (getsentry/sentry-go @ HEAD of Jul 2026):
 *   interfaces.go — Event: `exception` and `threads` are bare lists, `user` always an object,
 *     `timestamp` a time.Time (RFC 3339 with nanoseconds and the host's offset), Mechanism
 *     {type, source, handled, parent_id, exception_id (always written), is_exception_group}.
 *   exception.go — convertErrorToExceptions: the error tree depth first (Unwrap() error → source
 *     "unwrap", Unwrap() []error → "errors[i]" with is_exception_group on the parent, Cause() →
 *     "cause"), then reversed (the protocol's order); a lone error gets no mechanism; the outermost
 *     error without a stack of its own gets the capture site's (NewStacktrace).
 *   stacktrace.go — frames: function without its package ("(*Handler).Get.func1"), module the
 *     package path, abs_path (filename instead when built with -trimpath), `in_app` always written:
 *     true for everything outside GOROOT and vendor/third_party (so modules of the module cache are
 *     marked in-app); the runtime's, testing's and the SDK's own frames are dropped.
 *   client.go — RecoverWithContext: a panic with an error value → EventFromException at level
 *     fatal; a string → EventFromMessage (level fatal, the text as `message`, no stack unless
 *     AttachStacktrace).
 *   transport.go — envelope header {event_id, sent_at, dsn, sdk {name, version}, trace}, one item.
 */
import { buildEnvelope } from "./envelopes";

const SDK = { name: "sentry.go.http", version: "0.35.1", integrations: ["ContextifyFrames", "Environment", "GlobalTags", "IgnoreErrors", "Modules"], packages: [{ name: "sentry-go", version: "0.35.1" }] };
const contexts = {
  device: { arch: "amd64", num_cpu: 2 },
  os: { name: "linux" },
  runtime: { go_maxprocs: 2, go_numcgocalls: 1, go_numroutines: 14, name: "go", version: "go1.24.4" },
  trace: { trace_id: "d9f8e7c6b5a44321a0b9c8d7e6f5a4b3", span_id: "a1b2c3d4e5f60718" },
};

const frame = (module: string, fn: string, lineno: number, absPath: string, inApp = true) => ({
  function: fn,
  module,
  abs_path: absPath,
  lineno,
  in_app: inApp,
  ...(inApp && { pre_context: ["\torder, err := h.store.Load(ctx, id)"], context_line: "\tif err != nil {", post_context: ["\t\treturn fmt.Errorf(\"load order %s: %w\", id, err)"] }),
});
/** The capture site's stack: net/http and chi serving a request into the app's handler (GOROOT frames not in-app, the module cache's in-app). */
const handlerStack = (shift = 0) => [
  frame("net/http", "(*conn).serve", 2102, "/usr/local/go/src/net/http/server.go", false),
  frame("net/http", "serverHandler.ServeHTTP", 3301, "/usr/local/go/src/net/http/server.go", false),
  frame("github.com/go-chi/chi/v5", "(*Mux).routeHTTP", 459, "/root/go/pkg/mod/github.com/go-chi/chi/v5@v5.1.0/mux.go"),
  frame("github.com/harborfoods/orders/internal/api", "(*Handler).GetOrder", 58 + shift, "/src/orders/internal/api/orders.go"),
  frame("github.com/harborfoods/orders/internal/api", "(*Handler).GetOrder.func1", 64 + shift, "/src/orders/internal/api/orders.go"),
];

const event = (eventId: string, body: Record<string, unknown>) => ({
  contexts,
  environment: "production",
  event_id: eventId,
  level: "error",
  platform: "go",
  release: "orders@1.14.0",
  sdk: SDK,
  server_name: "orders-7d9f",
  user: {},
  modules: { "github.com/getsentry/sentry-go": "v0.35.1", "github.com/harborfoods/orders": "(devel)" },
  timestamp: "2026-03-14T12:59:58.123456789+01:00",
  ...body,
});

/** hub.CaptureException(fmt.Errorf("load order %s: %w", id, sql.ErrNoRows)) */
export const GO_WRAPPED_EVENT_ID = "e1d2c3b4a5964877a8b9c0d1e2f3a4b5";
export const goWrappedEvent = (eventId = GO_WRAPPED_EVENT_ID, orderId = "A-17", shift = 0, root = "sql: no rows in result set") =>
  event(eventId, {
    exception: [
      { type: "*errors.errorString", value: root, mechanism: { type: "chained", source: "unwrap", exception_id: 1, parent_id: 0 } },
      { type: "*fmt.wrapError", value: `load order ${orderId}: ${root}`, stacktrace: { frames: handlerStack(shift) }, mechanism: { type: "generic", exception_id: 0 } },
    ],
  });
export const goWrappedEnvelope = buildEnvelope(
  { event_id: GO_WRAPPED_EVENT_ID, sent_at: "2026-03-14T11:59:58.2011Z", dsn: "https://5d0c9e8f7a6b4c3d2e1f0a9b8c7d6e5f@errors.example.com/42", sdk: { name: "sentry.go.http", version: "0.35.1" }, trace: { trace_id: contexts.trace.trace_id, public_key: "5d0c9e8f7a6b4c3d2e1f0a9b8c7d6e5f" } },
  [{ header: { type: "event", length: 0 }, payload: goWrappedEvent(), withLength: true }],
  { trailingNewline: true },
);

/** A panic in a handler recovered by sentryhttp: a runtime.Error, so an exception at level fatal. */
export const goRuntimePanicEvent = event("f2e3d4c5b6a74988b9c0d1e2f3a4b5c6", {
  level: "fatal",
  exception: [
    {
      type: "runtime.boundsError",
      value: "runtime error: index out of range [5] with length 3",
      stacktrace: { frames: [...handlerStack(), frame("github.com/harborfoods/orders/internal/pricing", "lineTotal", 31, "/src/orders/internal/pricing/lines.go")] },
    },
  ],
});

/** panic("inventory went negative") recovered by sentryhttp: a message at level fatal, no stack. */
export const goStringPanicEvent = event("a3f4e5d6c7b84a99c0d1e2f3a4b5c6d7", { level: "fatal", message: "inventory went negative" });

/** errors.Join(errA, errB) captured: the join is the group, each joined error a member without a stack. */
export const goJoinEvent = (first: "stock" | "price") => {
  const stock = (id: number, index: number) => ({ type: "*errors.errorString", value: "stock for sku 12 went negative", mechanism: { type: "chained", source: `errors[${index}]`, exception_id: id, parent_id: 0 } });
  const price = (id: number, index: number) => ({ type: "*errors.errorString", value: "no price for sku 12", mechanism: { type: "chained", source: `errors[${index}]`, exception_id: id, parent_id: 0 } });
  const members = first === "stock" ? [stock(1, 0), price(2, 1)] : [price(1, 0), stock(2, 1)];
  const value = members.map((m) => m.value).join("\n");
  return event(first === "stock" ? "b4a5f6e7d8c94baad1e2f3a4b5c6d7e8" : "c5b6a7f8e9d04cbbe2f3a4b5c6d7e8f9", {
    exception: [...members.reverse(), { type: "*errors.joinError", value, stacktrace: { frames: handlerStack() }, mechanism: { type: "generic", exception_id: 0, is_exception_group: true } }],
  });
};

/** A binary built with -trimpath: files as module paths, no abs_path; the module cache's frames marked in-app. */
export const goTrimpathEvent = event("d6c7b8a9f0e14dccf3a4b5c6d7e8f9a0", {
  exception: [
    {
      type: "*api.NotFoundError",
      value: "order A-17 not found",
      stacktrace: {
        frames: [
          { function: "(*conn).serve", module: "net/http", filename: "net/http/server.go", lineno: 2102, in_app: true },
          { function: "(*Context).Next", module: "github.com/gin-gonic/gin", filename: "github.com/gin-gonic/gin@v1.10.0/context.go", lineno: 185, in_app: true },
          { function: "(*Handler).GetOrder", module: "github.com/harborfoods/orders/internal/api", filename: "github.com/harborfoods/orders/internal/api/orders.go", lineno: 58, in_app: true },
        ],
      },
    },
  ],
});
