import type { Level, Severity } from "./types.js";

const LEVELS: Record<Level, Severity> = { fatal: "critical", error: "high", warning: "medium", info: "low", debug: "low" };
const SEVERITIES: readonly Severity[] = ["low", "medium", "high", "critical"];

/** A severity, or a Sentry-style level mapped the way the server maps Sentry levels. */
export function toSeverity(value: Severity | Level | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
  return LEVELS[value as Level];
}
