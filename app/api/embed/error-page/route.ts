import { dialogScript, dialogTarget, submitDialog } from "@/lib/feedback/reportDialog/reportDialog";
import { readDialogForm } from "@/lib/feedback/reportDialog/readDialogForm";
import { ReportDialogFormSchema, ReportDialogQuerySchema } from "@/lib/feedback/reportDialog/reportDialogSchemas";
import { parseSearchParams, parseWith } from "@/lib/http/parseWith";
import { runLogged } from "@/lib/http/requestLog";
import { routeOf } from "@/lib/http/routeOf";
import { toErrorResponse } from "@/lib/http/toErrorResponse";
import { corsHeaders } from "@/lib/sentry/corsHeaders";

// The page that opens the dialog is the customer's, on another origin: every answer, errors
// included, carries CORS headers (the SDK loads the script with crossorigin="anonymous").
const cors = (req: Request) => corsHeaders(req, null);

/** Runs a handler of this route with its request log line, every error mapped to HTTP with the CORS headers. */
function answer(req: Request, work: () => Promise<Response>): Promise<Response> {
  return runLogged(req, async () => {
    try {
      return await work();
    } catch (error) {
      return toErrorResponse(error, cors(req), { where: "http", method: req.method, route: routeOf(req.url) });
    }
  });
}

/** GET /api/embed/error-page/?dsn=&eventId=&name=&email=&title=… — the script of `Sentry.showReportDialog()`. */
export async function GET(req: Request): Promise<Response> {
  return answer(req, async () => {
    const query = parseSearchParams(ReportDialogQuerySchema, req);
    const target = await dialogTarget(req, query);
    return new Response(dialogScript(req.url, query, target), {
      headers: { ...cors(req), "content-type": "application/javascript; charset=utf-8", "cache-control": "no-store" },
    });
  });
}

/** POST /api/embed/error-page/?dsn=&eventId= `name, email, comments` (URL-encoded or JSON) — the dialog's report, stored as the event's user feedback. */
export async function POST(req: Request): Promise<Response> {
  return answer(req, async () => {
    const query = parseSearchParams(ReportDialogQuerySchema, req);
    const form = parseWith(ReportDialogFormSchema, await readDialogForm(req));
    const target = await dialogTarget(req, query);
    await submitDialog(target, form);
    return Response.json({}, { headers: cors(req) });
  });
}
