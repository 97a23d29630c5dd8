import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";
import { storeNonEventItems } from "@/lib/intake/storeNonEventItems";
import { withAdmission } from "@/lib/intake/admission";
import { DIALOG_TEXTS, reportDialogScript, type DialogTexts } from "@/lib/feedback/reportDialog/reportDialogScript";
import type { ReportDialogForm, ReportDialogQuery } from "@/lib/feedback/reportDialog/reportDialogSchemas";
import { assertOriginAllowed } from "@/lib/sentry/corsHeaders";
import { authenticateSentryRequest, findSentryProject, type SentryProject } from "@/lib/sentry/authenticateSentryRequest";
import { normaliseEventId } from "@/lib/sentry/eventId";
import { mapUserReport } from "@/lib/sentry/mapUserFeedback";
import { parseDsn } from "@/lib/sentry/parseDsn";

export interface DialogTarget {
  project: SentryProject;
  eventId: string;
}

/**
 * The project and event of a report-dialog request: the DSN in the query names the project and
 * its key (401 without one, 403 for a wrong or revoked key, 404 for an unknown project), the event
 * id must be one (400 naming `eventId`), and the page's origin must be allowed for the project.
 */
export async function dialogTarget(req: RequestHead, query: ReportDialogQuery): Promise<DialogTarget> {
  if (!query.dsn) throw ApiError.unauthorized("missing dsn: the report dialog is opened with the project's DSN");
  const dsn = parseDsn(query.dsn);
  if (!dsn) throw ApiError.badRequest("dsn is not a DSN (http://<key>@<host>/<project id>)", { field: "dsn" });
  const project = await findSentryProject(dsn.projectId);
  await authenticateSentryRequest(req, project, query.dsn, "query dsn");
  assertOriginAllowed(req, project.allowedOrigins);
  const eventId = normaliseEventId(query.eventId);
  if (!eventId) throw ApiError.badRequest("eventId must be the id of the event the report is about (32 hex digits)", { field: "eventId" });
  return { project, eventId };
}

/** The dialog's script, posting back to this endpoint (`requestUrl`, with the same DSN and event). */
export function dialogScript(requestUrl: string, query: ReportDialogQuery, target: DialogTarget): string {
  const submitUrl = new URL(requestUrl);
  submitUrl.search = new URLSearchParams({ dsn: query.dsn ?? "", eventId: target.eventId }).toString();
  const texts = Object.fromEntries(Object.entries(DIALOG_TEXTS).map(([key, fallback]) => [key, query[key as keyof DialogTexts] || fallback])) as DialogTexts;
  return reportDialogScript({ submitUrl: submitUrl.toString(), texts, name: query.name ?? "", email: query.email ?? "" });
}

/**
 * Stores what the person wrote as the event's user report (scrubbed; a later report on the event
 * replaces it). It counts against the project's rate limit and quotas as one event (429 over them).
 */
export async function submitDialog(target: DialogTarget, form: ReportDialogForm): Promise<void> {
  const report = mapUserReport({ event_id: target.eventId, name: form.name, email: form.email, comments: form.comments }, "report dialog");
  const project = { workspaceId: target.project.workspaceId, projectId: target.project.projectId };
  await withAdmission(project, target.project, async (ticket) => {
    await storeNonEventItems(project, { feedback: [report] });
    ticket.keep();
  });
}
