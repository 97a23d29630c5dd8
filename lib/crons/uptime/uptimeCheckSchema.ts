import { z } from "zod";
import { parseStatusRanges } from "@/lib/crons/uptime/statusRanges";

/** Seconds a check may take, redirects included, unless set otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** Days before a certificate's expiry at which an https check starts failing, unless set otherwise. */
export const DEFAULT_CERTIFICATE_EXPIRY_DAYS = 14;

/** Methods an uptime check may use; a body goes only with those that carry one. */
export const UPTIME_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type UptimeMethod = (typeof UPTIME_METHODS)[number];
export const METHODS_WITH_BODY: ReadonlySet<UptimeMethod> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The largest request body a check sends. */
export const MAX_UPTIME_BODY = 64 * 1024;

/**
 * The parts of a check only workspace admins change, as they do the URL and the request headers:
 * the request itself (`method`, `body`); the `keyword` and `keywordAbsent`, since a check's ok or not
 * is a yes/no answer about a body members cannot read (fetched perhaps with an admin's secret
 * headers, or from a network only the server reaches); and `ignoreTlsErrors`, which would send those
 * headers to whoever answers for the host.
 */
export const ADMIN_CHECK_FIELDS = ["method", "body", "keyword", "keywordAbsent", "ignoreTlsErrors"] as const;

/**
 * What an uptime check sends and asserts besides reaching the URL. Stored as given (`CronMonitor.uptimeCheck`);
 * read through this schema, so a monitor saved before a field existed gets its default.
 * - `method` (GET) and `body`: the request (a HEAD for a cheap check, a POST of a GraphQL health
 *   query); only admins change them, as they do the URL: they decide what the request does
 *   (ADMIN_CHECK_FIELDS).
 * - `expectedStatus`: the status codes that count as up ("200-299, 301", "2xx"); unset: 2xx and 3xx.
 * - `keyword`: text the body must contain (its first MiB), or must not when `keywordAbsent`.
 * - `timeoutSeconds`: how long the whole request may take, redirects included.
 * - `certificateExpiryDays`: an https check fails this many days before the server's certificate
 *   expires (0: never), so a renewal that did not happen is an issue while there is time.
 * - `ignoreTlsErrors`: accept a certificate that does not verify (an internal endpoint with a
 *   self-signed or private-CA certificate); its expiry is still checked.
 */
export const UptimeCheckSchema = z
  .object({
    method: z.enum(UPTIME_METHODS).default("GET"),
    body: z.string().max(MAX_UPTIME_BODY, `at most ${MAX_UPTIME_BODY / 1024} KiB`).optional(),
    expectedStatus: z
      .string()
      .trim()
      .max(200)
      .refine((v) => parseStatusRanges(v) !== undefined, "status codes and ranges between 100 and 599, such as 200-299, 301 or 2xx")
      .optional(),
    keyword: z.string().min(1).max(200).optional(),
    keywordAbsent: z.boolean().default(false),
    timeoutSeconds: z.number().int().min(1).max(60).default(DEFAULT_TIMEOUT_SECONDS),
    certificateExpiryDays: z.number().int().min(0).max(365).default(DEFAULT_CERTIFICATE_EXPIRY_DAYS),
    ignoreTlsErrors: z.boolean().default(false),
  })
  .strict()
  .superRefine((check, ctx) => {
    if (check.body !== undefined && !METHODS_WITH_BODY.has(check.method)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: `a ${check.method} request has no body: use POST, PUT, PATCH or DELETE` });
    }
    if (check.keyword !== undefined && check.method === "HEAD") ctx.addIssue({ code: "custom", path: ["keyword"], message: "a HEAD response has no body to look in" });
  });
export type UptimeCheck = z.output<typeof UptimeCheckSchema>;
export type UptimeCheckInput = z.input<typeof UptimeCheckSchema>;

/** A stored check (JSON) as settings, defaults filled in; what no longer parses counts as the defaults. */
export function readUptimeCheck(stored: unknown): UptimeCheck {
  const parsed = UptimeCheckSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : UptimeCheckSchema.parse({});
}
