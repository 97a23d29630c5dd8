import { z } from "zod";
import { UptimeCheckSchema } from "@/lib/crons/uptime/uptimeCheckSchema";
import { ExtraHeadersSchema } from "@/lib/http/extraHeadersSchema";
import { HttpUrlSchema } from "@/lib/http/httpUrlSchema";
import { IdSchema } from "@/lib/domain/idSchema";

/**
 * POST /api/v1/workspaces/:workspaceId/monitors — an uptime monitor: Faultline requests `url` every
 * `intervalMinutes` (a run each time), judged by `check` (expected status, keyword, timeout, certificate expiry), and raises the monitor's issue after `failureIssueThreshold`
 * failed checks in a row (resolved after `recoveryThreshold` good ones).
 */
export const CreateUptimeMonitorSchema = z
  .object({
    projectId: IdSchema,
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "1-64 characters of a-z 0-9 _ - (starting with a letter or digit)"),
    url: HttpUrlSchema,
    intervalMinutes: z.number().int().min(1).max(1440).default(5),
    environment: z.string().trim().min(1).max(64).default("production"),
    failureIssueThreshold: z.number().int().min(1).max(720).default(1),
    recoveryThreshold: z.number().int().min(1).max(720).default(1),
    check: UptimeCheckSchema.default(UptimeCheckSchema.parse({})),
    /** Request headers the endpoint needs (an Authorization token): sealed at rest, shown masked. */
    headers: ExtraHeadersSchema.default({}),
  })
  .strict();
export type CreateUptimeMonitorInput = z.output<typeof CreateUptimeMonitorSchema>;
