import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOidcProvider, type FakeOidcProvider } from "@/e2e/support/fakeOidcProvider";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { query } from "@/e2e/support/dbCounts";
import { setCookies } from "@/e2e/support/twoFactor";
import { totpCode } from "@/lib/twoFactor/totp";

/** Single sign-on against a provider of the test's own, on an app instance configured for it. */
let idp: FakeOidcProvider;
let app: FreshInstance;
const MIGRATION = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/migrations/20261208100000_sso_identities/migration.sql"), "utf8");
const email = "ana@acme.test";
const password = "ana's password 1";

/** The browser's side: start, the provider signs the user in, the callback; what the app answers last. */
async function signInWithSso(claims: Record<string, unknown>, options: { next?: string; tamper?: (callback: string) => string; signWith?: Parameters<FakeOidcProvider["authorize"]>[2] } = {}) {
  const start = await fetch(`${app.url}/api/v1/auth/oidc/start?next=${encodeURIComponent(options.next ?? "/errors")}`, { redirect: "manual" });
  expect(start.status).toBe(302);
  const flow = setCookies(start).faultline_oidc;
  expect(flow).toBeTruthy();
  const callback = (options.tamper ?? ((u) => u))(idp.authorize(start.headers.get("location")!, claims, options.signWith));
  const res = await fetch(callback, { redirect: "manual", headers: { cookie: `faultline_oidc=${flow}` } });
  expect(res.status).toBe(302);
  return { location: res.headers.get("location")!, cookies: setCookies(res), callback, flow };
}

const ssoError = (location: string) => new URL(location, app.url).searchParams.get("sso_error");

/** POST /api/v1/auth/login, with a pending single sign-on link cookie when given. */
function login(who: string, pass: string, linkCookie?: string) {
  return fetch(`${app.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(linkCookie && { cookie: `faultline_sso_link=${linkCookie}` }) },
    body: JSON.stringify({ email: who, password: pass }),
  });
}
const meOf = async (session: string | undefined) => (await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `faultline_session=${session}` } })).json();
/** The identities linked to the account of `who`: issuer and subject. */
const identitiesOf = (who: string) =>
  query<{ issuer: string | null; subject: string | null }>(`SELECT i.issuer, i.subject FROM "SsoIdentity" i JOIN "User" u ON u.id = i."userId" WHERE u.email = $1`, [who], app.databaseUrl);

beforeAll(async () => {
  idp = await startFakeOidcProvider({ id: "faultline", secret: "s3cret" });
  app = await startFreshInstance({
    OIDC_ISSUER: idp.url,
    OIDC_CLIENT_ID: "faultline",
    OIDC_CLIENT_SECRET: "s3cret",
    OIDC_NAME: "Acme SSO",
    OIDC_ALLOWED_DOMAINS: "acme.test",
    OIDC_DEFAULT_WORKSPACE: "acme",
    OIDC_DEFAULT_ROLE: "member",
  });
  const setup = await fetch(`${app.url}/api/v1/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Ana", email, password, workspaceName: "Acme", projectName: "Shop" }),
  });
  expect(setup.status).toBe(201);
  // The operator names the workspace people join by its slug (`npm run faultline` prints slugs); this one is "acme".
  await query(`UPDATE "Workspace" SET slug = 'acme'`, [], app.databaseUrl);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await idp?.close();
});

describe("single sign-on (OpenID Connect)", () => {
  it("offers the provider on the sign-in page and sends the browser there with state, nonce and PKCE", async () => {
    expect(await (await fetch(`${app.url}/login`)).text()).toContain("Sign in with Acme SSO");
    const start = await fetch(`${app.url}/api/v1/auth/oidc/start`, { redirect: "manual" });
    const to = new URL(start.headers.get("location")!);
    expect(to.origin + to.pathname).toBe(`${idp.url}/authorize`);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ response_type: "code", client_id: "faultline", scope: "openid email profile", code_challenge_method: "S256", redirect_uri: `${app.url}/api/v1/auth/oidc/callback` });
    for (const p of ["state", "nonce", "code_challenge"]) expect(to.searchParams.get(p)).toMatch(/^[\w-]{43}$/);
    expect(start.headers.getSetCookie()[0]).toMatch(/faultline_oidc=.+; Path=\/api\/v1\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600/);
  });

  it("asks an account with a password for it once before single sign-on signs in to it, then goes straight in and lands where the user was going", async () => {
    // The email alone opens nothing: the sign-in page's link step, with a sealed pending link.
    const first = await signInWithSso({ sub: "idp-ana", email: "Ana@Acme.test", email_verified: true }, { next: "/errors?ws=x" });
    expect(first.location).toBe("/login?step=link-sso&next=%2Ferrors%3Fws%3Dx");
    expect(first.cookies.faultline_session).toBeUndefined();
    expect(first.cookies.faultline_oidc).toBe("");
    const link = first.cookies.faultline_sso_link;
    expect(link).toMatch(/^v1:/);
    expect(link).not.toContain("ana");
    const page = await (await fetch(`${app.url}/login?step=link-sso`, { headers: { cookie: `faultline_sso_link=${link}` } })).text();
    expect(page).toContain("Link Acme SSO");
    expect(page).toMatch(/An account with <span[^>]*>ana@acme\.test<\/span> already exists\. Enter its password once to link (<!-- -->)?Acme SSO(<!-- -->)? to it\./);
    // Without the cookie (another browser, or expired) the page names no account.
    expect(await (await fetch(`${app.url}/login?step=link-sso`)).text()).not.toContain("ana@acme.test");

    const wrong = await login(email, "not ana's password", link);
    expect(wrong.status).toBe(401);
    expect(await identitiesOf(email)).toEqual([]);
    const linked = await login(email, password, link);
    expect(linked.status).toBe(200);
    expect(setCookies(linked).faultline_sso_link).toBe("");
    expect((await meOf(setCookies(linked).faultline_session)).user.email).toBe(email);
    expect(await identitiesOf(email)).toEqual([{ issuer: idp.url, subject: "idp-ana" }]);
    const [entry] = await query<{ actorType: string; after: Record<string, string> }>(`SELECT "actorType", after FROM "AuditLog" WHERE action = 'user.sso_linked'`, [], app.databaseUrl);
    expect(entry).toEqual({ actorType: "user", after: { issuer: idp.url, subject: "idp-ana", via: "password" } });

    const { location, cookies } = await signInWithSso({ sub: "idp-ana", email: "Ana@Acme.test", email_verified: true }, { next: "/errors?ws=x" });
    expect(location).toBe("/errors?ws=x");
    expect(cookies.faultline_oidc).toBe("");
    expect(cookies.faultline_sso_link).toBeUndefined();
    expect((await meOf(cookies.faultline_session)).user.email).toBe(email);
  });

  it("refuses, back on the sign-in page with the reason: another browser's state, a forged or misdirected token, an unknown or unverified email, a replayed code", async () => {
    const ok = { sub: "idp-ana", email, email_verified: true };
    // Another subject of the provider: idp-ana is linked, and a linked identity signs in whatever its email now.
    const stranger = { ...ok, sub: "idp-stranger" };
    const cases: [string, Promise<{ location: string }>, RegExp][] = [
      ["state", signInWithSso(ok, { tamper: (u) => u.replace(/state=[^&]+/, "state=forged") }), /not started in this browser/],
      ["signature", signInWithSso(ok, { signWith: { signWith: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey } }), /ID token was refused: signature/],
      ["nonce", signInWithSso({ ...ok, nonce: "another sign-in" }), /ID token was refused: nonce/],
      ["audience", signInWithSso({ ...ok, aud: "another-app" }), /ID token was refused: not issued for this client/],
      ["unknown", signInWithSso({ ...stranger, email: "mallory@elsewhere.test" }), /no Faultline account uses mallory@elsewhere.test/],
      ["unverified", signInWithSso({ ...stranger, email_verified: false }), /no verified email/],
    ];
    for (const [name, attempt, reason] of cases) {
      const { location } = await attempt;
      expect(location, name).toMatch(/^\/login\?sso_error=/);
      expect(ssoError(location), name).toMatch(reason);
    }
    const used = await signInWithSso(ok);
    expect(used.location).toBe("/errors");
    const replay = await fetch(used.callback, { redirect: "manual", headers: { cookie: `faultline_oidc=${used.flow}` } });
    expect(ssoError(replay.headers.get("location")!)).toMatch(/did not take the authorization code/);
    const denied = await fetch(`${app.url}/api/v1/auth/oidc/callback?error=access_denied&error_description=${encodeURIComponent("user cancelled")}&state=x`, { redirect: "manual" });
    expect(ssoError(denied.headers.get("location")!)).toMatch(/not started in this browser/);
  });

  it("gives someone of an allowed domain an account at their first sign-in, in the configured workspace and role, once", async () => {
    const first = await signInWithSso({ sub: "idp-bob", email: "bob@acme.test", email_verified: true, name: "Bob Builder" });
    expect(first.location).toBe("/errors");
    const me = await (await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `faultline_session=${first.cookies.faultline_session}` } })).json();
    expect(me.user).toMatchObject({ email: "bob@acme.test", name: "Bob Builder" });
    expect(me.workspaces).toEqual([expect.objectContaining({ name: "Acme", role: "member" })]);
    expect(await identitiesOf("bob@acme.test")).toEqual([{ issuer: idp.url, subject: "idp-bob" }]);
    // The second time straight in: the identity made with the account signs it in.
    const again = await signInWithSso({ sub: "idp-bob", email: "bob@acme.test", email_verified: true });
    expect(again.location).toBe("/errors");
    const meAgain = await (await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `faultline_session=${again.cookies.faultline_session}` } })).json();
    expect(meAgain.user.id).toBe(me.user.id);
    // An unverified address of the domain gets nothing.
    expect(ssoError((await signInWithSso({ sub: "idp-eve", email: "eve@acme.test", email_verified: false })).location)).toMatch(/no verified email/);
  });

  it("accepts invitations by single sign-on: a new person from outside the allowed domains gets an account and joins; an existing account comes back signed in and joins without a password", async () => {
    const login = await fetch(`${app.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    const admin = `faultline_session=${setCookies(login).faultline_session}`;
    const acme = (await (await fetch(`${app.url}/api/v1/me`, { headers: { cookie: admin } })).json()).workspaces.find((w: { name: string }) => w.name === "Acme").id as string;
    const invite = async (workspaceId: string, to: string, role: string) => {
      const res = await fetch(`${app.url}/api/v1/workspaces/${workspaceId}/invitations`, { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body: JSON.stringify({ email: to, role }) });
      expect(res.status).toBe(201);
      return new URL((await res.json()).url).pathname; // /invite/<token>
    };
    const me = async (session: string | undefined) => (await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `faultline_session=${session}` } })).json();

    // Not invited, not of an allowed domain: no account. Invited: an account, the invitation accepted with its role.
    expect(ssoError((await signInWithSso({ sub: "idp-carol", email: "carol@partner.test", email_verified: true })).location)).toMatch(/no Faultline account uses carol@partner.test/);
    const carolInvite = await invite(acme, "carol@partner.test", "viewer");
    const carol = await signInWithSso({ sub: "idp-carol", email: "carol@partner.test", email_verified: true, name: "Carol" }, { next: carolInvite });
    expect(carol.location).toBe(`/?ws=${acme}`);
    const carolMe = await me(carol.cookies.faultline_session);
    expect(carolMe.user).toMatchObject({ email: "carol@partner.test", name: "Carol" });
    expect(carolMe.workspaces).toEqual([expect.objectContaining({ id: acme, role: "viewer" })]);
    expect((await fetch(`${app.url}/api/v1${carolInvite.replace("/invite/", "/invitations/")}`)).status).toBe(410);
    const [accepted] = await query<{ action: string; after: { via?: string } }>(`SELECT action, after FROM "AuditLog" WHERE action = 'invitation.accepted' AND after->>'email' = 'carol@partner.test'`, [], app.databaseUrl);
    expect(accepted.after.via).toBe("single sign-on");

    // An expired or withdrawn invitation opens nothing.
    await invite(acme, "dan@partner.test", "member");
    await query(`UPDATE "Invitation" SET "expiresAt" = now() - interval '1 minute' WHERE email = 'dan@partner.test'`, [], app.databaseUrl);
    expect(ssoError((await signInWithSso({ sub: "idp-dan", email: "dan@partner.test", email_verified: true })).location)).toMatch(/no Faultline account uses dan@partner.test/);

    // Carol, who has no password she knows, is invited to a second workspace: she signs in with the
    // provider from the invitation's page, comes back to it signed in, and joins with no password.
    const other = await (await fetch(`${app.url}/api/v1/workspaces`, { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body: JSON.stringify({ name: "Partners" }) })).json();
    const secondInvite = await invite(other.id, "carol@partner.test", "member");
    const back = await signInWithSso({ sub: "idp-carol", email: "carol@partner.test", email_verified: true }, { next: secondInvite });
    expect(back.location).toBe(secondInvite);
    const session = `faultline_session=${back.cookies.faultline_session}`;
    const described = `${app.url}/api/v1${secondInvite.replace("/invite/", "/invitations/")}`;
    expect(await (await fetch(described)).json()).toMatchObject({ hasAccount: true, signedInAsInvitee: false });
    expect(await (await fetch(described, { headers: { cookie: session } })).json()).toMatchObject({ hasAccount: true, signedInAsInvitee: true, workspaceName: "Partners" });
    expect(await (await fetch(described, { headers: { cookie: admin } })).json()).toMatchObject({ signedInAsInvitee: false });
    const join = await fetch(`${described}/accept`, { method: "POST", headers: { "content-type": "application/json", cookie: session }, body: "{}" });
    expect(join.status).toBe(200);
    expect((await me(setCookies(join).faultline_session)).workspaces.map((w: { name: string; role: string }) => `${w.name}:${w.role}`).sort()).toEqual(["Acme:viewer", "Partners:member"]);
  });

  it("refuses a pre-claimed account: one made with the victim's address and someone else's password is not signed in by the victim's single sign-on", async () => {
    const anaToken = setCookies(await login(email, password)).faultline_session;
    const ana = `faultline_session=${anaToken}`;
    const post = (cookie: string, path: string, body: unknown) => fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
    const acme = (await meOf(anaToken)).workspaces.find((w: { name: string }) => w.name === "Acme").id as string;
    const accept = (url: string, body: unknown) => post("", `/api/v1${new URL(url).pathname.replace("/invite/", "/invitations/")}/accept`, body);

    // Mallory, any signed-in user: a workspace of her own, an invitation to the victim's address
    // whose link she copies (no SMTP: admins copy links), accepted by herself with a password of hers.
    const malloryInvite = await (await post(ana, `/api/v1/workspaces/${acme}/invitations`, { email: "mallory@elsewhere.test", role: "viewer" })).json();
    const mallory = `faultline_session=${setCookies(await accept(malloryInvite.url, { name: "Mallory", password: "mallory's password" })).faultline_session}`;
    const trap = await (await post(mallory, "/api/v1/workspaces", { name: "Trap" })).json();
    const trapInvite = await (await post(mallory, `/api/v1/workspaces/${trap.id}/invitations`, { email: "vic@corp.test", role: "viewer" })).json();
    expect((await accept(trapInvite.url, { name: "Vic", password: "pre-claimed by mallory" })).status).toBe(200);

    // The victim is invited to the real workspace and signs in with the provider from its page: the
    // account with their address is not signed in (before, it was: the invitation then joined it and
    // Mallory read Acme with her password), the invitation stays pending.
    const realInvite = await (await post(ana, `/api/v1/workspaces/${acme}/invitations`, { email: "vic@corp.test", role: "member" })).json();
    const invitePath = new URL(realInvite.url).pathname;
    const victim = await signInWithSso({ sub: "idp-vic", email: "vic@corp.test", email_verified: true }, { next: invitePath });
    expect(victim.location).toBe(`/login?step=link-sso&next=${encodeURIComponent(invitePath)}`);
    expect(victim.cookies.faultline_session).toBeUndefined();
    expect(await identitiesOf("vic@corp.test")).toEqual([]);
    expect(await (await fetch(`${app.url}/api/v1${invitePath.replace("/invite/", "/invitations/")}`)).json()).toMatchObject({ hasAccount: true, signedInAsInvitee: false });

    // Only the account's password links it; the pending link names the account, so another
    // account's password signs in to that account and links nothing.
    const link = victim.cookies.faultline_sso_link;
    expect((await login("vic@corp.test", "a guess", link)).status).toBe(401);
    expect((await login("mallory@elsewhere.test", "mallory's password", link)).status).toBe(200);
    expect(await identitiesOf("mallory@elsewhere.test")).toEqual([]);
    expect(await identitiesOf("vic@corp.test")).toEqual([]);
    const again = await signInWithSso({ sub: "idp-vic", email: "vic@corp.test", email_verified: true });
    expect((await login("vic@corp.test", "pre-claimed by mallory", again.cookies.faultline_sso_link)).status).toBe(200);
    expect(await identitiesOf("vic@corp.test")).toEqual([{ issuer: idp.url, subject: "idp-vic" }]);

    // Linked: straight in, found by `sub` whatever the provider's email says now (the account keeps its own).
    const later = await signInWithSso({ sub: "idp-vic", email: "victor@corp.test", email_verified: true });
    expect(later.location).toBe("/errors");
    expect((await meOf(later.cookies.faultline_session)).user.email).toBe("vic@corp.test");
    // Another subject with that email is not this identity: asked for the password again.
    const other = await signInWithSso({ sub: "idp-someone-else", email: "vic@corp.test", email_verified: true });
    expect(other.location).toBe("/login?step=link-sso&next=%2Ferrors");
    expect(other.cookies.faultline_session).toBeUndefined();

    // Linking is a sign-in like any other: wrong passwords count, and past the limit even the right one waits.
    let status = 0;
    for (let i = 0; i < 30 && status !== 429; i++) status = (await login("vic@corp.test", `guess ${i}`, other.cookies.faultline_sso_link)).status;
    expect(status).toBe(429);
    expect((await login("vic@corp.test", "pre-claimed by mallory", other.cookies.faultline_sso_link)).status).toBe(429);
    expect(await identitiesOf("vic@corp.test")).toEqual([{ issuer: idp.url, subject: "idp-vic" }]);

    // A reset link sets a password someone else may know (Mallory still administers every workspace
    // of the account): it unlinks single sign-on, so the next one asks for the new password instead
    // of letting the victim work on unaware.
    const members = (await (await fetch(`${app.url}/api/v1/workspaces/${trap.id}/members`, { headers: { cookie: mallory } })).json()).items as { email: string; membershipId: string }[];
    const reset = await (await post(mallory, `/api/v1/memberships/${members.find((m) => m.email === "vic@corp.test")!.membershipId}/password-reset`, {})).json();
    expect((await post("", `/api/v1/password-resets/${reset.url.split("/").pop()}`, { password: "mallory's again" })).status).toBe(200);
    expect(await identitiesOf("vic@corp.test")).toEqual([]);
    const [resetEntry] = await query<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditLog" WHERE action = 'user.password_reset' AND "workspaceId" = $1`, [trap.id], app.databaseUrl);
    expect(resetEntry.after).toMatchObject({ via: "admin link", singleSignOnUnlinked: 1 });
    expect((await signInWithSso({ sub: "idp-vic", email: "vic@corp.test", email_verified: true })).location).toBe("/login?step=link-sso&next=%2Ferrors");
  });

  it("backfills only accounts the database records as made by single sign-on: they sign in by verified email once, then by identity", async () => {
    // As on an instance upgraded to identities: none kept yet, then the migration's backfill.
    await query(`DELETE FROM "SsoIdentity"`, [], app.databaseUrl);
    await query(MIGRATION.slice(MIGRATION.indexOf(`INSERT INTO "SsoIdentity"`)), [], app.databaseUrl);
    const rows = await query<{ email: string; issuer: string | null; subject: string | null }>(
      `SELECT u.email, i.issuer, i.subject FROM "SsoIdentity" i JOIN "User" u ON u.id = i."userId" ORDER BY u.email`,
      [],
      app.databaseUrl,
    );
    // Bob joined the default workspace at his first sign-in, Carol accepted an invitation with it; Ana
    // (setup), Mallory and Vic (invitation links, with passwords) are not made by single sign-on.
    expect(rows).toEqual([
      { email: "bob@acme.test", issuer: null, subject: null },
      { email: "carol@partner.test", issuer: null, subject: null },
    ]);

    const bob = await signInWithSso({ sub: "idp-bob", email: "bob@acme.test", email_verified: true });
    expect(bob.location).toBe("/errors");
    expect((await meOf(bob.cookies.faultline_session)).user.email).toBe("bob@acme.test");
    expect(await identitiesOf("bob@acme.test")).toEqual([{ issuer: idp.url, subject: "idp-bob" }]);
    const [claimed] = await query<{ after: Record<string, string> }>(`SELECT after FROM "AuditLog" WHERE action = 'user.sso_linked' AND after->>'subject' = 'idp-bob'`, [], app.databaseUrl);
    expect(claimed.after.via).toBe("account made by single sign-on");
    // Claimed once: another subject with Bob's email is asked for the password.
    expect((await signInWithSso({ sub: "idp-bob-2", email: "bob@acme.test", email_verified: true })).location).toBe("/login?step=link-sso&next=%2Ferrors");
    // Ana has no backfilled row: her password links her again.
    const ana = await signInWithSso({ sub: "idp-ana", email, email_verified: true });
    expect(ana.location).toBe("/login?step=link-sso&next=%2Ferrors");
    expect((await login(email, password, ana.cookies.faultline_sso_link)).status).toBe(200);
    expect(await identitiesOf(email)).toEqual([{ issuer: idp.url, subject: "idp-ana" }]);
  });

  it("continues at the code step for an account with two-factor sign-in, and links one only after the code", async () => {
    const post = (cookie: string, path: string, body: unknown) => fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
    const enableTwoFactor = async (who: string, pass: string) => {
      const cookie = `faultline_session=${setCookies(await login(who, pass)).faultline_session}`;
      const { secret } = await (await post(cookie, "/api/v1/account/two-factor/setup", { password: pass })).json();
      expect((await post(cookie, "/api/v1/account/two-factor", { code: totpCode(secret, Date.now()) })).status).toBe(200);
      return secret as string;
    };
    // Dora: a password and two-factor sign-in, no identity yet (invited by Ana before Ana turns it on too).
    const anaToken = setCookies(await login(email, password)).faultline_session;
    const acme = (await meOf(anaToken)).workspaces.find((w: { name: string }) => w.name === "Acme").id as string;
    const invite = await (await post(`faultline_session=${anaToken}`, `/api/v1/workspaces/${acme}/invitations`, { email: "dora@partner.test", role: "viewer" })).json();
    const accepted = await post("", `/api/v1${new URL(invite.url).pathname.replace("/invite/", "/invitations/")}/accept`, { name: "Dora", password: "dora's password" });
    expect(accepted.status).toBe(200);
    const doraSecret = await enableTwoFactor("dora@partner.test", "dora's password");
    await enableTwoFactor(email, password);

    const { location, cookies } = await signInWithSso({ sub: "idp-ana", email, email_verified: true });
    expect(location).toBe("/login?step=two-factor&next=%2Ferrors");
    expect(cookies.faultline_session).toBeUndefined();
    expect(cookies.faultline_2fa).toMatch(/^[\w-]{43}$/);

    const first = await signInWithSso({ sub: "idp-dora", email: "dora@partner.test", email_verified: true });
    expect(first.location).toBe("/login?step=link-sso&next=%2Ferrors");
    const password1 = await login("dora@partner.test", "dora's password", first.cookies.faultline_sso_link);
    expect(await password1.json()).toMatchObject({ twoFactorRequired: true });
    const challenge = setCookies(password1).faultline_2fa;
    expect(setCookies(password1).faultline_session).toBeUndefined();
    expect(await identitiesOf("dora@partner.test")).toEqual([]);
    const submit = (code: string) => post(`faultline_2fa=${challenge}`, "/api/v1/auth/two-factor", { code });
    // The code enabling it was this 30-second step's: as if it had been used a minute ago.
    await query(`UPDATE "TwoFactor" t SET "lastUsedStep" = "lastUsedStep" - 4 FROM "User" u WHERE u.id = t."userId" AND u.email = 'dora@partner.test'`, [], app.databaseUrl);
    const code = totpCode(doraSecret, Date.now());
    expect((await submit(code === "000000" ? "111111" : "000000")).status).toBe(401);
    expect(await identitiesOf("dora@partner.test")).toEqual([]);
    const signedIn = await submit(code);
    expect(signedIn.status).toBe(200);
    expect((await meOf(setCookies(signedIn).faultline_session)).user.email).toBe("dora@partner.test");
    expect(await identitiesOf("dora@partner.test")).toEqual([{ issuer: idp.url, subject: "idp-dora" }]);
    // Linked: the next single sign-on goes to the code step, not the password.
    expect((await signInWithSso({ sub: "idp-dora", email: "dora@partner.test", email_verified: true })).location).toBe("/login?step=two-factor&next=%2Ferrors");
  });

  it("shows the linked identity on the account and unlinks it: the next single sign-on asks for the password again", async () => {
    const bob = await signInWithSso({ sub: "idp-bob", email: "bob@acme.test", email_verified: true });
    const cookie = `faultline_session=${bob.cookies.faultline_session}`;
    const status = await (await fetch(`${app.url}/api/v1/account/single-sign-on`, { headers: { cookie } })).json();
    expect(status).toEqual({ provider: "Acme SSO", identities: [{ issuer: idp.url, linkedAt: expect.any(String), lastUsedAt: expect.any(String) }] });
    expect(Date.parse(status.identities[0].lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);

    const unlinked = await fetch(`${app.url}/api/v1/account/single-sign-on`, { method: "DELETE", headers: { cookie } });
    expect(await unlinked.json()).toEqual({ unlinked: 1 });
    expect(await identitiesOf("bob@acme.test")).toEqual([]);
    const [entry] = await query<{ before: Record<string, string> }>(`SELECT before FROM "AuditLog" WHERE action = 'user.sso_unlinked'`, [], app.databaseUrl);
    expect(entry.before).toEqual({ issuer: idp.url, subject: "idp-bob" });
    expect(await (await fetch(`${app.url}/api/v1/account/single-sign-on`, { headers: { cookie } })).json()).toEqual({ provider: "Acme SSO", identities: [] });
    expect((await signInWithSso({ sub: "idp-bob", email: "bob@acme.test", email_verified: true })).location).toBe("/login?step=link-sso&next=%2Ferrors");
  });
});
