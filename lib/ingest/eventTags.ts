import { parseUserAgent } from "@/lib/ingest/parseUserAgent";

/**
 * The tags of one event as the issue page and the per-issue tag rollup see them: environment,
 * release, user, browser, OS, device and runtime (from the SDK's contexts, else the request's
 * User-Agent), what a Sentry SDK reported beside them (handled, mechanism, logger, server_name,
 * transaction, url: the tags engineers filter by there), then the event's own tags. One pure
 * function, used at ingest (rollup rows) and when an event is shown, so both always agree.
 */

/** Keys derived by Faultline; an event's own tag with one of these names counts only when nothing was derived for it (ours wins). */
export const DERIVED_TAG_KEYS = [
  "environment",
  "release",
  "user",
  "browser",
  "browser.name",
  "os",
  "os.name",
  "device",
  "runtime",
  "runtime.name",
  "handled",
  "mechanism",
  "logger",
  "server_name",
  "transaction",
  "url",
] as const;

export const MAX_ROLLUP_TAGS = 50;
export const MAX_ROLLUP_KEY = 200;
export const MAX_ROLLUP_VALUE = 200;

export interface TaggableEvent {
  environment: string | null;
  release: string | null;
  userId: string | null;
  tags: unknown;
  metadata: unknown;
}

export interface EventContexts {
  browser?: { name: string; version?: string };
  os?: { name: string; version?: string };
  device?: { family?: string; model?: string; brand?: string; class?: string };
  runtime?: { name: string; version?: string };
}

const DERIVED = new Set<string>(DERIVED_TAG_KEYS);

export function eventTags(event: TaggableEvent): [string, string][] {
  const out: [string, string][] = [];
  const add = (key: string, value: string | undefined | null) => {
    if (value === undefined || value === null) return;
    const clipped = value.trim().slice(0, MAX_ROLLUP_VALUE);
    if (clipped) out.push([key, clipped]);
  };
  add("environment", event.environment);
  add("release", event.release);
  add("user", event.userId);
  const contexts = eventContexts(event.metadata);
  if (contexts.browser) {
    add("browser", joinVersion(contexts.browser.name, majorOf(contexts.browser.version)));
    add("browser.name", contexts.browser.name);
  }
  if (contexts.os) {
    add("os", joinVersion(contexts.os.name, contexts.os.version));
    add("os.name", contexts.os.name);
  }
  add("device", contexts.device?.model ?? contexts.device?.family ?? contexts.device?.class);
  if (contexts.runtime) {
    add("runtime", joinVersion(contexts.runtime.name, contexts.runtime.version));
    add("runtime.name", contexts.runtime.name);
  }
  for (const [key, value] of sentryFacts(event.metadata)) add(key, value);
  let own = 0;
  for (const [key, value] of Object.entries(asRecord(event.tags))) {
    if (own >= MAX_ROLLUP_TAGS) break;
    if (!key || key.length > MAX_ROLLUP_KEY || (DERIVED.has(key) && out.some(([k]) => k === key))) continue;
    const str = typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
    if (str === undefined) continue;
    own++;
    add(key, str);
  }
  return out;
}

/** Browser, OS, device and runtime from `metadata.sentry.contexts`, filled in from the User-Agent header. */
export function eventContexts(metadata: unknown): EventContexts {
  const sentry = asRecord(asRecord(metadata).sentry);
  const contexts = asRecord(sentry.contexts);
  const out: EventContexts = {};
  const named = (raw: unknown) => {
    const c = asRecord(raw);
    const name = text(c.name);
    return name ? { name, ...(text(c.version) && { version: text(c.version) }) } : undefined;
  };
  const first = <T>(type: string, read: (raw: Record<string, unknown>) => T | undefined) => contextsOfType(contexts, type).map(read).find((v) => v !== undefined);
  out.browser = first("browser", named);
  out.os = first("os", named) ?? named(contexts.client_os);
  out.runtime = first("runtime", named);
  out.device = first("device", (device) =>
    text(device.model) || text(device.family) || text(device.brand) ? { family: text(device.family), model: text(device.model), brand: text(device.brand) } : undefined,
  );
  const ua = userAgentOf(sentry.request);
  if (ua && (!out.browser || !out.os || !out.device)) {
    const parsed = parseUserAgent(ua);
    out.browser ??= parsed.browser;
    out.os ??= parsed.os;
    if (!out.device && parsed.device) out.device = { class: parsed.device };
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as EventContexts;
}

/**
 * The contexts of a kind, in the order they are read: the one under its own name ("runtime"), then
 * those whose `type` says so. SDKs key some contexts by what they describe: sentry-rust's `rust`,
 * sentry-dart's `dart` and `flutter`, sentry-unity's `unity` (`type: "runtime"`), a second `os`.
 */
function contextsOfType(contexts: Record<string, unknown>, type: string): Record<string, unknown>[] {
  const typed = Object.entries(contexts).filter(([key, value]) => key !== type && asRecord(value).type === type).map(([, value]) => asRecord(value));
  return [asRecord(contexts[type]), ...typed];
}

/** Fields of a Sentry event that its issue page shows as tags: whether it was handled, how it was caught, where it came from. */
function sentryFacts(metadata: unknown): [string, string | undefined][] {
  const sentry = asRecord(asRecord(metadata).sentry);
  const mechanism = asRecord(sentry.mechanism);
  const handled = typeof mechanism.handled === "boolean" ? (mechanism.handled ? "yes" : "no") : undefined;
  return [
    ["handled", handled],
    ["mechanism", text(mechanism.type)],
    ["logger", text(sentry.logger)],
    ["server_name", text(sentry.server_name)],
    ["transaction", text(sentry.transaction)],
    ["url", urlWithoutQuery(text(asRecord(sentry.request).url))],
  ];
}

/** A request URL as a tag: without its query string and fragment (which vary per request and may carry ids). */
function urlWithoutQuery(url: string | undefined): string | undefined {
  return url?.replace(/[?#].*$/s, "") || undefined;
}

/** The User-Agent of the browser an event came from: a Sentry event's request header, or what the Faultline browser client records. */
export function eventUserAgent(metadata: unknown): string | undefined {
  const own = asRecord(asRecord(metadata).runtime).userAgent;
  return userAgentOf(asRecord(asRecord(metadata).sentry).request) ?? (typeof own === "string" && own ? own : undefined);
}

function userAgentOf(request: unknown): string | undefined {
  const headers = asRecord(asRecord(request).headers);
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "user-agent" && typeof value === "string") return value;
  }
  // Headers sent as [[name, value], ...] pairs.
  if (Array.isArray(asRecord(request).headers)) {
    for (const pair of asRecord(request).headers as unknown[]) {
      if (Array.isArray(pair) && String(pair[0]).toLowerCase() === "user-agent" && typeof pair[1] === "string") return pair[1];
    }
  }
  return undefined;
}

function majorOf(version: string | undefined): string | undefined {
  return version?.split(".")[0];
}

function joinVersion(name: string, version: string | undefined): string {
  return version ? `${name} ${version}` : name;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() ? value.trim().slice(0, MAX_ROLLUP_VALUE) : undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
