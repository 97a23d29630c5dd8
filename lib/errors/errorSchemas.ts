import { z } from "zod";
import { ErrorSortSchema, SortOrderSchema } from "@/lib/domain/errorSort";
import { ErrorStatusSchema } from "@/lib/domain/errorStatus";
import { SeveritySchema } from "@/lib/domain/severity";
import { TimeframeSchema } from "@/lib/domain/timeframe";
import { AssignedFilterSchema } from "@/lib/domain/assignedFilter";
import { StatusDetailsSchema, statusDetailsProblem } from "@/lib/errors/triage/statusDetails";
import { MAX_QUERY_LENGTH } from "@/lib/search/searchVocabulary";
import { storableDateTime } from "@/lib/http/zodTime";
import { IdSchema } from "@/lib/domain/idSchema";

/** Comma-separated multi-value filter, e.g. `severity=high,critical`. */
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(item).max(10));

/** PostgreSQL text cannot hold NUL: it is dropped from free-form filters (JSON bodies can carry it). */
const stripNul = (s: string) => s.replaceAll("\u0000", "");

/** Which issues: the list, its export and bulk actions by query all take these. */
export const ErrorFiltersSchema = z.object({
  workspaceId: IdSchema.optional(),
  projectId: IdSchema.optional(),
  severity: csv(SeveritySchema).optional(),
  status: csv(ErrorStatusSchema).optional(),
  category: csv(z.string().max(64)).optional(),
  environment: z.string().max(64).transform(stripNul).optional(),
  q: z.string().trim().max(200).transform(stripNul).optional(),
  /** The search syntax (lib/search/parseSearch.ts); ANDed with the other filters. */
  query: z.string().max(MAX_QUERY_LENGTH).optional(),
  /** Mine, my teams' or nobody's; the same conditions as the search's `assigned:me|my_teams|none`. */
  assigned: AssignedFilterSchema.optional(),
  /** A person (the search's `assigned:<email or id>`) / a team (`assigned:#<team>`). */
  assigneeId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  since: storableDateTime().optional(),
  until: storableDateTime().optional(),
});
export type ErrorFilters = z.infer<typeof ErrorFiltersSchema>;

export const ListErrorsQuerySchema = ErrorFiltersSchema.extend({
  sort: ErrorSortSchema.default("lastSeen"),
  order: SortOrderSchema.default("desc"),
  /** Keyset paging (lib/errors/list/errorCursor.ts): the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional().describe("the previous page's nextCursor, with the same filters, sort and order; not with page"),
  /** Offset paging, as the dashboard's numbered pages do; 1 when neither it nor `cursor` is given. */
  page: z.coerce.number().int().min(1).max(100_000).optional().describe("page number from 1 (the default); not with cursor"),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** The period of each row's event count and sparkline. */
  statsPeriod: TimeframeSchema.default("24h"),
}).superRefine((v, ctx) => {
  if (v.cursor !== undefined && v.page !== undefined) {
    // Both named: the request is wrong in either, whichever the client meant to send.
    ctx.addIssue({ code: "custom", path: ["page"], message: "not with cursor: a cursor already says where the page starts; send one or the other" });
    ctx.addIssue({ code: "custom", path: ["cursor"], message: "not with page: send one or the other" });
  }
});
export type ListErrorsQuery = z.infer<typeof ListErrorsQuerySchema>;

export const UpdateErrorSchema = z
  .object({
    status: ErrorStatusSchema.optional(),
    assigneeId: IdSchema.nullable().optional(),
    assigneeTeamId: IdSchema.nullable().optional(),
    resolution: z.string().trim().max(10_000).nullable().optional(),
    rootCause: z.string().trim().max(10_000).nullable().optional(),
    preventiveMeasures: z.array(z.string().trim().min(1).max(1000)).max(50).optional(),
    /** With status resolved: `{inNextRelease: true}`; with ignored: one of ignoreDurationMinutes / ignoreCount / ignoreUserCount. */
    statusDetails: StatusDetailsSchema.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" })
  .superRefine((v, ctx) => {
    const problem = statusDetailsProblem(v.status, v.statusDetails);
    if (problem) ctx.addIssue({ code: "custom", path: ["statusDetails"], message: problem });
  });
export type UpdateErrorInput = z.infer<typeof UpdateErrorSchema>;

/** GET /api/v1/errors/export — the list's filters and a format. */
export const ExportErrorsQuerySchema = ErrorFiltersSchema.extend({ format: z.enum(["csv", "json"]).default("csv") });
export type ExportErrorsQuery = z.infer<typeof ExportErrorsQuerySchema>;
