/**
 * Hand-written test envelopes in the shapes @sentry/node and @sentry/browser v11 send
 * (see sdkRoundTrip.test.ts for envelopes produced by the real SDKs).
 */

export interface FixtureItem {
  header: Record<string, unknown>;
  /** Objects are JSON-encoded, strings UTF-8 encoded, Buffers sent as they are. */
  payload: unknown;
  /** Add a `length` header with the payload's byte length (attachments always have one). */
  withLength?: boolean;
}

/** Serialises an envelope the way the SDKs do: header, then "\n<item header>\n<payload>" per item. */
export function buildEnvelope(
  header: Record<string, unknown>,
  items: FixtureItem[],
  opts: { trailingNewline?: boolean } = {},
): Buffer {
  const parts: Buffer[] = [Buffer.from(JSON.stringify(header))];
  for (const item of items) {
    const payload = Buffer.isBuffer(item.payload)
      ? item.payload
      : Buffer.from(typeof item.payload === "string" ? item.payload : JSON.stringify(item.payload));
    const itemHeader = item.withLength ? { ...item.header, length: payload.length } : item.header;
    parts.push(Buffer.from(`\n${JSON.stringify(itemHeader)}\n`), payload);
  }
  if (opts.trailingNewline) parts.push(Buffer.from("\n"));
  return Buffer.concat(parts);
}

export const NODE_EVENT_ID = "5f0c3b6a9e2d4c7b8a1f0e9d8c7b6a5f";
export const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
export const DSN = "https://3a1f6c2e9b7d4e5f8a0b1c2d3e4f5a6b@errors.example.com/42";

const nodeFrames = (line: number) => [
  { filename: "node:internal/process/task_queues", module: "task_queues", function: "process.processTicksAndRejections", lineno: 105, colno: 5, in_app: false },
  {
    filename: "/srv/app/node_modules/express/lib/router/layer.js",
    module: "express.lib.router:layer",
    function: "Layer.handle [as handle_request]",
    lineno: 95,
    colno: 5,
    in_app: false,
  },
  {
    filename: "/srv/app/src/billing/invoices.js",
    module: "billing:invoices",
    function: "loadInvoice",
    lineno: line,
    colno: 11,
    in_app: true,
    pre_context: ["async function loadInvoice(id) {", "  try {"],
    context_line: "    const res = await fetch(`${API}/invoices/${id}`);",
    post_context: ["    return await res.json();", "  } catch (err) {"],
  },
];

/** captureException(new Error("Could not load invoice 42", { cause: new TypeError("fetch failed") })) */
export const nodeExceptionEvent = {
  exception: {
    values: [
      {
        type: "TypeError",
        value: "fetch failed",
        stacktrace: { frames: nodeFrames(12) },
        mechanism: { handled: true, type: "chained", source: "cause", exception_id: 1, parent_id: 0 },
      },
      {
        type: "Error",
        value: "Could not load invoice 42",
        stacktrace: { frames: nodeFrames(14) },
        mechanism: { handled: true, type: "generic", exception_id: 0 },
      },
    ],
  },
  event_id: NODE_EVENT_ID,
  level: "error",
  platform: "node",
  contexts: {
    trace: { trace_id: TRACE_ID, span_id: "00f067aa0ba902b7" },
    runtime: { name: "node", version: "v22.11.0" },
    os: { kernel_version: "6.8.0", name: "Linux" },
  },
  server_name: "billing-api-7f9c",
  timestamp: 1767225600.123,
  environment: "production",
  release: "billing@1.4.2",
  transaction: "GET /invoices/:id",
  sdk: {
    integrations: ["InboundFilters", "FunctionToString", "LinkedErrors", "Http", "Express"],
    name: "sentry.javascript.node",
    version: "11.12.0",
    packages: [{ name: "npm:@sentry/node", version: "11.12.0" }],
  },
  request: {
    method: "GET",
    url: "https://billing.example.com/invoices/42",
    query_string: "expand=lines",
    headers: { host: "billing.example.com", "user-agent": "curl/8.5.0" },
    cookies: { session: "abc" },
    data: undefined,
  },
  tags: { agent_id: "agent-7", region: "eu-west-1" },
  user: { id: "user_123", email: "ada@example.com", ip_address: "203.0.113.9" },
  breadcrumbs: [
    { timestamp: 1767225599.9, category: "http", type: "http", data: { method: "GET", url: "https://api.example.com/invoices/42", status_code: 502 } },
    { timestamp: 1767225600.0, category: "console", level: "log", message: "retrying invoice fetch" },
  ],
  extra: { attempt: 3 },
  modules: { express: "4.21.2", "@sentry/node": "11.12.0" },
};

/** An unhandled AggregateError in a browser: exception group members come before the group itself. */
export const browserAggregateEvent = {
  exception: {
    values: [
      {
        type: "SyntaxError",
        value: "Unexpected token '<'",
        stacktrace: { frames: [{ filename: "https://app.example.com/assets/app-3f2a.js", function: "parseConfig", lineno: 1, colno: 48213, in_app: true }] },
        mechanism: { handled: true, type: "chained", source: "errors[1]", exception_id: 2, parent_id: 0 },
      },
      {
        type: "RangeError",
        value: "Invalid array length",
        stacktrace: { frames: [{ filename: "https://app.example.com/assets/app-3f2a.js", function: "buildGrid", lineno: 1, colno: 9120, in_app: true }] },
        mechanism: { handled: true, type: "chained", source: "errors[0]", exception_id: 1, parent_id: 0 },
      },
      {
        type: "AggregateError",
        value: "2 widgets failed to render",
        stacktrace: {
          frames: [
            { filename: "https://app.example.com/assets/vendor-91bc.js", function: "?", lineno: 2, colno: 1022, in_app: false },
            { filename: "https://app.example.com/assets/app-3f2a.js", function: "renderDashboard", lineno: 1, colno: 7011, in_app: true },
          ],
        },
        mechanism: { handled: false, type: "auto.browser.global_handlers.onunhandledrejection", is_exception_group: true, exception_id: 0 },
      },
    ],
  },
  level: "error",
  event_id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  platform: "javascript",
  timestamp: 1767225660.5,
  environment: "production",
  release: "web@2.0.0",
  sdk: { name: "sentry.javascript.browser", version: "11.12.0", packages: [{ name: "npm:@sentry/browser", version: "11.12.0" }] },
  request: { url: "https://app.example.com/dashboard", headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64)" } },
  breadcrumbs: [{ timestamp: 1767225659, category: "ui.click", message: "button#refresh" }],
  user: { ip_address: "{{auto}}" },
};

/** captureMessage("Checkout submitted twice", "warning") in a browser: v11 attaches a synthetic stack. */
export const browserMessageEvent = {
  event_id: "a1b2c3d4e5f60718293a4b5c6d7e8f90",
  level: "warning",
  exception: {
    values: [
      {
        value: "Checkout submitted twice",
        stacktrace: { frames: [{ filename: "https://app.example.com/assets/app-3f2a.js", function: "onSubmit", lineno: 1, colno: 2231, in_app: true }] },
        mechanism: { type: "generic", handled: true, synthetic: true },
      },
    ],
  },
  message: "Checkout submitted twice",
  platform: "javascript",
  timestamp: 1767225700.25,
  environment: "production",
  release: "web@2.0.0",
};

/** A Python-style logging event: logentry, RFC 3339 timestamp, tags as pairs, stack in threads. */
export const pythonLogEvent = {
  event_id: "b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5",
  level: "info",
  logger: "billing.jobs",
  logentry: { message: "Invoice %s sent to %s", params: ["INV-7", "ada@example.com"], formatted: "Invoice INV-7 sent to ada@example.com" },
  platform: "python",
  timestamp: "2026-01-01T00:02:03.456789Z",
  tags: [
    ["job", "send_invoices"],
    ["attempt", 2],
  ],
  threads: {
    values: [
      { id: 1, current: false, stacktrace: { frames: [{ module: "threading", function: "run", filename: "threading.py", lineno: 1 }] } },
      {
        id: 2,
        current: true,
        stacktrace: { frames: [{ module: "billing.jobs", function: "send_invoices", filename: "billing/jobs.py", abs_path: "/app/billing/jobs.py", lineno: 88, in_app: true }] },
      },
    ],
  },
};

export const sessionUpdateExited = {
  sid: "7c4b9d2e1f0a4b3c8d7e6f5a4b3c2d1e",
  init: false,
  started: "2026-01-01T10:15:42.120Z",
  timestamp: "2026-01-01T10:21:03.004Z",
  status: "exited",
  errors: 0,
  duration: 320.88,
  attrs: { release: "web@2.0.0", environment: "production", ip_address: "{{auto}}", user_agent: "Mozilla/5.0" },
};

/** @sentry/node request sessions, flushed every minute. */
export const nodeSessionAggregates = {
  aggregates: [
    { started: "2026-01-01T10:15:00.000Z", exited: 120, errored: 3, crashed: 0 },
    { started: "2026-01-01T10:16:00.000Z", exited: 98, errored: 0, crashed: 1 },
  ],
  attrs: { release: "billing@1.4.2", environment: "production" },
};

export const clientReport = {
  timestamp: 1767225800.5,
  discarded_events: [
    { reason: "ratelimit_backoff", category: "error", quantity: 4 },
    { reason: "sample_rate", category: "span", quantity: 120 },
  ],
};

/** Streamed spans (v11's default trace lifecycle). */
export const spanContainer = {
  version: 2,
  items: [
    {
      name: "GET /invoices/:id",
      span_id: "00f067aa0ba902b7",
      trace_id: TRACE_ID,
      start_timestamp: 1767225599.8,
      end_timestamp: 1767225600.2,
      is_segment: true,
      status: "error",
      attributes: { "sentry.op": { value: "http.server", type: "string" } },
    },
  ],
};

/** A transaction event (only sent with traceLifecycle: "static"). */
export const transactionEvent = {
  type: "transaction",
  transaction: "GET /invoices/:id",
  event_id: "c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4",
  start_timestamp: 1767225599.8,
  timestamp: 1767225600.2,
  contexts: { trace: { trace_id: TRACE_ID, span_id: "00f067aa0ba902b7", op: "http.server", status: "internal_error" } },
  spans: [],
};

/** Binary attachment bytes including newlines, a CR and a non-UTF-8 byte. */
export const attachmentBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x0a]);

export const envelopeHeader = (eventId?: string) => ({
  ...(eventId ? { event_id: eventId } : {}),
  sent_at: "2026-01-01T00:00:00.500Z",
  sdk: { name: "sentry.javascript.node", version: "11.12.0" },
  trace: { environment: "production", release: "billing@1.4.2", public_key: "3a1f6c2e9b7d4e5f8a0b1c2d3e4f5a6b", trace_id: TRACE_ID },
});
