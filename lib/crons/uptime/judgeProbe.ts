import { parseStatusRanges, statusExpected } from "@/lib/crons/uptime/statusRanges";
import type { UptimeCheck } from "@/lib/crons/uptime/uptimeCheckSchema";

/** What the URL answered, as far as an uptime check looks. */
export interface ProbeAnswer {
  status: number;
  statusText: string;
  /** The body's first bytes as text, when the check has a keyword. */
  body?: string;
  /** When the https server's certificate expires. */
  certificateValidTo?: Date;
}

const DAY_MS = 86_400_000;

/**
 * The verdict of one uptime check: up when the status is expected (2xx and 3xx unless the monitor
 * says which), the keyword is in the body (or absent, as asked), and the certificate is not within
 * its expiry warning; `detail` says what the URL answered and, when down, which assertion failed.
 */
export function judgeProbe(answer: ProbeAnswer, check: UptimeCheck, now: Date): { ok: boolean; detail: string } {
  const http = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ""}`;
  const ranges = check.expectedStatus ? parseStatusRanges(check.expectedStatus) : undefined;
  const statusOk = ranges ? statusExpected(answer.status, ranges) : answer.status >= 200 && answer.status < 400;
  if (!statusOk) return { ok: false, detail: ranges ? `${http} (expected ${check.expectedStatus})` : http };
  if (check.keyword !== undefined) {
    const found = (answer.body ?? "").includes(check.keyword);
    if (found && check.keywordAbsent) return { ok: false, detail: `${http}, but the body contains "${check.keyword}"` };
    if (!found && !check.keywordAbsent) return { ok: false, detail: `${http}, but "${check.keyword}" is not in the body` };
  }
  if (answer.certificateValidTo && check.certificateExpiryDays > 0) {
    const left = answer.certificateValidTo.getTime() - now.getTime();
    const date = answer.certificateValidTo.toISOString().slice(0, 10);
    if (left <= 0) return { ok: false, detail: `${http}, but the TLS certificate expired on ${date}` };
    if (left < check.certificateExpiryDays * DAY_MS) {
      const days = Math.floor(left / DAY_MS);
      const when = days === 0 ? "today" : `in ${days} day${days === 1 ? "" : "s"}`;
      return { ok: false, detail: `${http}, but the TLS certificate expires ${when} (${date})` };
    }
  }
  return { ok: true, detail: http };
}
