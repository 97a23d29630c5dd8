import type { InboundFilterReason, InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";
import { eventContexts, eventUserAgent } from "@/lib/ingest/eventTags";
import { parseUserAgent } from "@/lib/ingest/parseUserAgent";
import type { Frame } from "@/lib/ingest/stacktrace/frame";
import { globMatches } from "@/lib/text/glob";

/** What the filters look at of a prepared event (scrubbed, as it would be stored). */
export interface FilterableEvent {
  type: string;
  message: string;
  release: string | null;
  frames: Frame[];
  exceptions: { frames: Frame[] }[] | null;
  metadata: Record<string, unknown>;
}

/** Characters of a message the patterns are matched against. */
const MAX_MATCHED_MESSAGE = 1024;

const EXTENSION_URL = /^(?:chrome|moz|safari|safari-web|ms-browser|edge)-extension:|^webkit-masked-url:/i;
/** Errors of extensions, toolbars and in-app browsers' injected scripts, not of the page (substrings of the message). */
const EXTENSION_MESSAGES = [
  "top.GLOBALS",
  "originalCreateNotification",
  "canvas.contentDocument",
  "MyApp_RemoveAllHighlights",
  "atomicFindClose",
  "conduitPage",
  "__gCrWeb",
  "_gCrWeb",
  "instantSearchSDKJSBridgeClearHighlight",
  "ZiteReader",
  "jigsaw is not defined",
  "ComboSearch is not defined",
  "fb_xd_fragment",
  "bmi_SafeAddOnload",
  "EBCallBackMessageReceived",
];
/** Well-known crawlers by name, then any User-Agent naming itself a bot, crawler or spider, or pointing at its info page ("+http://…"). */
const CRAWLER =
  /googlebot|bingbot|slurp|duckduckbot|baiduspider|yandex(?:bot|images|metrika)|sogou|exabot|facebot|facebookexternalhit|ia_archiver|applebot|petalbot|ahrefsbot|semrushbot|mj12bot|dotbot|bytespider|gptbot|ccbot|adsbot-google|mediapartners-google|google-inspectiontool|twitterbot|linkedinbot|pinterestbot|discordbot|slackbot|telegrambot|(?:^|[^a-z])(?:bot|crawler|spider)(?:[^a-z]|$)|\+https?:\/\//i;
/** The oldest version of each browser that is not legacy (ES2017: async functions); older ones, and these names at any version, are. */
const MODERN_FROM: Record<string, number> = { chrome: 58, "chrome mobile": 58, firefox: 52, safari: 11, "mobile safari": 11, "samsung internet": 7, edge: 79, opera: 45 };
const ALWAYS_LEGACY = /^(?:internet explorer|ie|ie mobile|opera mini)$/;

/** The first filter an event matches (in the order of InboundFilterReason), or null to keep it. Pure. */
export function matchInboundFilter(event: FilterableEvent, filters: InboundFilters): InboundFilterReason | null {
  if (filters.browserExtensions && fromBrowserExtension(event)) return "browser-extension";
  if (filters.localhost && fromLocalhost(event.metadata)) return "localhost";
  if (filters.webCrawlers && fromCrawler(event.metadata)) return "web-crawler";
  if (filters.legacyBrowsers && fromLegacyBrowser(event.metadata)) return "legacy-browser";
  if (filters.errorMessages.length > 0 && messageMatches(event, filters.errorMessages)) return "error-message";
  if (event.release && filters.releases.some((p) => globMatches(p, event.release!))) return "release";
  return null;
}

/** Whether any filter is on (when none is, ingest skips matching altogether). */
export function hasInboundFilters(filters: InboundFilters): boolean {
  return filters.browserExtensions || filters.localhost || filters.webCrawlers || filters.legacyBrowsers || filters.errorMessages.length > 0 || filters.releases.length > 0;
}

function fromBrowserExtension(event: FilterableEvent): boolean {
  if (EXTENSION_MESSAGES.some((m) => event.message.includes(m))) return true;
  // Where it was thrown: the innermost frame that names a file, of the raised exception.
  const frames = event.exceptions?.[0]?.frames ?? event.frames;
  const innermost = [...frames].reverse().find((f) => f.absPath || f.filename);
  return Boolean(innermost && EXTENSION_URL.test(innermost.absPath || innermost.filename || ""));
}

function fromLocalhost(metadata: Record<string, unknown>): boolean {
  const url = pageUrl(metadata);
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || host === "0.0.0.0" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function fromCrawler(metadata: Record<string, unknown>): boolean {
  const ua = eventUserAgent(metadata);
  return ua !== undefined && CRAWLER.test(ua.slice(0, 1000));
}

function fromLegacyBrowser(metadata: Record<string, unknown>): boolean {
  const ua = eventUserAgent(metadata);
  if (ua && /\bOpera Mini\b|\bMSIE |\bTrident\//.test(ua)) return true;
  const browser = eventContexts(metadata).browser ?? (ua ? parseUserAgent(ua).browser : undefined);
  if (!browser) return false;
  const name = browser.name.toLowerCase();
  if (ALWAYS_LEGACY.test(name)) return true;
  const modernFrom = MODERN_FROM[name];
  const major = Number.parseInt(browser.version ?? "", 10);
  return modernFrom !== undefined && Number.isFinite(major) && major < modernFrom;
}

function messageMatches(event: FilterableEvent, patterns: string[]): boolean {
  const message = event.message.slice(0, MAX_MATCHED_MESSAGE);
  const full = `${event.type}: ${message}`;
  return patterns.some((p) => globMatches(p, full) || globMatches(p, message));
}

/** The page the event happened on: a Sentry event's request URL, or what the Faultline browser client records. */
function pageUrl(metadata: Record<string, unknown>): string | undefined {
  const sentry = record(metadata.sentry);
  const url = record(sentry.request).url ?? record(metadata.runtime).url;
  return typeof url === "string" ? url : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
