import { z } from "zod";
import type { Severity as DbSeverity } from "@/lib/generated/prisma/enums";

/** Event and error severities, lowest first (the order rank comparisons use). */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const satisfies readonly DbSeverity[];
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

/** Highest first: how filters, pickers and routing defaults list them. */
export const SEVERITIES_DESC = ["critical", "high", "medium", "low"] as const satisfies readonly Severity[];

/** A severity filter of a view: one severity or all of them. */
export const SEVERITY_FILTERS = ["all", ...SEVERITIES_DESC] as const;
export const SeverityFilterSchema = z.enum(SEVERITY_FILTERS);
export type SeverityFilter = z.infer<typeof SeverityFilterSchema>;
