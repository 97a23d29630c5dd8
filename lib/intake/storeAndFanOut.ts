import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { fanOutStoredBatch } from "@/lib/intake/afterStore";
import { afterStoreConsumers } from "@/lib/intake/afterStoreConsumers";
import { storeDurably } from "@/lib/intake/durableStore";
import { GroupCommit, type PendingWrite } from "@/lib/intake/groupCommit";
import { isProjectGone, projectGoneError } from "@/lib/intake/projectGone";
import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import { metrics } from "@/lib/metrics/registry";
import { noteStored, runStore, storeEvents, writeEvents, type StoreOptions, type StoreOutcome, type StoreTarget } from "@/lib/ingest/storeEvents";
import { countIngest } from "@/lib/ingestHealth/ingestCounters";
import type { UnpreparedEvents } from "@/lib/spool/spoolEntry";

/**
 * The store stage: commits a request's events through the process's group commit (concurrent
 * requests share transactions) and, once committed, hands each project's events to the after-store
 * consumers. Resolves when this request's events are committed, or durably in the local spool while
 * PostgreSQL is unavailable or INGEST_ACK answers from the log (lib/intake/durableStore.ts,
 * `spooled: true`; always, as received, when `unprepared` says the project's settings could not be
 * read). A batch neither committed nor spooled counts as dropped in ingest health — except one
 * refused because its project is being deleted (lib/intake/projectGone.ts): nothing is counted for it.
 */
export function storeAndFanOut(target: StoreTarget, events: PreparedEvent[], options: StoreOptions = {}, unprepared?: UnpreparedEvents): Promise<StoreOutcome> {
  if (events.length === 0) return Promise.resolve({ results: [], newGroupIds: [], regressedGroupIds: [] });
  return storeDurably(target, events, () => storeAndFanOutDirect(target, events, options), options, groupCommit().waitingWrites(), unprepared).catch((error: unknown) => {
    if (!isProjectGone(error)) countIngest(target, "dropped", events.length);
    throw error;
  });
}

/**
 * Straight to PostgreSQL through the group commit, then the fan-out: what the spool replayer uses too.
 * Events of a project being deleted are written nowhere and rejected with projectGoneError (the doors
 * answer as for a revoked key; the replayer puts the record aside); the requests sharing their
 * transaction are not affected.
 */
export async function storeAndFanOutDirect(target: StoreTarget, events: PreparedEvent[], options: StoreOptions = {}): Promise<StoreOutcome> {
  if (events.length === 0) return { results: [], newGroupIds: [], regressedGroupIds: [] };
  const outcome = await groupCommit().write(target, events, options);
  if (outcome.projectGone) throw projectGoneError();
  return outcome;
}

const globalForCommit = globalThis as unknown as { faultlineGroupCommit?: GroupCommit };

function groupCommit(): GroupCommit {
  if (!globalForCommit.faultlineGroupCommit) {
    const { INGEST_GROUP_COMMIT_WAIT_MS, INGEST_GROUP_COMMIT_MAX_EVENTS, INGEST_GROUP_COMMIT_CONCURRENCY } = env();
    globalForCommit.faultlineGroupCommit = new GroupCommit(
      {
        commitTogether,
        commitAlone: (write) => storeEvents(write.target, write.events, write.options),
        onCommitted: (target, events, outcome) => fanOutStoredBatch({ target, events, outcome }, afterStoreConsumers),
        isUnavailable: isDatabaseUnavailable,
      },
      { maxWaitMs: INGEST_GROUP_COMMIT_WAIT_MS, maxEvents: INGEST_GROUP_COMMIT_MAX_EVENTS, maxConcurrent: INGEST_GROUP_COMMIT_CONCURRENCY },
    );
  }
  return globalForCommit.faultlineGroupCommit;
}

/**
 * One transaction for every write: per project (in project id order, so concurrent transactions
 * lock in one order) one writeEvents over all its writes' events, results handed back per write.
 */
async function commitTogether(writes: PendingWrite[]): Promise<StoreOutcome[]> {
  const m = metrics();
  m.ingestTransactionRequests.observe(writes.length);
  m.ingestTransactionEvents.observe(writes.reduce((n, w) => n + w.events.length, 0));
  const byProject = new Map<string, number[]>();
  writes.forEach((write, i) => byProject.set(write.target.projectId, [...(byProject.get(write.target.projectId) ?? []), i]));
  const projects = [...byProject.keys()].sort();
  const committed = await runStore(writes.flatMap((w) => w.events), async (tx) => {
    const outcomes: StoreOutcome[] = new Array(writes.length);
    for (const projectId of projects) {
      const indexes = byProject.get(projectId)!;
      const store = indexes.flatMap((i) => writes[i].events.map((_, j) => writes[i].options?.store?.[j] ?? true));
      // One project's writes share its settings (its per-issue cap); spike decisions stay per event.
      const combined = await writeEvents(tx, writes[indexes[0]].target, indexes.flatMap((i) => writes[i].events), {
        store,
        issueCap: writes[indexes[0]].options?.issueCap ?? null,
      });
      if (combined.projectGone) {
        // Being deleted: nothing of it was written; its writers are refused, the others go on.
        for (const i of indexes) outcomes[i] = { results: [], newGroupIds: [], regressedGroupIds: [], conditionalGroupIds: [], projectGone: true };
        continue;
      }
      let offset = 0;
      for (const i of indexes) {
        const results = combined.results.slice(offset, offset + writes[i].events.length);
        offset += writes[i].events.length;
        const touched = new Set(results.map((r) => r.groupId));
        outcomes[i] = {
          results,
          newGroupIds: combined.newGroupIds.filter((id) => touched.has(id)),
          regressedGroupIds: combined.regressedGroupIds.filter((id) => touched.has(id)),
          conditionalGroupIds: (combined.conditionalGroupIds ?? []).filter((id) => touched.has(id)),
          // The project's one outbox row rides with its first write (announced per project, first write first).
          ...(i === indexes[0] && combined.outboxId && { outboxId: combined.outboxId }),
        };
      }
    }
    return outcomes;
  });
  writes.forEach((write, i) => noteStored(write.target, committed[i]));
  return committed;
}
