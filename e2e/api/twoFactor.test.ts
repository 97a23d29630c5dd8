import { randomInt } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/e2e/support/alertHelpers";
import { query } from "@/e2e/support/dbCounts";
import { BASE_URL, createTenant, login, postEvents, type Tenant, type TestUser, createTestUser } from "@/e2e/support/tenant";
import { enableTwoFactorOverHttp, freshTotpCode, setCookies, signInFrom, submitCode } from "@/e2e/support/twoFactor";
import { createPasswordReset } from "@/lib/passwordResets/createPasswordReset";
import { totpCode } from "@/lib/twoFactor/totp";

/** A documentation address (TEST-NET-3) per scenario, so failures count apart from other files' sign-ins. */
const address = () => `203.0.113.${randomInt(1, 255)}`;

async function me(cookie: string | undefined) {
  return fetch(`${BASE_URL}/api/v1/me`, { headers: cookie ? { cookie } : {} });
}

/** Signs in with the password and answers the challenge cookie (asserting one was asked for). */
async function passwordStep(user: TestUser, from: string): Promise<string> {
  const res = await signInFrom(user.email, user.password, from);
  expect(res.status).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ twoFactorRequired: true });
  const cookies = setCookies(res);
  expect(cookies.faultline_session).toBeUndefined();
  expect(cookies.faultline_2fa).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return cookies.faultline_2fa;
}

describe("two-factor sign-in (TOTP)", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await createTenant("2fa");
  });

  it("is set up with the password and a first code; the secret is sealed at rest; the recovery codes come once", async () => {
    const cookie = await login(t.admin);
    expect((await api("GET", "/api/v1/account/two-factor", cookie)).body).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });

    const wrongPassword = await api("POST", "/api/v1/account/two-factor/setup", cookie, { password: "not it" });
    expect(wrongPassword.status).toBe(422);
    expect(wrongPassword.body.error.issues[0].path).toBe("password");
    expect(wrongPassword.body.error).toMatchObject({ message: "That is not your current password.", field: "password" });
    expect((await api("POST", "/api/v1/account/two-factor", cookie, { code: "123456" })).body.error.code).toBe("two_factor_not_set_up");

    const setup = await api("POST", "/api/v1/account/two-factor/setup", cookie, { password: t.admin.password });
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.body.otpauthUri);
    expect(uri.searchParams.get("secret")).toBe(setup.body.secret);
    expect(decodeURIComponent(uri.pathname)).toContain(t.admin.email);
    // A setup not yet confirmed changes nothing at sign-in.
    expect(setCookies(await signInFrom(t.admin.email, t.admin.password, address())).faultline_session).toBeTruthy();

    const [row] = await query<{ secrets: { sealed?: string } }>(`SELECT secrets FROM "TwoFactor" WHERE "userId" = $1`, [t.admin.id]);
    expect(row.secrets.sealed).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(setup.body.secret);

    const badCode = await api("POST", "/api/v1/account/two-factor", cookie, { code: totpCode(setup.body.secret, Date.now() - 5 * 60_000) });
    expect(badCode.status).toBe(422);
    expect(badCode.body.error.issues[0].path).toBe("code");
    expect(badCode.body.error).toMatchObject({ message: "That code does not match the authenticator. Is the phone's clock right?", field: "code" });
    expect((await api("POST", "/api/v1/account/two-factor", cookie, { code: "12345" })).status).toBe(422);

    const enabled = await api("POST", "/api/v1/account/two-factor", cookie, { code: totpCode(setup.body.secret, Date.now()) });
    expect(enabled.status).toBe(200);
    expect(enabled.body.enabled).toBe(true);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    const status = (await api("GET", "/api/v1/account/two-factor", cookie)).body;
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(JSON.stringify(status)).not.toContain(enabled.body.recoveryCodes[0]);
    const stored = await query<{ codeHash: string }>(`SELECT "codeHash" FROM "RecoveryCode" WHERE "userId" = $1`, [t.admin.id]);
    expect(stored.map((r) => r.codeHash).join()).not.toContain(enabled.body.recoveryCodes[0].replace("-", ""));
    expect((await api("POST", "/api/v1/account/two-factor/setup", cookie, { password: t.admin.password })).status).toBe(409);

    const audit = await api("GET", `/api/v1/workspaces/${t.workspaceId}/audit`, cookie);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain("user.two_factor_enabled");
  });

  it("then asks for a code after the password: a wrong one counts, a right one signs in once, a used one never again", async () => {
    const user = await createTestUser(`otp-${randomInt(1e9)}@test.local`, "Otp");
    const { secret } = await enableTwoFactorOverHttp(await login(user), user.password);
    const from = address();

    const challenge = await passwordStep(user, from);
    expect((await me(`faultline_2fa=${challenge}`)).status).toBe(401);
    const missing = await submitCode(undefined, "123456", from);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe("sign_in_expired");

    const wrong = await submitCode(challenge, totpCode(secret, Date.now() + 10 * 60_000), from);
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error).toMatchObject({ code: "invalid_code", field: "code", attemptsLeft: 4 });

    const code = await freshTotpCode(user.id, secret);
    const ok = await submitCode(challenge, code.replace(/(\d{3})/, "$1 "), from);
    expect(ok.status).toBe(200);
    const cookies = setCookies(ok);
    expect(cookies.faultline_2fa).toBe("");
    expect((await me(`faultline_session=${cookies.faultline_session}`)).status).toBe(200);

    // The challenge is spent, and the code with it: a new sign-in cannot use it again (replay).
    expect((await (await submitCode(challenge, code, from)).json()).error.code).toBe("sign_in_expired");
    const again = await passwordStep(user, from);
    expect((await (await submitCode(again, code, from)).json()).error.code).toBe("invalid_code");
  });

  it("takes one of two concurrent submissions of the same code", async () => {
    const user = await createTestUser(`race-${randomInt(1e9)}@test.local`, "Race");
    const { secret } = await enableTwoFactorOverHttp(await login(user), user.password);
    const from = address();
    const [a, b] = [await passwordStep(user, from), await passwordStep(user, from)];
    const code = await freshTotpCode(user.id, secret);
    const statuses = (await Promise.all([submitCode(a, code, from), submitCode(b, code, from)])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 401]);
  });

  it("drops a challenge after five wrong codes, and one that has expired", async () => {
    const user = await createTestUser(`wrong-${randomInt(1e9)}@test.local`, "Wrong");
    const { secret } = await enableTwoFactorOverHttp(await login(user), user.password);
    const from = address();
    const challenge = await passwordStep(user, from);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await submitCode(challenge, `00000${i}`, from);
      expect(res.status).toBe(401);
      codes.push((await res.json()).error.code);
    }
    expect(codes).toEqual(["invalid_code", "invalid_code", "invalid_code", "invalid_code", "sign_in_expired"]);
    expect((await (await submitCode(challenge, await freshTotpCode(user.id, secret), from)).json()).error.code).toBe("sign_in_expired");

    const late = await passwordStep(user, from);
    await query(`UPDATE "SignInChallenge" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [user.id]);
    const expired = await submitCode(late, await freshTotpCode(user.id, secret), from);
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.code).toBe("sign_in_expired");
  });

  it("a right password does not wipe the wrong codes: starting the challenge over never buys more guesses than the account limit", async () => {
    const user = await createTestUser(`restart-${randomInt(1e9)}@test.local`, "Restart");
    await enableTwoFactorOverHttp(await login(user), user.password);
    const statuses: number[] = [];
    // The account allows 10 failures in its window: two challenges' five wrong codes each, then no third.
    for (let round = 0; round < 3; round++) {
      const from = address();
      const res = await signInFrom(user.email, user.password, from);
      statuses.push(res.status);
      if (res.status !== 200) break;
      const challenge = setCookies(res).faultline_2fa;
      for (let i = 0; i < 5; i++) expect((await submitCode(challenge, `12345${i}`, from)).status).toBe(401);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("takes a recovery code however it is typed, once, and says how many are left", async () => {
    const user = await createTestUser(`lost-${randomInt(1e9)}@test.local`, "Lost");
    const { recoveryCodes } = await enableTwoFactorOverHttp(await login(user), user.password);
    const from = address();
    const typed = recoveryCodes[3].toUpperCase().replace("-", " ");
    const ok = await submitCode(await passwordStep(user, from), typed, from);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, recoveryCodesLeft: 9 });
    expect((await (await submitCode(await passwordStep(user, from), recoveryCodes[3], from)).json()).error.code).toBe("invalid_code");
    expect((await submitCode(await passwordStep(user, from), recoveryCodes[4], from)).status).toBe(200);
    const [used] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "RecoveryCode" WHERE "userId" = $1 AND "usedAt" IS NOT NULL`, [user.id]);
    expect(used.n).toBe(2);
  });

  it("new recovery codes replace the old ones", async () => {
    const user = await createTestUser(`regen-${randomInt(1e9)}@test.local`, "Regen");
    const cookie = await login(user);
    const { recoveryCodes: old } = await enableTwoFactorOverHttp(cookie, user.password);
    expect((await api("POST", "/api/v1/account/two-factor/recovery-codes", cookie, { password: "wrong" })).status).toBe(422);
    const fresh = await api("POST", "/api/v1/account/two-factor/recovery-codes", cookie, { password: user.password });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    const from = address();
    expect((await submitCode(await passwordStep(user, from), old[0], from)).status).toBe(401);
    expect((await submitCode(await passwordStep(user, from), fresh.body.recoveryCodes[0], from)).status).toBe(200);
  });

  it("a password reset link signs in only after the code (the link replaces the password, not the phone)", async () => {
    const user = await createTestUser(`reset-${randomInt(1e9)}@test.local`, "Reset");
    const { secret } = await enableTwoFactorOverHttp(await login(user), user.password);
    const link = await createPasswordReset({ userId: user.id, createdById: null, origin: BASE_URL });
    const token = link.url.split("/").pop();
    const res = await fetch(`${BASE_URL}/api/v1/password-resets/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password: "a new password 1" }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ twoFactorRequired: true });
    const cookies = setCookies(res);
    expect(cookies.faultline_session).toBeUndefined();
    const from = address();
    const ok = await submitCode(cookies.faultline_2fa, await freshTotpCode(user.id, secret), from);
    expect(ok.status).toBe(200);
    expect((await me(`faultline_session=${setCookies(ok).faultline_session}`)).status).toBe(200);
  });

  it("an invitation accepted with the password of a two-factor account joins only once the code is right; signed in already, no code", async () => {
    const [first, other] = await Promise.all([createTenant("2fa-inv-a"), createTenant("2fa-inv-b")]);
    const user = await createTestUser(`invitee-${randomInt(1e9)}@test.local`, "Invitee");
    const userCookie = await login(user);
    const { secret } = await enableTwoFactorOverHttp(userCookie, user.password);
    const invite = async (tenant: Tenant) =>
      (await api("POST", `/api/v1/workspaces/${tenant.workspaceId}/invitations`, await login(tenant.admin), { email: user.email, role: "viewer" })).body.url.split("/").pop();
    const acceptWithPassword = (token: string) =>
      fetch(`${BASE_URL}/api/v1/invitations/${token}/accept`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": address() }, body: JSON.stringify({ password: user.password }) });
    const membershipIn = async (workspaceId: string) => (await query(`SELECT role FROM "Membership" WHERE "userId" = $1 AND "workspaceId" = $2`, [user.id, workspaceId]))[0] ?? null;
    const acceptedIn = async (workspaceId: string) =>
      (await query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "workspaceId" = $1 AND action IN ('invitation.accepted', 'member.added')`, [workspaceId])).map((r) => r.action);

    const link = await invite(first);
    const accepted = await acceptWithPassword(link);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ twoFactorRequired: true, workspaceId: first.workspaceId, role: "viewer" });
    const cookies = setCookies(accepted);
    expect(cookies.faultline_session).toBeUndefined();
    // The password alone changed nothing: not a member, no acceptance in the workspace's activity, the link still pending.
    expect(await membershipIn(first.workspaceId)).toBeNull();
    expect(await acceptedIn(first.workspaceId)).toEqual([]);
    expect((await api("GET", `/api/v1/invitations/${link}`, null)).status).toBe(200);
    const members = async () => ((await api("GET", `/api/v1/workspaces/${first.workspaceId}/members`, await login(first.admin))).body.items as { email: string }[]).map((m) => m.email);
    expect(await members()).not.toContain(user.email);

    // A wrong code joins nothing either; the right one does, and says where.
    expect((await submitCode(cookies.faultline_2fa, "000000", address())).status).toBe(401);
    expect(await membershipIn(first.workspaceId)).toBeNull();
    const coded = await submitCode(cookies.faultline_2fa, await freshTotpCode(user.id, secret), address());
    expect(coded.status).toBe(200);
    expect(await coded.json()).toMatchObject({ ok: true, joined: { workspaceId: first.workspaceId, role: "viewer" } });
    expect(await membershipIn(first.workspaceId)).toEqual({ role: "viewer" });
    expect((await acceptedIn(first.workspaceId)).sort()).toEqual(["invitation.accepted", "member.added"]);
    expect(await members()).toContain(user.email);
    expect((await api("GET", `/api/v1/invitations/${link}`, null)).status).toBe(410);

    const signedIn = await api("POST", `/api/v1/invitations/${await invite(other)}/accept`, userCookie, {});
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({ ok: true, workspaceId: other.workspaceId });
  });

  it("is turned off with the password and a code; sign-in is then the password alone", async () => {
    const user = await createTestUser(`off-${randomInt(1e9)}@test.local`, "Off");
    const cookie = await login(user);
    const { secret } = await enableTwoFactorOverHttp(cookie, user.password);
    const noCode = await api("DELETE", "/api/v1/account/two-factor", cookie, { password: user.password, code: "000000" });
    expect(noCode.status).toBe(422);
    expect(noCode.body.error.issues[0].path).toBe("code");
    expect(noCode.body.error).toMatchObject({ message: "That code is not valid, or was already used.", field: "code" });
    const off = await api("DELETE", "/api/v1/account/two-factor", cookie, { password: user.password, code: await freshTotpCode(user.id, secret) });
    expect(off.status).toBe(200);
    expect((await api("GET", "/api/v1/account/two-factor", cookie)).body.enabled).toBe(false);
    const [codes] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "RecoveryCode" WHERE "userId" = $1`, [user.id]);
    expect(codes.n).toBe(0);
    expect(setCookies(await signInFrom(user.email, user.password, address())).faultline_session).toBeTruthy();
    expect((await api("DELETE", "/api/v1/account/two-factor", cookie, { password: user.password, code: "000000" })).status).toBe(409);
  });

  it("is managed from a signed-in browser session only, not with an API token", async () => {
    const cookie = await login(t.member);
    const token = await api("POST", "/api/v1/account/tokens", cookie, { name: "ci", scope: "write" });
    expect(token.status).toBe(201);
    const res = await fetch(`${BASE_URL}/api/v1/account/two-factor/setup`, {
      method: "POST",
      headers: { authorization: `Bearer ${token.body.token}`, "content-type": "application/json" },
      body: JSON.stringify({ password: t.member.password }),
    });
    expect(res.status).toBe(403);
    expect((await api("GET", "/api/v1/account/two-factor", null)).status).toBe(401);
  });

  it("a workspace may require it: members without it are kept out (sessions and API tokens) until they turn it on", async () => {
    const w = await createTenant("2fa-req");
    const admin = await login(w.admin);
    const member = await login(w.member);

    const posted = await postEvents(w.key, { type: "KeptOutError", message: "behind two-factor" });
    const issueId = (await posted.json()).accepted[0].groupId as string;

    const first = await api("PATCH", `/api/v1/workspaces/${w.workspaceId}`, admin, { requireTwoFactor: true });
    expect(first.status).toBe(409);
    expect(first.body.error.code).toBe("two_factor_needed_first");
    expect((await api("PATCH", `/api/v1/workspaces/${w.workspaceId}`, admin, {})).status).toBe(422);
    await enableTwoFactorOverHttp(admin, w.admin.password);
    const on = await api("PATCH", `/api/v1/workspaces/${w.workspaceId}`, admin, { requireTwoFactor: true });
    expect(on.status).toBe(200);
    expect(on.body.requireTwoFactor).toBe(true);
    expect((await api("PATCH", `/api/v1/workspaces/${w.workspaceId}`, member, { requireTwoFactor: false })).status).toBe(403);

    const token = (await api("POST", "/api/v1/account/tokens", member, { name: "ci", scope: "read" })).body.token as string;
    const kept = await api("GET", `/api/v1/workspaces/${w.workspaceId}/members`, member);
    expect(kept.status).toBe(403);
    expect(kept.body.error.code).toBe("two_factor_required");
    const byToken = await fetch(`${BASE_URL}/api/v1/workspaces/${w.workspaceId}/members`, { headers: { authorization: `Bearer ${token}` } });
    expect(byToken.status).toBe(403);
    // The issue list and an issue answer the same 403 (naming the workspace), not "not found"; by token too.
    const errors = await api("GET", `/api/v1/errors?workspaceId=${w.workspaceId}`, member);
    expect(errors.status).toBe(403);
    expect(errors.body.error).toMatchObject({ code: "two_factor_required", workspaceId: w.workspaceId });
    const issue = await api("GET", `/api/v1/errors/${issueId}`, member);
    expect(issue.status).toBe(403);
    expect(issue.body.error).toMatchObject({ code: "two_factor_required", workspaceId: w.workspaceId });
    expect((await api("GET", `/api/v1/errors/${issueId}/events`, member)).body.error.code).toBe("two_factor_required");
    const issueByToken = await fetch(`${BASE_URL}/api/v1/errors/${issueId}`, { headers: { authorization: `Bearer ${token}` } });
    expect(issueByToken.status).toBe(403);
    // Someone who is not a member still learns nothing: 404 for the workspace and the issue alike.
    const outsider = await login((await createTenant("2fa-req-out")).admin);
    expect((await api("GET", `/api/v1/errors?workspaceId=${w.workspaceId}`, outsider)).status).toBe(404);
    expect((await api("GET", `/api/v1/errors/${issueId}`, outsider)).status).toBe(404);
    const meBlocked = (await api("GET", "/api/v1/me", member)).body.workspaces.find((x: { id: string }) => x.id === w.workspaceId);
    expect(meBlocked).toMatchObject({ requireTwoFactor: true, twoFactorBlocked: true, projects: [] });

    // The admin sees who has it; a member does not.
    const list = (await api("GET", `/api/v1/workspaces/${w.workspaceId}/members`, admin)).body.items as { id: string; membershipId: string; twoFactor: boolean | null }[];
    expect(Object.fromEntries(list.map((m) => [m.id, m.twoFactor]))).toMatchObject({ [w.admin.id]: true, [w.member.id]: false });

    await enableTwoFactorOverHttp(member, w.member.password);
    expect((await api("GET", `/api/v1/workspaces/${w.workspaceId}/members`, member)).body.items.every((m: { twoFactor: unknown }) => m.twoFactor === null)).toBe(true);
    expect((await fetch(`${BASE_URL}/api/v1/workspaces/${w.workspaceId}/members`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect((await api("GET", "/api/v1/me", member)).body.workspaces.find((x: { id: string }) => x.id === w.workspaceId).twoFactorBlocked).toBe(false);
    expect((await api("GET", `/api/v1/errors/${issueId}`, member)).status).toBe(200);

    // A member kept out may still leave (but not change anything else there).
    const viewerMembership = list.find((m) => m.id === w.viewer.id)!;
    const viewer = await login(w.viewer);
    expect((await api("PATCH", `/api/v1/memberships/${viewerMembership.membershipId}`, viewer, { role: "admin" })).status).toBe(403);
    expect((await api("DELETE", `/api/v1/memberships/${viewerMembership.membershipId}`, viewer)).status).toBe(204);

    const audit = (await api("GET", `/api/v1/workspaces/${w.workspaceId}/audit`, admin)).body.items as { action: string; after: unknown }[];
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: "workspace.updated", after: { requireTwoFactor: true } })]));
  });
});
