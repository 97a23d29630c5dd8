import { ApiError } from "@/lib/http/ApiError";
import { asArray, asObject, asText, clipText, type JsonObject } from "@/lib/sentry/coerce";

/** The issue type of every CSP violation. */
export const CSP_TYPE = "CSP Violation";
/** More reports than a browser batches in one delivery; the rest of a hostile batch is ignored. */
const MAX_REPORTS = 100;

/**
 * Content-Security-Policy violation reports, as browsers send them to a DSN's security endpoint
 * (POST /api/:projectId/security/?sentry_key=…): the `report-uri` form (`{"csp-report": {…}}`,
 * application/csp-report) and the Reporting API's (`[{type: "csp-violation", body: {…}}, …]`,
 * application/reports+json). Each violation becomes a Sentry-shaped event for the usual mapping:
 * titled the way engineers read it ("Blocked 'script' from 'cdn.evil.example'"), tagged with the
 * directive and the blocked host, and grouped by those two (a fingerprint), so one misconfigured
 * directive is one issue however many pages and users hit it. Other Reporting API types
 * (deprecation, intervention, …) and the retired Expect-CT/HPKP reports are accepted and skipped.
 * `scope` is what the report URL's query names (`sentry_environment`, `sentry_release`, as Sentry's
 * docs tell users to add to report-uri / report-to): a report cannot carry it, so every event gets it.
 */
export function mapSecurityReports(payload: unknown, userAgent: string | undefined, scope: ReportScope = {}): JsonObject[] {
  const events = violationEvents(payload, userAgent);
  if (scope.environment === undefined && scope.release === undefined) return events;
  return events.map((event) => ({ ...event, ...(scope.environment !== undefined && { environment: scope.environment }), ...(scope.release !== undefined && { release: scope.release }) }));
}

/** The environment and release a report URL names (its query's `sentry_environment`, `sentry_release`). */
export interface ReportScope {
  environment?: string;
  release?: string;
}

/** `sentry_environment` and `sentry_release` of a report URL's query (an empty one is none). */
export function reportScopeOf(query: Record<string, string>): ReportScope {
  return { ...(query.sentry_environment && { environment: query.sentry_environment }), ...(query.sentry_release && { release: query.sentry_release }) };
}

function violationEvents(payload: unknown, userAgent: string | undefined): JsonObject[] {
  const legacy = asObject(asObject(payload)?.["csp-report"]);
  if (legacy) return [cspEvent(fromLegacy(legacy), userAgent)];
  const batch = asArray(payload);
  if (batch) {
    return batch
      .slice(0, MAX_REPORTS)
      .map(asObject)
      .filter((r): r is JsonObject => r?.type === "csp-violation" && asObject(r.body) !== undefined)
      .map((r) => cspEvent(fromReportingApi(asObject(r.body)!, r), clipText(r.user_agent, 512) ?? userAgent));
  }
  const single = asObject(payload);
  if (single && (single["expect-ct-report"] !== undefined || single["known-pins"] !== undefined || single["expect-staple-report"] !== undefined)) return [];
  throw ApiError.badRequest('body: expected a CSP report ({"csp-report": {…}}) or a Reporting API batch ([{type, body}, …])');
}

interface Violation {
  documentUri?: string;
  referrer?: string;
  directive?: string;
  blockedUri?: string;
  sourceFile?: string;
  line?: number;
  column?: number;
  sample?: string;
  disposition?: string;
  policy?: string;
}

function fromLegacy(r: JsonObject): Violation {
  return {
    documentUri: clipText(r["document-uri"], 2048),
    referrer: clipText(r.referrer, 2048),
    // Older browsers send only violated-directive ("script-src 'self'"): its first word is the directive.
    directive: clipText(r["effective-directive"], 100) ?? clipText(r["violated-directive"], 2048)?.split(/\s+/)[0],
    blockedUri: clipText(r["blocked-uri"], 2048),
    sourceFile: clipText(r["source-file"], 2048),
    line: position(r["line-number"]),
    column: position(r["column-number"]),
    sample: clipText(r["script-sample"], 256),
    disposition: clipText(r.disposition, 20),
    policy: clipText(r["original-policy"], 4096),
  };
}

function fromReportingApi(b: JsonObject, report: JsonObject): Violation {
  return {
    documentUri: clipText(b.documentURL, 2048) ?? clipText(report.url, 2048),
    referrer: clipText(b.referrer, 2048),
    directive: clipText(b.effectiveDirective, 100),
    blockedUri: clipText(b.blockedURL, 2048),
    sourceFile: clipText(b.sourceFile, 2048),
    line: position(b.lineNumber),
    column: position(b.columnNumber),
    sample: clipText(b.sample, 256),
    disposition: clipText(b.disposition, 20),
    policy: clipText(b.originalPolicy, 4096),
  };
}

function cspEvent(v: Violation, userAgent: string | undefined): JsonObject {
  const directive = (v.directive ?? "unknown").toLowerCase();
  const blocked = blockedSource(v.blockedUri);
  return {
    level: v.disposition === "report" ? "info" : "warning",
    platform: "other",
    exception: { values: [{ type: CSP_TYPE, value: describe(directive, blocked), mechanism: { type: "csp", handled: true } }] },
    fingerprint: ["csp", directive, blocked.key],
    tags: { "csp.directive": directive, "csp.blocked": blocked.key, ...(v.disposition && { "csp.disposition": v.disposition }) },
    ...(v.documentUri && { request: { url: v.documentUri, ...(userAgent && { headers: { "User-Agent": userAgent } }) } }),
    extra: { csp: Object.fromEntries(Object.entries(v).filter(([, value]) => value !== undefined)) },
  };
}

/** "inline", "eval", "wasm-eval", "trusted-types-*", a scheme ("data", "blob"), or the blocked URL's host. */
function blockedSource(uri: string | undefined): { key: string; label: string } {
  const raw = (uri ?? "").trim();
  if (raw === "" || raw === "about") return { key: "self", label: "self" };
  if (/^(?:inline|eval|wasm-eval|trusted-types-\w+)$/.test(raw)) return { key: raw, label: raw };
  try {
    const url = new URL(raw);
    if (!url.host) return { key: url.protocol.replace(/:$/, ""), label: url.protocol.replace(/:$/, "") };
    return { key: url.host, label: url.host };
  } catch {
    return { key: raw.slice(0, 200), label: raw.slice(0, 200) };
  }
}

const KINDS: Record<string, string> = {
  "script-src": "script", "script-src-elem": "script", "script-src-attr": "inline script", "style-src": "style", "style-src-elem": "style",
  "style-src-attr": "inline style", "img-src": "image", "connect-src": "connection", "font-src": "font", "frame-src": "frame", "child-src": "frame",
  "media-src": "media", "object-src": "plugin", "worker-src": "worker", "manifest-src": "manifest", "default-src": "resource",
  "form-action": "form action", "base-uri": "base URI", "frame-ancestors": "framing", "require-trusted-types-for": "trusted types sink",
};

function describe(directive: string, blocked: { key: string; label: string }): string {
  const kind = KINDS[directive] ?? directive;
  if (blocked.key === "inline") return `Blocked inline '${kind}'`;
  if (blocked.key === "eval" || blocked.key === "wasm-eval") return `Blocked '${blocked.key}' in '${kind}'`;
  if (directive === "frame-ancestors") return `Blocked framing of this page by '${blocked.label}'`;
  return `Blocked '${kind}' from '${blocked.label}'`;
}

function position(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : Number(asText(value));
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}
