import { z } from "zod";
import type { ErrorStatus as DbErrorStatus } from "@/lib/generated/prisma/enums";

/** The triage workflow of an error group. */
export const ERROR_STATUSES = ["new", "acknowledged", "investigating", "resolved", "ignored"] as const satisfies readonly DbErrorStatus[];
export const ErrorStatusSchema = z.enum(ERROR_STATUSES);
export type ErrorStatus = z.infer<typeof ErrorStatusSchema>;

/** Statuses of errors still needing attention. */
export const OPEN_ERROR_STATUSES = ["new", "acknowledged", "investigating"] as const satisfies readonly ErrorStatus[];

/** Resolved and ignored errors are closed: they raise no alerts and leave the attention lists. */
export function isClosedStatus(status: ErrorStatus): boolean {
  return status === "resolved" || status === "ignored";
}
