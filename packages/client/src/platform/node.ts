import type { Client } from "../core/client.js";
import type { Platform } from "./platform.js";

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
      void client.flush(2000).finally(() => {
        console.error(error instanceof Error && error.stack ? error.stack : error);
        process.exit(1);
      });
    };
    const onUncaught = (error: Error, origin: string) => {
      client.captureException(error, { severity: "critical", tags: { handled: "no", mechanism: origin || "uncaughtException" } });
      // With no other listener, Node would have crashed: keep that behaviour once the report is out.
      if (process.listenerCount("uncaughtException") === 1) exitAfterReport(error);
    };
    const onRejection = (reason: unknown) => {
      client.captureException(reason, { severity: "high", tags: { handled: "no", mechanism: "unhandledRejection" } });
      if (process.listenerCount("unhandledRejection") > 1) return;
      if (client.options.unhandledRejection === "warn") console.warn("[faultline] unhandled promise rejection (reported):", reason);
      else exitAfterReport(reason);
    };
    process.on("uncaughtException", onUncaught);
    process.on("unhandledRejection", onRejection);
    return () => {
      process.off("uncaughtException", onUncaught);
      process.off("unhandledRejection", onRejection);
    };
  },
  installExitHooks(client: Client) {
    let lastFlushedAt = -1;
    // beforeExit fires whenever the event loop empties; flush once per batch of new events so a
    // server that stays down cannot keep the process alive forever.
    const onBeforeExit = () => {
      const size = client.transport.size;
      if (size === 0 || client.transport.stats.requests === lastFlushedAt) return;
      lastFlushedAt = client.transport.stats.requests;
      void client.flush(2000);
    };
    process.on("beforeExit", onBeforeExit);
    return () => process.off("beforeExit", onBeforeExit);
  },
};
