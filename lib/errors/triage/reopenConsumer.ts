import { applyAssignmentRules } from "@/lib/assignment/applyAssignmentRules";
import type { AfterStoreConsumer } from "@/lib/intake/afterStore";
import { reopenForNewerRelease, reopenIgnored } from "@/lib/errors/triage/reopenIssues";

/**
 * After every committed batch: issues ignored until N more events / users (or for a time that has
 * passed) reopen once their condition is met (late events count), and issues resolved in the next
 * release reopen when an event of a newer release that happened after the resolution arrived. Only groups the store flagged as conditional are looked at.
 * Such a reopening is a regression the store did not see, so the assignment rules judge it as one
 * (an issue nobody is assigned to goes to the first matching rule).
 */
export const reopenConsumer: AfterStoreConsumer = {
  name: "triage-reopen",
  consume: async (batch) => {
    const { events, outcome } = batch;
    const conditional = new Set(outcome.conditionalGroupIds ?? []);
    if (conditional.size === 0) return;
    const now = new Date();
    // Per group, each release's latest event time (only an event after the resolution may reopen).
    const releases = new Map<string, Map<string, Date>>();
    events.forEach((event, i) => {
      const result = outcome.results[i];
      if (!result || result.duplicate || !conditional.has(result.groupId) || !event.release) return;
      const latest = releases.get(result.groupId) ?? new Map<string, Date>();
      const seen = latest.get(event.release);
      if (!seen || event.occurredAt > seen) latest.set(event.release, event.occurredAt);
      releases.set(result.groupId, latest);
    });
    await reopenIgnored({ groupIds: [...conditional] }, now);
    const regressed = await reopenForNewerRelease(releases, now);
    if (regressed.length > 0) await applyAssignmentRules({ ...batch, outcome: { ...outcome, newGroupIds: [], regressedGroupIds: regressed } });
  },
};
