import { forwardStoredEvents } from "@/lib/forwarding/deliver/forwardStoredEvents";
import type { AfterStoreConsumer } from "@/lib/intake/afterStore";

/** Forwarding rules see every committed batch: matching events get a delivery row and a first send. */
export const forwardingConsumer: AfterStoreConsumer = {
  name: "forwarding",
  consume: async (batch) => {
    await forwardStoredEvents(batch.target, batch.events, batch.outcome);
  },
};
