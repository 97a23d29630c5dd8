import type { IngestKeyAuth } from "@/lib/auth/ingestKeyAuth";
import { ApiError } from "@/lib/http/ApiError";
import type { RequestHead } from "@/lib/http/requestHead";

/**
 * A client may name the project it means (`X-Faultline-Project` header or `?project=`), which
 * catches a key pasted into the wrong app: a key of another project is refused with 403.
 */
export function assertKeyProject(auth: Pick<IngestKeyAuth, "projectId">, req: RequestHead): void {
  const named = req.headers.get("x-faultline-project") ?? new URL(req.url).searchParams.get("project");
  if (named && named !== auth.projectId) throw ApiError.forbidden("this ingest key belongs to another project");
}
