import { z } from "zod";
import { DIALOG_TEXTS } from "@/lib/feedback/reportDialog/reportDialogScript";
import { MAX_FEEDBACK_COMMENTS } from "@/lib/sentry/mapUserFeedback";

const text = z.string().trim().max(500).optional();

/**
 * The query of /api/embed/error-page/ as `Sentry.showReportDialog()` builds it: the DSN, the event
 * id, the scope user's name and email, and optional texts (`title`, `labelSubmit`, …). Other
 * options it passes along (`lang`, callbacks' leftovers) are ignored.
 */
export const ReportDialogQuerySchema = z.object({
  dsn: z.string().trim().max(2_048).optional(),
  eventId: z.string().trim().max(64).optional(),
  name: z.string().trim().max(256).optional(),
  email: z.string().trim().max(256).optional(),
  ...(Object.fromEntries(Object.keys(DIALOG_TEXTS).map((key) => [key, text])) as Record<keyof typeof DIALOG_TEXTS, typeof text>),
});
export type ReportDialogQuery = z.infer<typeof ReportDialogQuerySchema>;

/** The dialog's form, posted URL-encoded (or as JSON) by the dialog script. */
export const ReportDialogFormSchema = z.object({
  name: z.string().trim().max(256).optional(),
  email: z.string().trim().max(256).optional(),
  comments: z.string().trim().min(1, "tell us what happened").max(MAX_FEEDBACK_COMMENTS),
});
export type ReportDialogForm = z.infer<typeof ReportDialogFormSchema>;
