import type { AfterStoreConsumer } from "@/lib/intake/afterStore";
import { reopenForNewerRelease, reopenIgnored } from "@/lib/errors/triage/reopenIssues";

/**
 * After every committed batch: issues ignored until N more events / users (or for a time that has
 * passed) reopen once their condition is met, and issues resolved in the next release reopen when
 * an event of a newer release arrived. Only groups the store flagged as conditional are looked at.
 */
export const reopenConsumer: AfterStoreConsumer = {
  name: "triage-reopen",
  consume: async ({ events, outcome }) => {
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
    await reopenForNewerRelease(releases, now);
  },
};
