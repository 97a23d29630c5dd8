import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";

/**
 * The production server (scripts/server.mjs, as `npm start` and the container run it) whose log
 * reader goes away — a supervisor's pipe or a log shipper closed — goes on serving. Every write to
 * the closed stdout or stderr fails with EPIPE; unhandled, that was an uncaught exception reported to
 * the same closed pipe, again and again: the process spun at 100 % CPU and answered nothing.
 */
describe("a server whose output pipes are closed", () => {
  let app: FreshInstance;

  beforeAll(async () => {
    // debug: every request writes a log line.
    app = await startFreshInstance({ LOG_LEVEL: "debug" }, { server: "production" });
  }, 120_000);

  afterAll(async () => {
    await app?.stop();
  });

  it("keeps answering requests, each of which writes to the closed pipes", async () => {
    app.process.stdout!.destroy();
    app.process.stderr!.destroy();
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${app.url}/api/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-faultline-key": "fl_not_a_key" },
        body: JSON.stringify({ message: "boom" }),
        signal: AbortSignal.timeout(15_000),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toHaveProperty("error");
    }
    const health = await fetch(`${app.url}/api/health`, { signal: AbortSignal.timeout(15_000) });
    expect(health.status).toBe(200);
    expect(app.process.exitCode).toBeNull();
  });
});
