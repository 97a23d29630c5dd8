import type { Client } from "../core/client.js";
import type { Platform } from "./platform.js";

/** How long a crash report or the queue at exit may hold the process, in ms. */
export const EXIT_FLUSH_MS = 2000;

/** Marks the process listeners the client installs (shared by every copy of the package). */
const OWN = Symbol.for("@faultline/client.listener");

type Listener = (...args: never[]) => void;

function own<T extends Listener>(listener: T): T {
  return Object.assign(listener, { [OWN]: true });
}

/** Listeners of `event` that are not the client's: the app's own handlers. */
function othersListening(event: "uncaughtException" | "unhandledRejection"): number {
  const listeners: unknown[] = event === "uncaughtException" ? process.listeners("uncaughtException") : process.listeners("unhandledRejection");
  return listeners.filter((l) => !(l as Record<symbol, unknown>)[OWN]).length;
}

/** Node: key in a header, timers that do not hold the process open, uncaught errors, flush before exit. */
export const nodePlatform: Platform = {
  name: "node",
  auth: "header",
  runtime: () => ({ name: "node", version: process.version, platform: process.platform }),
  keepAlive(timer, alive) {
    const t = timer as unknown as { ref?: () => void; unref?: () => void };
    if (alive) t.ref?.();
    else t.unref?.();
  },
  installGlobalHandlers(client: Client) {
    const exitAfterReport = (error: unknown) => {
      void client.flush(EXIT_FLUSH_MS).finally(() => {
        console.error(error instanceof Error && error.stack ? error.stack : error);
        process.exit(1);
      });
    };
    const onUncaught = own((error: Error, origin: string) => {
      client.captureException(error, { severity: "critical", tags: { handled: "no", mechanism: origin || "uncaughtException" } });
      // With no listener of the app's own, Node would have crashed: keep that behaviour once the report is out.
      if (othersListening("uncaughtException") === 0) exitAfterReport(error);
    });
    const onRejection = own((reason: unknown) => {
      client.captureException(reason, { severity: "high", tags: { handled: "no", mechanism: "unhandledRejection" } });
      if (othersListening("unhandledRejection") > 0) return;
      if (client.options.unhandledRejection === "warn") console.warn("[faultline] unhandled promise rejection (reported):", reason);
      else exitAfterReport(reason);
    });
    process.on("uncaughtException", onUncaught);
    process.on("unhandledRejection", onRejection);
    return () => {
      process.off("uncaughtException", onUncaught);
      process.off("unhandledRejection", onRejection);
    };
  },
  installExitHooks(client: Client) {
    let queuedAtLastFlush = -1;
    // beforeExit fires each time the event loop empties. Flush only when events were queued since
    // the last exit flush, for 2 s at most, and then cancel a request still waiting for an answer:
    // a server that is down, throttling or hanging cannot keep the process alive.
    const onBeforeExit = () => {
      const { transport } = client;
      if (transport.size === 0 || transport.stats.queued === queuedAtLastFlush) return;
      queuedAtLastFlush = transport.stats.queued;
      void client.flush(EXIT_FLUSH_MS).then((done) => {
        if (!done) transport.abortRequest();
      });
    };
    process.on("beforeExit", onBeforeExit);
    return () => process.off("beforeExit", onBeforeExit);
  },
};
