import type { PatternKind } from "@/lib/analytics/classifyPattern";

/**
 * The runbook (seed 004) as data: per kind of failure, the checks an engineer works through. An
 * issue gets the sections its category or text match, plus the steps its pattern and severity call
 * for. Keys are stable, so ticked items stay ticked when the text is reworded.
 */

export interface RunbookInput {
  type: string;
  message: string;
  category: string;
  severity: string;
  stackTrace: string | null;
  pattern: PatternKind;
}

export interface Recommendation {
  key: string;
  section: string;
  text: string;
}

interface Section {
  id: string;
  title: string;
  categories: string[];
  text?: RegExp;
  items: [string, string][];
}

const SECTIONS: Section[] = [
  {
    id: "database",
    title: "Database connection",
    categories: ["database"],
    text: /\b(?:ECONNREFUSED.*543\d|database|deadlock|connection pool|too many (?:clients|connections)|SQLSTATE|postgres|mysql|mongo)/i,
    items: [
      ["connectivity", "Check database connectivity and health from the app hosts (the health endpoint answers only when the database does)"],
      ["pool", "Check connection pool usage and limits against the server's max_connections"],
      ["locks", "Look for long-running queries, locks and deadlocks at the time of the first events"],
      ["changes", "Review migrations and database configuration deployed just before the first event"],
    ],
  },
  {
    id: "payment",
    title: "Payment",
    categories: ["payment"],
    text: /\b(?:payment|stripe|paypal|braintree|adyen|card (?:was )?declined|charge failed)/i,
    items: [
      ["provider", "Check the payment provider's status page and API error rates"],
      ["secrets", "Verify API keys and webhook signing secrets for this environment"],
      ["reconcile", "Reconcile affected orders: no lost or double charges"],
      ["customers", "Identify affected customers (users tab) and whether they need to be contacted"],
    ],
  },
  {
    id: "timeout",
    title: "Timeout",
    categories: ["timeout", "performance"],
    text: /time(?:d)?[ -]?out|ETIMEDOUT|deadline exceeded|took too long/i,
    items: [
      ["optimise", "Increase timeout values or optimize slow operations"],
      ["upstream", "Check the latency of the upstream service or query that timed out"],
      ["retry", "Retry idempotent calls with backoff; keep the total under the caller's own timeout"],
      ["breaker", "Consider a circuit breaker so a slow dependency fails fast"],
    ],
  },
  {
    id: "memory",
    title: "Memory",
    categories: [],
    text: /out of memory|OutOfMemory|heap (?:out of memory|limit)|\bOOM\b|memory.*(?:exhausted|out of bounds)|allocation failed|MemoryError/i,
    items: [
      ["usage", "Check memory usage of the hosts and containers (limits, OOM kills)"],
      ["leak", "Look for a leak: compare heap snapshots or memory graphs across the last deploys"],
      ["payloads", "Check for unusually large payloads, result sets or caches at the time of the events"],
    ],
  },
  {
    id: "auth",
    title: "Authentication",
    categories: ["auth"],
    text: /unauthori[sz]ed|forbidden|\bauth(?:entication|orization)?\b|jwt|token (?:expired|invalid)|invalid credentials|login failed/i,
    items: [
      ["provider", "Check the identity provider's health and the auth service's logs"],
      ["tokens", "Check token expiry, signing keys and clock skew between services"],
      ["permissions", "Review permission and role changes deployed recently"],
      ["abuse", "Rule out credential stuffing: failed logins per user and per IP"],
    ],
  },
  {
    id: "security",
    title: "Security",
    categories: ["security"],
    items: [
      ["escalate", "Escalate to the security team (P1: within an hour)"],
      ["scope", "Determine what was accessed and by whom (users, IPs, request data)"],
      ["secrets", "Rotate any secret that may have been exposed"],
    ],
  },
  {
    id: "rate_limit",
    title: "Rate limiting",
    categories: ["rate_limit"],
    text: /rate.?limit|too many requests|\b429\b|throttl/i,
    items: [
      ["config", "Review rate limiting configuration or implement user education"],
      ["client", "Make clients back off on 429 (honour Retry-After)"],
    ],
  },
  {
    id: "network",
    title: "Network and dependencies",
    categories: ["network", "integration", "dependency", "api"],
    text: /ECONNRESET|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket hang up|fetch failed|network|service unavailable|\b50[234]\b/i,
    items: [
      ["reachability", "Check DNS and connectivity from the app hosts to the dependency"],
      ["status", "Check the dependency's status page and recent changes on its side"],
      ["fallback", "Add a fallback or cached answer for when the dependency is down"],
    ],
  },
  {
    id: "filesystem",
    title: "File system",
    categories: ["filesystem"],
    text: /ENOSPC|EACCES|EPERM|no space left|permission denied|disk full/i,
    items: [
      ["space", "Check free disk space and inodes on the hosts"],
      ["permissions", "Check file ownership and permissions for the app's user"],
    ],
  },
  {
    id: "defect",
    title: "Code defect",
    categories: [],
    text: /\b(?:TypeError|ReferenceError|NullPointerException|NullReferenceException|AttributeError|KeyError|IndexError|NameError|NoMethodError|UnboundLocalError|ClassCastException|IndexOutOfBounds\w*|nil pointer dereference|undefined is not|cannot read propert|is not a function)/i,
    items: [
      ["reproduce", "Reproduce it with the latest event's request, user and breadcrumbs"],
      ["release", "Check what changed in the release it was first seen in"],
      ["test", "Write a failing test for this case before fixing it"],
    ],
  },
  {
    id: "configuration",
    title: "Configuration",
    categories: ["configuration"],
    items: [
      ["env", "Compare environment variables and config files between this environment and a working one"],
      ["deploy", "Check whether the config changed with the last deploy"],
    ],
  },
  {
    id: "input",
    title: "Input validation",
    categories: ["validation", "parsing"],
    items: [
      ["boundary", "Validate the input at the boundary and answer a clear 4xx instead of failing deeper"],
      ["source", "Find which client or integration sends the bad input (tags, user, request)"],
    ],
  },
];

const PATTERN_ITEMS: Record<PatternKind, [string, string][]> = {
  recurring: [
    ["root-cause", "Investigate root cause - this error is occurring frequently"],
    ["circuit-breaker", "Consider implementing circuit breaker pattern"],
  ],
  burst: [
    ["overload", "Check for system overload or external service issues"],
    ["rate-limits", "Review rate limiting configuration"],
  ],
  isolated: [["monitor", "Monitor for recurrence - may be transient issue"]],
  intermittent: [["correlate", "Correlate the events with deploys, scheduled jobs and traffic peaks (activity chart)"]],
};

const CRITICAL_ITEMS: [string, string][] = [
  ["assess", "Assess system status: health checks, error rate, affected users"],
  ["resources", "Check system resources (CPU, memory, disk) and recent logs"],
  ["dependencies", "Check the database and external services"],
  ["communicate", "Tell the on-call engineer and stakeholders (P0: respond within 15 minutes)"],
];

export function recommendationsFor(input: RunbookInput): Recommendation[] {
  const text = `${input.type}\n${input.message}\n${(input.stackTrace ?? "").slice(0, 4000)}`;
  const out: Recommendation[] = [];
  if (input.severity === "critical") out.push(...CRITICAL_ITEMS.map(([k, t]) => ({ key: `critical.${k}`, section: "Critical error response", text: t })));
  for (const section of SECTIONS) {
    const matches = section.categories.includes(input.category) || (section.text?.test(text) ?? false);
    if (matches) out.push(...section.items.map(([k, t]) => ({ key: `${section.id}.${k}`, section: section.title, text: t })));
  }
  out.push(...PATTERN_ITEMS[input.pattern].map(([k, t]) => ({ key: `pattern.${k}`, section: `Pattern: ${input.pattern}`, text: t })));
  return out;
}

/** Every key the runbook can produce: a checklist tick for anything else is refused. */
export const RECOMMENDATION_KEYS = new Set<string>([
  ...CRITICAL_ITEMS.map(([k]) => `critical.${k}`),
  ...SECTIONS.flatMap((s) => s.items.map(([k]) => `${s.id}.${k}`)),
  ...Object.values(PATTERN_ITEMS).flatMap((items) => items.map(([k]) => `pattern.${k}`)),
]);
