import { z } from "zod";
import type { AlertStatus as DbAlertStatus } from "@/lib/generated/prisma/enums";

/** An alert's lifecycle: active → acknowledged → resolved. */
export const ALERT_STATUSES = ["active", "acknowledged", "resolved"] as const satisfies readonly DbAlertStatus[];
export const AlertStatusSchema = z.enum(ALERT_STATUSES);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

/** Alerts not yet resolved. */
export const OPEN_ALERT_STATUSES = ["active", "acknowledged"] as const satisfies readonly AlertStatus[];

/** What a person can move an alert to. */
export const ALERT_ACTIONS = ["acknowledged", "resolved"] as const satisfies readonly AlertStatus[];
export const AlertActionSchema = z.enum(ALERT_ACTIONS);
export type AlertAction = z.infer<typeof AlertActionSchema>;
