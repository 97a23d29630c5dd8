/** Earliest and latest instants we accept; outside them a timestamp is garbage, not history. */
const MIN_MS = Date.UTC(1970, 0, 1);
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** RFC 3339 date-time; the offset is optional because Sentry reads offset-less timestamps as UTC. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|z|[+-]\d{2}:?\d{2})?$/;

/**
 * Converts a Sentry timestamp to an ISO 8601 UTC string ("2026-01-02T03:04:05.678Z").
 * Sentry sends either Unix seconds as a (fractional) number or an RFC 3339 string; numeric strings
 * are read as Unix seconds too. Returns undefined for anything unparseable or out of range.
 */
export function sentryTimestampToIso(value: unknown): string | undefined {
  let ms: number;
  if (typeof value === "number") {
    ms = value * 1000;
  } else if (typeof value === "string") {
    const text = value.trim();
    if (/^\d+(?:\.\d+)?$/.test(text)) {
      ms = Number(text) * 1000;
    } else {
      const match = RFC3339.exec(text);
      if (!match) return undefined;
      const offset = match[1];
      let normalised = text.toUpperCase().replace(" ", "T");
      if (!offset) normalised += "Z";
      else if (/^[+-]\d{4}$/.test(offset)) normalised = `${normalised.slice(0, -2)}:${normalised.slice(-2)}`;
      ms = Date.parse(normalised);
    }
  } else {
    return undefined;
  }
  return isoOfMs(ms);
}

/** Milliseconds since the epoch as an ISO 8601 UTC string; undefined outside 1970–9999. */
export function isoOfMs(ms: number): string | undefined {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) return undefined;
  return new Date(ms).toISOString();
}

/** The ISO string of the minute a timestamp falls in ("2026-01-02T03:04:00.000Z"). */
export function truncateToMinute(iso: string): string {
  const at = new Date(iso);
  at.setUTCSeconds(0, 0);
  return at.toISOString();
}
