import { z } from "zod";

/** Patterns a project may list per kind (error messages, releases). */
export const MAX_FILTER_PATTERNS = 100;
const Pattern = z.string().trim().min(1).max(200);

/**
 * A project's inbound filters: events they match are answered as received and dropped — not stored,
 * not counted in issues or quotas, counted as "filtered" in the project's ingest health. All off
 * for a new project (nothing a client sends is dropped unless someone chose to).
 * - browserExtensions: thrown in a browser extension's code (its innermost frame's file is a
 *   `chrome-extension://`, `moz-extension://`, `safari-web-extension://`… URL), or one of the
 *   errors extensions and injected scripts are known for;
 * - localhost: from a page served by localhost / 127.0.0.1 / ::1 / *.localhost;
 * - webCrawlers: from a crawler, by its User-Agent (Googlebot, bingbot, …; headless browsers are
 *   not crawlers);
 * - legacyBrowsers: from Internet Explorer, pre-Chromium Edge, Opera Mini, or a browser older
 *   than ES2017 support (Chrome < 58, Firefox < 52, Safari < 11, Samsung Internet < 7);
 * - errorMessages: globs (`*` any run, `?` one character, case-insensitive) matched against
 *   "Type: message" and the message alone — `*ResizeObserver loop*`;
 * - releases: globs matched against the event's release — `*-dev`, `web@0.*`.
 */
export const InboundFiltersSchema = z
  .object({
    browserExtensions: z.boolean().default(false),
    localhost: z.boolean().default(false),
    webCrawlers: z.boolean().default(false),
    legacyBrowsers: z.boolean().default(false),
    errorMessages: z.array(Pattern).max(MAX_FILTER_PATTERNS).default([]),
    releases: z.array(Pattern).max(MAX_FILTER_PATTERNS).default([]),
  })
  .strict();
export type InboundFilters = z.infer<typeof InboundFiltersSchema>;

/** Why an event was dropped at ingest: a filter, or its issue's "discard new events". */
export const INBOUND_FILTER_REASONS = ["discarded", "browser-extension", "localhost", "web-crawler", "legacy-browser", "error-message", "release"] as const;
export type InboundFilterReason = (typeof INBOUND_FILTER_REASONS)[number];

export const NO_INBOUND_FILTERS: InboundFilters = InboundFiltersSchema.parse({});

/** A stored value that no longer parses (hand-edited) reads as no filters rather than failing ingest. */
export function parseStoredFilters(value: unknown): InboundFilters {
  const parsed = InboundFiltersSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : NO_INBOUND_FILTERS;
}
