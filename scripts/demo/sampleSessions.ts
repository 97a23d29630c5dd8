import { storeNonEventItems } from "@/lib/intake/storeNonEventItems";
import { mapSessionsItem } from "@/lib/sentry/mapSessions";

const HOUR = 3_600_000;

/**
 * Release health for the releases page, through the same path as a Sentry SDK's aggregated
 * `sessions` items: the previous release 1.4.1 a week of healthy sessions, the current 1.4.2 (the
 * one the sample errors came with) its last day, with the crashes those errors caused (≈ 97 % crash-free);
 * of the users their sessions name, 99.3 % and 96.7 % had no crash.
 */
export async function seedSampleSessions(target: { workspaceId: string; projectId: string }, now = Date.now()): Promise<void> {
  const hours = (release: string, from: number, to: number, perHour: (i: number) => { exited: number; errored: number; crashed: number }) =>
    mapSessionsItem({
      attrs: { release, environment: "production" },
      aggregates: Array.from({ length: from - to }, (_, i) => ({ started: new Date(now - (from - i) * HOUR).toISOString(), ...perHour(i) })),
    });
  // Signed-in users' sessions name them (the SDK's `did`): crash-free users, one session each here.
  const users = (release: string, from: number, to: number, count: number, crashEvery: number) =>
    mapSessionsItem({
      attrs: { release, environment: "production" },
      aggregates: Array.from({ length: count }, (_, u) => ({
        started: new Date(now - (from - (u % (from - to))) * HOUR).toISOString(),
        did: `demo-user-${u}`,
        ...(u % crashEvery === crashEvery - 1 ? { crashed: 1 } : { exited: 1 }),
      })),
    });
  const sessions = [
    ...hours("1.4.1", 8 * 24, 24, (i) => ({ exited: 40 + (i % 7), errored: i % 5 === 0 ? 1 : 0, crashed: i % 40 === 0 ? 1 : 0 })),
    ...users("1.4.1", 8 * 24, 24, 300, 150),
    ...hours("1.4.2", 24, 0, (i) => ({ exited: 45 + (i % 5), errored: 2, crashed: 1 + (i % 2) })),
    ...users("1.4.2", 24, 0, 180, 30),
  ];
  await storeNonEventItems(target, { sessions });
}
