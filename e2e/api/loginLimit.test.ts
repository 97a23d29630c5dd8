import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { BASE_URL, createTestUser, type TestUser } from "@/e2e/support/tenant";

/** A documentation address (TEST-NET-3) per scenario, so scenarios and other test files count apart. */
const address = () => `203.0.113.${randomInt(1, 255)}`;

function signIn(email: string, password: string, from: string, base = BASE_URL) {
  return fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": from },
    body: JSON.stringify({ email, password }),
  });
}

// Each failed attempt verifies a scrypt hash on purpose (PASSWORD_HASH_COST; 2^12 under `npm test`).
describe("login attempt limit, default settings (10 failures per account in 15 minutes)", { timeout: 300_000 }, () => {
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    const tag = randomInt(1e9);
    [alice, bob] = await Promise.all([createTestUser(`alice-${tag}@test.local`, "Alice"), createTestUser(`bob-${tag}@test.local`, "Bob")]);
  }, 300_000);

  it("the 11th attempt on an account is 429 with Retry-After, even with the right password, while another account still signs in", async () => {
    const from = address();
    for (let i = 0; i < 10; i++) expect((await signIn(alice.email, `wrong-${i}`, from)).status).toBe(401);
    const limited = await signIn(alice.email, "wrong-again", from);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect((await limited.json()).error.code).toBe("too_many_attempts");
    expect((await signIn(alice.email, alice.password, from)).status).toBe(429);
    // Another address is no way around the account's limit.
    expect((await signIn(alice.email, alice.password, address())).status).toBe(429);
    // Bob, from the very same address, is not affected.
    expect((await signIn(bob.email, bob.password, from)).status).toBe(200);
  });
});

/**
 * The other rules on an app of its own with lower limits (LOGIN_MAX_FAILURES_PER_ACCOUNT=4,
 * LOGIN_MAX_FAILURES_PER_ADDRESS=8): the same code paths with fewer slow hashes.
 */
describe("login attempt limit, configured lower", { timeout: 300_000 }, () => {
  let app: FreshInstance;
  const founder = { email: "founder@limits.test", password: "founder's password" };
  beforeAll(async () => {
    app = await startFreshInstance({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "4", LOGIN_MAX_FAILURES_PER_ADDRESS: "8" });
    const res = await fetch(`${app.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Founder", ...founder, workspaceName: "Limits", projectName: "App" }),
    });
    expect(res.status).toBe(201);
  }, 300_000);
  afterAll(async () => {
    await app?.stop();
  });

  it("a success resets the account's count", async () => {
    const from = address();
    for (let i = 0; i < 3; i++) expect((await signIn(founder.email, `wrong-${i}`, from, app.url)).status).toBe(401);
    expect((await signIn(founder.email, founder.password, from, app.url)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await signIn(founder.email, `wrong-${i}`, address(), app.url)).status).toBe(401);
    expect((await signIn(founder.email, founder.password, address(), app.url)).status).toBe(200);
  });

  it("unknown emails are limited the same way (the answer does not tell whether an account exists)", async () => {
    const ghost = `nobody-${randomInt(1e9)}@test.local`;
    const from = address();
    for (let i = 0; i < 4; i++) {
      const res = await signIn(ghost, "whatever", from, app.url);
      expect(res.status).toBe(401);
      expect((await res.json()).error.message).toBe("email or password is incorrect");
    }
    expect((await signIn(ghost, "whatever", from, app.url)).status).toBe(429);
  });

  it("parallel guesses cannot slip past the limit", async () => {
    const target = `parallel-${randomInt(1e9)}@test.local`;
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(target, `guess-${i}`, address(), app.url)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
  });

  it("failures across many accounts from one address end in 429 for that address only", async () => {
    const from = "198.51.100.7";
    for (let i = 0; i < 8; i++) expect((await signIn(`spray-${i}@test.local`, "Password1", from, app.url)).status).toBe(401);
    const limited = await signIn("spray-99@test.local", "Password1", from, app.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signIn("spray-99@test.local", "Password1", "198.51.100.8", app.url)).status).toBe(401);
    // The account behind the limit still signs in from elsewhere.
    expect((await signIn(founder.email, founder.password, "198.51.100.9", app.url)).status).toBe(200);
  });
});
