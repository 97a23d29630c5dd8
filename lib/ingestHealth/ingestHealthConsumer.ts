import type { AfterStoreConsumer } from "@/lib/intake/afterStore";
import { countStoreOutcome } from "@/lib/ingestHealth/countStoreOutcome";

/** Counts each committed batch's accepted and duplicate events for the status page and Prometheus. */
export const ingestHealthConsumer: AfterStoreConsumer = {
  name: "ingest-health",
  async consume({ target, outcome }) {
    countStoreOutcome(target, outcome);
  },
};
