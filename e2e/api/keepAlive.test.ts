import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, type Tenant } from "@/e2e/support/tenant";

/**
 * Connections of the ingest fast path: a client refused before its body is read (no key, revoked
 * key, rate limited) keeps its keep-alive connection when the body is small — an SDK retrying would
 * otherwise reconnect (and redo TLS) for every request — while a large unread body closes it.
 */
interface Answer {
  status: number;
  connection: string | undefined;
  reusedSocket: boolean;
  body: string;
}

let t: Tenant;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  t = await createTenant("keepalive");
});
afterAll(() => agent.destroy());

function post(path: string, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE_URL}${path}`, { method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reusedSocket: req.reusedSocket, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const event = (message: string) => JSON.stringify({ type: "KeepAliveError", message });

describe("ingest connections", () => {
  it("a small body refused before it is read keeps the connection, and the next request on it is stored", async () => {
    const first = await post("/api/v1/events", {}, event("no key"));
    expect(first.status).toBe(401);
    expect(first.connection).not.toBe("close");
    const refusedEnvelope = await post(`/api/${t.projectPublicId}/envelope/?sentry_key=0000&sentry_version=7`, {}, "{}\n");
    expect([401, 403]).toContain(refusedEnvelope.status);
    expect(refusedEnvelope.reusedSocket).toBe(true);
    const second = await post("/api/v1/events", { "x-faultline-key": t.key }, event("after a refusal"));
    expect(second.status).toBe(202);
    expect(second.reusedSocket).toBe(true);
    const rows = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "ErrorGroup" WHERE "projectId" = $1 AND message = 'after a refusal'`, [t.projectId]);
    expect(rows[0].n).toBe(1);
  });

  it("a large body refused before it is read closes the connection instead of receiving it", async () => {
    // The client may still be sending when the server closes: it reads the 401 with `Connection:
    // close`, or (the close resetting what it had not sent yet) a reset connection. Either way the
    // connection is not used again.
    const refused = await post("/api/v1/events", {}, event("x".repeat(200_000))).catch((error: NodeJS.ErrnoException) => String(error.code));
    if (typeof refused === "string") expect(["ECONNRESET", "EPIPE"]).toContain(refused);
    else expect([refused.status, refused.connection]).toEqual([401, "close"]);
    const next = await post("/api/v1/events", { "x-faultline-key": t.key }, event("on a new connection"));
    expect(next.status).toBe(202);
    expect(next.reusedSocket).toBe(false);
  });
});
