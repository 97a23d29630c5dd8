import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { authenticateIngestKey, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { executionMinute } from "@/lib/executions/executionMinute";
import { ExecutionsBodySchema } from "@/lib/executions/executionSchema";
import { recordExecutions } from "@/lib/executions/recordExecutions";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import { runIntake } from "@/lib/intake/runIntake";
import { projectGoneError, refusingGoneProject } from "@/lib/intake/projectGone";
import { withTransaction } from "@/lib/db/pool";
import { lockLiveProject } from "@/lib/grouping/store/projectWriteLock";
import { ApiError } from "@/lib/http/ApiError";
import type { ExecutionDelta } from "@/lib/executions/recordExecutions";

/** POST /api/v1/executions: execution/request counts (ok, failed) per agent and minute; 202 (401 once the project is being deleted). */
export function receiveExecutions(req: IntakeRequest): Promise<IntakeResponse> {
  return runIntake("executions", async () => {
    const auth = await authenticateIngestKey(readIngestKey(req));
    assertKeyProject(auth, req);
    assertJsonContentType(req);
    const { counts } = parseWith(ExecutionsBodySchema, await readJson(req));
    const now = new Date();
    const deltas = counts.map((c) => ({ minute: executionMinute(c.at, now), agentId: c.agentId, environment: c.environment, ok: c.ok, failed: c.failed }));
    await refusingGoneProject(() => recordLiveExecutions(auth, deltas), () => ApiError.unauthorized("invalid or revoked ingest key"));
    return { status: 202, headers: {}, body: { accepted: counts.length } };
  });
}

/** The counts under the project's write lock, as events are: none once its deletion began (projectGoneError). */
function recordLiveExecutions(target: { workspaceId: string; projectId: string }, deltas: ExecutionDelta[]): Promise<void> {
  return withTransaction(async (client) => {
    if (!(await lockLiveProject(client, target.projectId, "shared"))) throw projectGoneError();
    await recordExecutions(target, deltas, client);
  });
}
