import { storeNonEventItems } from "@/lib/intake/storeNonEventItems";
import { mapSessionsItem } from "@/lib/sentry/mapSessions";

const HOUR = 3_600_000;

/**
 * Release health for the releases page, through the same path as a Sentry SDK's aggregated
 * `sessions` items: the previous release 1.4.1 a week of healthy sessions, the current 1.4.2 (the
 * one the sample errors came with) its last day, with the crashes those errors caused (≈ 97 % crash-free).
 */
export async function seedSampleSessions(target: { workspaceId: string; projectId: string }, now = Date.now()): Promise<void> {
  const hours = (release: string, from: number, to: number, perHour: (i: number) => { exited: number; errored: number; crashed: number }) =>
    mapSessionsItem({
      attrs: { release, environment: "production" },
      aggregates: Array.from({ length: from - to }, (_, i) => ({ started: new Date(now - (from - i) * HOUR).toISOString(), ...perHour(i) })),
    });
  const sessions = [
    ...hours("1.4.1", 8 * 24, 24, (i) => ({ exited: 40 + (i % 7), errored: i % 5 === 0 ? 1 : 0, crashed: i % 40 === 0 ? 1 : 0 })),
    ...hours("1.4.2", 24, 0, (i) => ({ exited: 45 + (i % 5), errored: 2, crashed: 1 + (i % 2) })),
  ];
  await storeNonEventItems(target, { sessions });
}
