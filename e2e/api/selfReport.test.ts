import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";
import { waitFor } from "@/e2e/support/waitFor";

/**
 * Dogfooding: a second Faultline instance whose database is unreachable, with FAULTLINE_SELF_DSN
 * pointing at a project of the app under test. Its 500s and failing background jobs must arrive
 * there through @faultline/client — a repeated failure once, not once per request.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

let t: Tenant;
let second: ChildProcess;
let secondUrl: string;

/** A port nothing listens on (free for the second instance, or refusing connections as a "database"). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Reported {
  type: string;
  message: string;
  tags: Record<string, string>;
}

const reported = () => query<Reported>(`SELECT g.type, o.message, o.tags FROM "ErrorOccurrence" o JOIN "ErrorGroup" g ON g.id = o."groupId" WHERE o."projectId" = $1 ORDER BY o."receivedAt"`, [t.projectId]);

beforeAll(async () => {
  t = await createTenant("self");
  const selfDsn = `${BASE_URL.replace("://", `://${t.key}@`)}`;
  const port = await freePort();
  secondUrl = `http://127.0.0.1:${port}`;
  second = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${await freePort()}/unreachable`,
      FAULTLINE_SELF_DSN: selfDsn,
      ALERT_EVALUATOR_INTERVAL_MS: "0",
      ALERT_DELIVERY_INTERVAL_MS: "300",
      FORWARDING_INTERVAL_MS: "0",
      FAULTLINE_SPOOL_DIR: path.join(ROOT, ".faultline", `spool-self-report-${port}`),
    },
    stdio: "ignore",
  });
  // Up, without its database: health says so (200 "degraded (spooling)": ingest would spool).
  await waitFor(async () => (await fetch(`${secondUrl}/api/health`).then((r) => r.json()).catch(() => undefined))?.database === false || undefined, 60_000, 200);
}, 90_000);

afterAll(async () => {
  if (second && second.exitCode === null) {
    second.kill("SIGTERM");
    await new Promise((resolve) => second.once("exit", resolve));
  }
});

describe("FAULTLINE_SELF_DSN", () => {
  it("reports the instance's own server errors (503: database unavailable) and failing jobs to the DSN's project, each failure once", async () => {
    // The same failure three times (the lookup of a well-formed session token cannot reach the database)…
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${secondUrl}/api/v1/me`, { headers: { cookie: `faultline_session=${"s".repeat(43)}` } });
      expect(res.status).toBe(503);
    }
    const first = await waitFor(async () => {
      const rows = (await reported()).filter((r) => r.tags.where === "http");
      return rows.length > 0 ? rows : undefined;
    }, 20_000);
    // …then a different failure (the user lookup of a sign-in). The client sends in capture order,
    // so once this one is stored, any repeat of the first would be stored too.
    const res = await fetch(`${secondUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "someone@example.com", password: "whatever-password" }),
    });
    expect(res.status).toBe(503);
    const http = await waitFor(async () => {
      const rows = (await reported()).filter((r) => r.tags.where === "http");
      return rows.length >= 2 ? rows : undefined;
    }, 20_000);
    expect(http.map((r) => r.tags.route)).toEqual(["/api/v1/me", "/api/v1/auth/login"]);
    expect(first[0].tags).toMatchObject({ service: "faultline", where: "http", route: "/api/v1/me", method: "GET" });
    expect(http[1].tags).toMatchObject({ route: "/api/v1/auth/login", method: "POST" });
    expect(http[0].message).toContain("Can't reach database server");

    // A background loop that fails is reported as well, under its job's name.
    const job = await waitFor(async () => (await reported()).find((r) => r.tags.where === "job:alert-deliveries"), 20_000);
    expect(job.tags.service).toBe("faultline");
  });
});
