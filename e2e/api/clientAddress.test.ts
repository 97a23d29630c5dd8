import { randomInt } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { BASE_URL, createTestUser } from "@/e2e/support/tenant";

function signIn(base: string, email: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email, password }) });
}

const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("faultline_session="))!.split(";")[0];

async function sessionAddresses(base: string, cookie: string): Promise<string[]> {
  const res = await fetch(`${base}/api/v1/account/sessions`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()).items as { current: boolean; ipAddress: string }[]).filter((s) => s.current).map((s) => s.ipAddress);
}

/**
 * The default configuration (PROXY_HOPS unset: nothing in front of the app), on the server `npm start`
 * and the image run (scripts/server.mjs) with an app of its own: a client that writes its own
 * X-Forwarded-For (or the server's private peer header) is still the socket's address, 127.0.0.1.
 */
describe("client address with no trusted proxy (the default)", { timeout: 180_000 }, () => {
  let app: FreshInstance;
  const founder = { email: "founder@address.test", password: "founder's password" };
  beforeAll(async () => {
    // The shared test app plays a proxy (PROXY_HOPS=1, scripts/test.mjs): empty is unset, the default.
    app = await startFreshInstance({ PROXY_HOPS: "", LOGIN_MAX_FAILURES_PER_ADDRESS: "4" }, { server: "production" });
    const res = await fetch(`${app.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Founder", ...founder, workspaceName: "Addresses", projectName: "App" }),
    });
    expect(res.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await app?.stop();
  });

  it("sign-in failures with a rotating X-Forwarded-For all count against the socket's address, and its limit holds", async () => {
    const forged = ["203.0.113.77", "198.51.100.9", "192.0.2.1, 203.0.113.5", "10.66.66.66"];
    for (const [i, from] of forged.entries()) {
      const res = await signIn(app.url, `spray-${i}@address.test`, "Password1", { "x-forwarded-for": from, "x-faultline-peer": from.split(",")[0] });
      expect(res.status).toBe(401);
    }
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    try {
      const keys = (await client.query<{ key: string }>(`SELECT key FROM "LoginFailure" WHERE key LIKE 'address:%'`)).rows.map((r) => r.key);
      expect(keys).toEqual(forged.map(() => "address:127.0.0.1"));
    } finally {
      await client.end();
    }
    // The address's limit (4 here) is reached whatever the next request claims.
    const limited = await signIn(app.url, "spray-99@address.test", "Password1", { "x-forwarded-for": "203.0.113.200" });
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe("too_many_attempts");
  });

  it("the session list shows the socket's address, not the claimed one", async () => {
    // The address is limited by the test above: its failures are cleared first.
    const client = new pg.Client({ connectionString: app.databaseUrl });
    await client.connect();
    await client.query(`DELETE FROM "LoginFailure"`).finally(() => client.end());
    const res = await signIn(app.url, founder.email, founder.password, { "x-forwarded-for": "10.66.66.66", "x-faultline-peer": "10.66.66.67" });
    expect(res.status).toBe(200);
    expect(await sessionAddresses(app.url, sessionCookie(res))).toEqual(["127.0.0.1"]);
  });
});

/** The shared test app runs with PROXY_HOPS=1 (scripts/test.mjs): the entry the proxy appended. */
describe("client address behind one trusted proxy (PROXY_HOPS=1)", () => {
  it("is the last X-Forwarded-For entry; without the header, the socket's address (the private peer header is never the client's)", async () => {
    const user = await createTestUser(`address-${randomInt(1e9)}@test.local`, "Addressed");
    const viaProxy = await signIn(BASE_URL, user.email, user.password, { "x-forwarded-for": "10.66.66.66, 203.0.113.45" });
    expect(viaProxy.status).toBe(200);
    expect(await sessionAddresses(BASE_URL, sessionCookie(viaProxy))).toEqual(["203.0.113.45"]);
    const direct = await signIn(BASE_URL, user.email, user.password, { "x-faultline-peer": "10.66.66.67" });
    expect(direct.status).toBe(200);
    expect(await sessionAddresses(BASE_URL, sessionCookie(direct))).toEqual(["127.0.0.1"]);
  });
});
