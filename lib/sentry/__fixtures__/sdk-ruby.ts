/**
 * Payloads in the shapes sentry-ruby / sentry-rails / sentry-sidekiq 5.x send. Hand-written from
 * reading the SDK source; app names, messages, paths and ids are invented.
 *
 * Source files read (getsentry/sentry-ruby @ HEAD of Jul 2026):
 *   sentry-ruby/lib/sentry/event.rb, error_event.rb — `timestamp` Time#iso8601 (whole seconds, "Z"),
 *     `message` always written ("" for an exception), level "warn" sent as "warning", `threads`
 *     beside the exception (the current thread, no stack: the exception has it).
 *   interfaces/single_exception.rb — `type` the class's full name, `value` its detailed_message
 *     (highlight: false): Ruby 3.2+ appends " (ClassName)" and error_highlight its code snippet,
 *     `module` the namespace, `thread_id` the thread's object_id.
 *   interfaces/stacktrace.rb, stacktrace_builder.rb, backtrace/line.rb — frames from the backtrace
 *     strings, outermost first: abs_path, function (Ruby 3.4 "'Order#total'" → module "Order",
 *     function "total"; earlier "`total'" → no module), lineno, in_app (app dirs under the project
 *     root only), filename relative to the load path, source context.
 *   interfaces/threads.rb — capture_message with attach_stacktrace: the stack in the thread.
 *   transport.rb — envelope header {event_id, dsn, sdk, sent_at}, item {type, content_type}, no length.
 */
import { buildEnvelope } from "./envelopes";

const SDK = { name: "sentry.ruby.rails", version: "5.26.0", integrations: ["rails"], packages: [{ name: "gem:sentry-ruby", version: "5.26.0" }] };
const GEMS = "/usr/local/bundle/gems";

const gem = (path: string, fn: string, lineno: number) => ({ abs_path: `${GEMS}/${path}`, function: fn, lineno, in_app: false, filename: path.replace(/^[^/]+\//, "") });
const app = (path: string, fn: string, lineno: number, module?: string) => ({
  abs_path: `/rails/${path}`,
  function: fn,
  lineno,
  in_app: true,
  filename: path,
  ...(module && { module }),
  pre_context: ["  def total", "    items.sum do |line|"],
  context_line: "      line.price * line.quantity",
  post_context: ["    end", "  end"],
});

/** The same request on Ruby 3.3 ("`total'") or 3.4 ("'Order#total'": the class apart as module). */
const orderFrames = (ruby34: boolean, shift: number) => [
  gem("puma-6.4.2/lib/puma/thread_pool.rb", "block in spawn_thread", 147),
  gem("actionpack-7.2.1/lib/action_controller/metal/basic_implicit_render.rb", "send_action", 8),
  app("app/controllers/orders_controller.rb", "show", 12 + shift, ruby34 ? "OrdersController" : undefined),
  app("app/models/order.rb", "total", 29 + shift, ruby34 ? "Order" : undefined),
  app("app/models/order.rb", ruby34 ? "block in Order#total" : "block in total", 30 + shift),
];

const detailed = (ruby34: boolean) =>
  ruby34
    ? "undefined method 'price' for nil (NoMethodError)\n\n      line.price * line.quantity\n          ^^^^^^"
    : "undefined method `price' for nil (NoMethodError)\n\n      line.price * line.quantity\n          ^^^^^^";

export const RUBY_RAILS_EVENT_ID = "0b1c2d3e4f5a46b7c8d9e0f1a2b3c4d5";
/** An unhandled NoMethodError in a Rails request (sentry-rails: mechanism rails, handled false). */
export const rubyRailsEvent = (opts: { eventId?: string; ruby34?: boolean; shift?: number; release?: string } = {}) => ({
  event_id: opts.eventId ?? RUBY_RAILS_EVENT_ID,
  level: "error",
  timestamp: "2026-03-14T11:59:58Z",
  release: opts.release ?? "8f3c2a1",
  environment: "production",
  server_name: "web-7c9d",
  modules: { rails: "7.2.1", "sentry-ruby": "5.26.0" },
  message: "",
  user: { id: 4412 },
  tags: { request_id: "3f2a9c" },
  contexts: { os: { name: "Linux", version: "#1 SMP", build: "6.1.0", kernel_version: "6.1.0" }, runtime: { name: "ruby", version: "ruby 3.4.1 (2024-12-25 revision 48d4efcb85) +PRISM [x86_64-linux]" }, trace: { trace_id: "ab12cd34ef56ab12cd34ef56ab12cd34", span_id: "ab12cd34ef56ab12", op: "http.server", status: "internal_error" } },
  extra: {},
  platform: "ruby",
  sdk: SDK,
  transaction: "OrdersController#show",
  transaction_info: { source: "view" },
  breadcrumbs: { values: [{ category: "start_processing.action_controller", data: { controller: "OrdersController", action: "show" }, level: null, message: "", timestamp: 1773489598, type: null }] },
  request: { url: "https://shop.example.com/orders/8812", method: "GET", headers: { Host: "shop.example.com", "User-Agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15" }, env: { SERVER_NAME: "shop.example.com", SERVER_PORT: "443" } },
  exception: {
    values: [
      {
        type: "NoMethodError",
        value: detailed(opts.ruby34 ?? true),
        module: "",
        thread_id: 8920,
        stacktrace: { frames: orderFrames(opts.ruby34 ?? true, opts.shift ?? 0) },
        mechanism: { type: "rails", handled: false },
      },
    ],
  },
  threads: { values: [{ id: 8920, name: "puma srv tp 001", crashed: false, current: true }] },
});
export const rubyRailsEnvelope = buildEnvelope(
  { event_id: RUBY_RAILS_EVENT_ID, dsn: "https://0f1e2d3c4b5a69788796a5b4c3d2e1f0@errors.example.com/42", sdk: { name: "sentry.ruby.rails", version: "5.26.0" }, sent_at: "2026-03-14T11:59:58Z" },
  [{ header: { type: "event", content_type: "application/json" }, payload: rubyRailsEvent() }],
);

/** A Sidekiq job whose ActiveRecord error wraps PG's (Exception#cause), retried by Sidekiq. */
export const rubySidekiqEvent = {
  event_id: "1c2d3e4f5a6b47c8d9e0f1a2b3c4d5e6",
  level: "error",
  timestamp: "2026-03-14T12:00:03Z",
  message: "",
  platform: "ruby",
  sdk: { ...SDK, name: "sentry.ruby.sidekiq" },
  transaction: "Sidekiq/InvoiceJob",
  contexts: { sidekiq: { class: "InvoiceJob", jid: "f1e2d3c4b5a6", queue: "default", retry_count: 2 } },
  exception: {
    values: [
      {
        type: "PG::ConnectionBad",
        value: "connection to server at \"10.0.3.4\", port 5432 failed: Connection refused (PG::ConnectionBad)",
        module: "PG",
        thread_id: 9010,
        stacktrace: { frames: [gem("pg-1.5.9/lib/pg/connection.rb", "connect_to_hosts", 824)] },
        mechanism: { type: "sidekiq", handled: false },
      },
      {
        type: "ActiveRecord::ConnectionNotEstablished",
        value: "connection to server at \"10.0.3.4\", port 5432 failed: Connection refused (ActiveRecord::ConnectionNotEstablished)",
        module: "ActiveRecord",
        thread_id: 9010,
        stacktrace: {
          frames: [
            gem("sidekiq-7.3.2/lib/sidekiq/processor.rb", "execute_job", 220),
            app("app/jobs/invoice_job.rb", "perform", 9, "InvoiceJob"),
            gem("activerecord-7.2.1/lib/active_record/connection_adapters/postgresql_adapter.rb", "connect", 57),
          ],
        },
        mechanism: { type: "sidekiq", handled: false },
      },
    ],
  },
};

/** Sentry.capture_message("Stock low for SKU %s" % sku, level: :warning) with attach_stacktrace. */
export const rubyMessageEvent = {
  event_id: "2d3e4f5a6b7c48d9e0f1a2b3c4d5e6f7",
  level: "warning",
  timestamp: "2026-03-14T12:00:05Z",
  message: "Stock low for SKU 12",
  platform: "ruby",
  sdk: SDK,
  threads: { values: [{ id: 8920, name: null, crashed: false, current: true, stacktrace: { frames: [app("app/services/stock_check.rb", "call", 14, "StockCheck"), gem("sentry-ruby-5.26.0/lib/sentry-ruby.rb", "capture_message", 472)] } }] },
};
