import { applyAssignmentRules } from "@/lib/assignment/applyAssignmentRules";
import type { AfterStoreConsumer } from "@/lib/intake/afterStore";
import { reopenForNewerRelease, reopenIgnored } from "@/lib/errors/triage/reopenIssues";

/**
 * After every committed batch: issues ignored until N more events / users (or for a time that has
 * passed) reopen once their condition is met, and issues resolved in the next release reopen when
 * an event of a newer release arrived. Only groups the store flagged as conditional are looked at.
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
    const releases = new Map<string, Set<string>>();
    events.forEach((event, i) => {
      const result = outcome.results[i];
      if (!result || result.duplicate || !conditional.has(result.groupId) || !event.release) return;
      const set = releases.get(result.groupId) ?? new Set<string>();
      set.add(event.release);
      releases.set(result.groupId, set);
    });
    await reopenIgnored({ groupIds: [...conditional] }, now);
    const regressed = await reopenForNewerRelease(releases, now);
    if (regressed.length > 0) await applyAssignmentRules({ ...batch, outcome: { ...outcome, newGroupIds: [], regressedGroupIds: regressed } });
  },
};
