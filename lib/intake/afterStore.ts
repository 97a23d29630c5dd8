import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOutcome } from "@/lib/ingest/storeEvents";
import { logger } from "@/lib/logger";
import { errorMessage } from "@/lib/text/errorMessage";

/** Events of one project just committed, with what the store did with each (outcome.results[i] ↔ events[i]). */
export interface StoredBatch {
  target: { workspaceId: string; projectId: string };
  events: PreparedEvent[];
  outcome: StoreOutcome;
}

/**
 * Something that reacts to stored events (alerts, metrics, later assignment rules, forwarding).
 * `consume` is called right after the commit, before the request is answered: its synchronous part
 * must be quick (count, enqueue); anything slower belongs after its first `await`, which the request
 * never waits for. Register a consumer with one line in afterStoreConsumers.ts.
 */
export interface AfterStoreConsumer {
  name: string;
  consume(batch: StoredBatch): Promise<void>;
}

/**
 * Hands a committed batch to every consumer, in order. A consumer that throws or rejects is logged;
 * it never affects the response or the other consumers.
 */
export function fanOutStoredBatch(batch: StoredBatch, consumers: readonly AfterStoreConsumer[]): void {
  for (const consumer of consumers) {
    try {
      consumer.consume(batch).catch((error: unknown) => logFailure(consumer, batch, error));
    } catch (error) {
      logFailure(consumer, batch, error);
    }
  }
}

/**
 * Consumers whose order matters, as one: each starts once the one before has finished (a failure is
 * logged and the next still runs). Its first step is an await, so the request waits for none of them.
 */
export function inSequence(name: string, consumers: readonly AfterStoreConsumer[]): AfterStoreConsumer {
  return {
    name,
    consume: async (batch) => {
      for (const consumer of consumers) {
        try {
          await consumer.consume(batch);
        } catch (error) {
          logFailure(consumer, batch, error);
        }
      }
    },
  };
}

function logFailure(consumer: AfterStoreConsumer, batch: StoredBatch, error: unknown): void {
  logger.error("after-store consumer failed", {
    consumer: consumer.name,
    workspaceId: batch.target.workspaceId,
    projectId: batch.target.projectId,
    error: errorMessage(error),
  });
}
