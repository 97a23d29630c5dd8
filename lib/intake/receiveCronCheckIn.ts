import { utf8Body } from "@/lib/http/bodyCharset";
import { parseJsonBytes } from "@/lib/http/parseJsonBytes";
import { fieldsOf } from "@/lib/http/parseWith";
import { readBody } from "@/lib/http/readBody";
import { withAdmission } from "@/lib/intake/admission";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import { refusingGoneProject } from "@/lib/intake/projectGone";
import { runIntake } from "@/lib/intake/runIntake";
import { ApiError } from "@/lib/http/ApiError";
import { asObject } from "@/lib/sentry/coerce";
import { authenticateSentryPathKey, findSentryProject } from "@/lib/sentry/authenticateSentryRequest";
import { assertOriginAllowed, corsHeaders } from "@/lib/sentry/corsHeaders";
import { mapCheckIn } from "@/lib/sentry/mapCheckIn";
import { storeNonEventItems } from "@/lib/intake/storeNonEventItems";
import { replaceUnstorableText } from "@/lib/text/replaceUnstorable";

const MAX_BODY = 64 * 1024;
/** Query parameters a check-in may be given by (curl in a crontab): they win over the body's. */
const QUERY_FIELDS = ["status", "check_in_id", "environment", "duration", "release"] as const;

/**
 * Sentry's HTTP check-in, `GET|POST /api/:projectId/cron/:monitorSlug/:sentryKey/?status=ok` — for
 * jobs that report with curl instead of an SDK: the key in the path (it must agree with any other
 * key sent), the check-in's fields in the query string or a JSON body (`monitor_config` included,
 * to create the monitor's schedule). Answers 202 `{"id": <check_in_id>}`; counted against the
 * project's limits for check-ins, apart from its events' (lib/intake/rateLimit.ts).
 */
export function receiveCronCheckIn(req: IntakeRequest, publicId: string, slug: string, pathKey: string): Promise<IntakeResponse> {
  let cors = corsHeaders(req, null);
  return runIntake(
    "sentry_cron",
    async () => {
      const project = await findSentryProject(publicId);
      cors = corsHeaders(req, project.allowedOrigins);
      assertOriginAllowed(req, project.allowedOrigins);
      await authenticateSentryPathKey(req, project, pathKey);
      const target = { workspaceId: project.workspaceId, projectId: project.projectId };
      return refusingGoneProject(() => withAdmission(target, project, async (ticket) => {
        const body = req.method === "POST" ? await readBody(req, { maxWireBytes: MAX_BODY, maxDecodedBytes: MAX_BODY }) : Buffer.alloc(0);
        const fromBody = body.length > 0 ? (asObject(parseJsonBytes(utf8Body(req, body))) ?? {}) : {};
        // Query values (fieldsOf) and the path are not JSON: NUL and lone surrogates are replaced as the JSON reader does.
        const query = fieldsOf(new URL(req.url).searchParams);
        const fromQuery = Object.fromEntries(QUERY_FIELDS.filter((field) => field in query).map((field) => [field, query[field]]));
        const checkIn = mapCheckIn({ ...fromBody, ...fromQuery, monitor_slug: replaceUnstorableText(slug) }, "check-in");
        const { checkInIds } = await storeNonEventItems(target, { checkIns: [checkIn] });
        ticket.keep();
        return { status: 202, headers: cors, body: { id: checkInIds[0] } };
      }, { category: "checkIns" }), () => ApiError.notFound("unknown project"));
    },
    () => cors,
  );
}
