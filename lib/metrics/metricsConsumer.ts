import type { AfterStoreConsumer } from "@/lib/intake/afterStore";
import { recordErrorEvents } from "@/lib/metrics/recordErrorEvents";

/** Counts committed (non-duplicate) events in faultline_errors_total. */
export const metricsConsumer: AfterStoreConsumer = {
  name: "metrics",
  consume: async ({ target, events, outcome }) => recordErrorEvents(target, events.filter((_, i) => outcome.results[i] && !outcome.results[i].duplicate)),
};
