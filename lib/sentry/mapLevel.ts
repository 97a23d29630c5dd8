import type { Severity } from "@/lib/domain/severity";

/**
 * Sentry event level → our severity.
 *
 *   Sentry level               severity
 *   fatal (alias: critical)    critical
 *   error                      high
 *   warning (alias: warn)      medium
 *   info, debug, log           low
 *
 * Levels are matched case-insensitively. A missing or unknown level yields undefined; the event
 * mapper then uses "high" (the protocol's default level is "error").
 */
const LEVEL_SEVERITY: Readonly<Record<string, Severity>> = {
  fatal: "critical",
  critical: "critical",
  error: "high",
  warning: "medium",
  warn: "medium",
  info: "low",
  debug: "low",
  log: "low",
};

export function levelToSeverity(level: unknown): Severity | undefined {
  if (typeof level !== "string") return undefined;
  const key = level.trim().toLowerCase();
  return Object.hasOwn(LEVEL_SEVERITY, key) ? LEVEL_SEVERITY[key] : undefined;
}
