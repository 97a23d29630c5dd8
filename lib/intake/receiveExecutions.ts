import { assertKeyProject } from "@/lib/auth/assertKeyProject";
import { authenticateIngestKey, readIngestKey } from "@/lib/auth/ingestKeyAuth";
import { ExecutionsBodySchema } from "@/lib/executions/executionSchema";
import { recordExecutions } from "@/lib/executions/recordExecutions";
import { assertJsonContentType } from "@/lib/http/assertJsonContentType";
import { parseWith } from "@/lib/http/parseWith";
import { readJson } from "@/lib/http/readJson";
import type { IntakeRequest, IntakeResponse } from "@/lib/intake/intakeRequest";
import { runIntake } from "@/lib/intake/runIntake";

/** POST /api/v1/executions: execution/request counts (ok, failed) per agent and minute; 202. */
export function receiveExecutions(req: IntakeRequest): Promise<IntakeResponse> {
  return runIntake("executions", async () => {
    const auth = await authenticateIngestKey(readIngestKey(req));
    assertKeyProject(auth, req);
    assertJsonContentType(req);
    const { counts } = parseWith(ExecutionsBodySchema, await readJson(req));
    const now = new Date();
    await recordExecutions(
      auth,
      counts.map((c) => ({ minute: c.at ? new Date(c.at) : now, agentId: c.agentId, environment: c.environment, ok: c.ok, failed: c.failed })),
    );
    return { status: 202, headers: {}, body: { accepted: counts.length } };
  });
}
