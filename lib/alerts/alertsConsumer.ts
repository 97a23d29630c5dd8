import { onEventsStored } from "@/lib/alerts/onEventsStored";
import type { AfterStoreConsumer } from "@/lib/intake/afterStore";

/** Immediate alert rules (critical error, new issue, regression, counts) see every committed batch. */
export const alertsConsumer: AfterStoreConsumer = {
  name: "alerts",
  consume: async (batch) => onEventsStored(batch.target, batch.events, batch.outcome),
};
