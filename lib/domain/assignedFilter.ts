import { z } from "zod";

/** Issue-list filter by assignee: mine, my teams' issues, or nobody's (neither a person nor a team). */
export const ASSIGNED_FILTERS = ["me", "my_teams", "none"] as const;
export const AssignedFilterSchema = z.enum(ASSIGNED_FILTERS);
export type AssignedFilter = z.infer<typeof AssignedFilterSchema>;
