import { toForwardedEvent } from "@/lib/forwarding/forwardedEvent";
import { dispatchForwarding } from "@/lib/forwarding/deliver/processForwardingDeliveries";
import { ruleMatches } from "@/lib/forwarding/rules/ruleMatches";
import { enabledRulesOf } from "@/lib/forwarding/rules/ruleCache";
import { pool } from "@/lib/db/pool";
import { uuidv7 } from "@/lib/ids/uuidv7";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";

/**
 * The after-store consumer of forwarding: for each newly stored event (repeats of an event id are
 * not forwarded again) and each enabled rule of its project that matches it, one delivery row
 * holding the scrubbed copy — idempotent on (rule, event) — then an immediate send attempt in the
 * background. Runs after the ingest commit and off the request path: a slow or dead target never
 * delays or fails ingest; the delivery job retries.
 */
export async function forwardStoredEvents(target: StoreTarget, events: PreparedEvent[], outcome: StoreOutcome): Promise<number> {
  const fresh = events.map((event, i) => ({ event, result: outcome.results[i] })).filter((e) => e.result && !e.result.duplicate);
  if (fresh.length === 0) return 0;
  const rules = await enabledRulesOf(target.projectId);
  if (rules.length === 0) return 0;

  const now = new Date();
  const rows = [];
  for (const { event, result } of fresh) {
    for (const rule of rules) {
      if (!ruleMatches(rule, event)) continue;
      rows.push({
        id: uuidv7(now.getTime()),
        ruleId: rule.id,
        eventId: event.eventId,
        groupId: result.groupId,
        payload: toForwardedEvent(event, { groupId: result.groupId, projectId: target.projectId }),
      });
    }
  }
  if (rows.length === 0) return 0;
  const { rows: inserted } = await pool().query<{ id: string }>(
    `INSERT INTO "ForwardingDelivery" (id, "workspaceId", "projectId", "ruleId", "eventId", "groupId", payload, "nextAttemptAt", "updatedAt")
     SELECT x.id, $1::uuid, $2::uuid, x."ruleId", x."eventId", x."groupId", x.payload, $3::timestamptz, now()
     FROM jsonb_to_recordset($4::jsonb) AS x(id uuid, "ruleId" uuid, "eventId" text, "groupId" uuid, payload jsonb)
     ON CONFLICT ("ruleId", "eventId") DO NOTHING
     RETURNING id`,
    [target.workspaceId, target.projectId, now.toISOString(), JSON.stringify(rows)],
  );
  dispatchForwarding(inserted.map((r) => r.id));
  return inserted.length;
}
