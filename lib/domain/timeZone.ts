import { z } from "zod";

/** The time-zone preference meaning "each browser's own zone" (a laptop that travels follows it). */
export const LOCAL_TIME_ZONE = "local";

/**
 * The zone's IANA name as the runtime spells it ("europe/berlin" → "Europe/Berlin"), or null when it knows
 * no such zone. A current name that ICU maps to an older one (Asia/Kolkata → Asia/Calcutta) is kept.
 */
export function canonicalTimeZone(name: string): string | null {
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
  } catch {
    return null;
  }
}

/**
 * How a person wants times shown: an IANA zone, "local" (the browser's) or null (UTC, the default, which
 * a team reading times to each other shares). Zone names are stored canonical.
 */
export const TimeZonePreferenceSchema = z
  .string()
  .trim()
  .max(64)
  .transform((name, ctx) => {
    if (name.toLowerCase() === LOCAL_TIME_ZONE) return LOCAL_TIME_ZONE;
    const zone = canonicalTimeZone(name);
    if (zone) return zone;
    ctx.addIssue({ code: "custom", message: "must be an IANA time zone such as Europe/Berlin, or \"local\"" });
    return z.NEVER;
  })
  .nullable();
export type TimeZonePreference = z.infer<typeof TimeZonePreferenceSchema>;

/** The zone times are shown in for a preference; `browserZone` is the browser's own (read where it runs). */
export function resolveTimeZone(preference: string | null | undefined, browserZone: string): string {
  if (!preference) return "UTC";
  if (preference === LOCAL_TIME_ZONE) return canonicalTimeZone(browserZone) ?? "UTC";
  return canonicalTimeZone(preference) ?? "UTC";
}
