import { DEFAULT_CERTIFICATE_EXPIRY_DAYS, DEFAULT_TIMEOUT_SECONDS, type UptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";

/**
 * What a check asserts beyond the defaults, in a few words for the monitor's row
 * ('expects 200, 401 · "Welcome" in the body · 5 s timeout'); empty when it asserts only the defaults.
 */
export function describeUptimeCheck(check: UptimeCheck): string {
  const parts: string[] = [];
  if (check.method !== "GET") parts.push(check.body !== undefined ? `${check.method} with a body` : check.method);
  if (check.expectedStatus) parts.push(`expects ${check.expectedStatus}`);
  if (check.keyword !== undefined) parts.push(`"${check.keyword}" ${check.keywordAbsent ? "not " : ""}in the body`);
  if (check.timeoutSeconds !== DEFAULT_TIMEOUT_SECONDS) parts.push(`${check.timeoutSeconds} s timeout`);
  if (check.certificateExpiryDays !== DEFAULT_CERTIFICATE_EXPIRY_DAYS) {
    parts.push(check.certificateExpiryDays === 0 ? "no certificate warning" : `certificate warning ${check.certificateExpiryDays} days ahead`);
  }
  if (check.ignoreTlsErrors) parts.push("any certificate accepted");
  return parts.join(" · ");
}
