import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOidcProvider, type FakeOidcProvider } from "@/e2e/support/fakeOidcProvider";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { query } from "@/e2e/support/dbCounts";
import { setCookies } from "@/e2e/support/twoFactor";
import { totpCode } from "@/lib/twoFactor/totp";

/** Single sign-on against a provider of the test's own, on an app instance configured for it. */
let idp: FakeOidcProvider;
let app: FreshInstance;
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

  it("signs in the account with the provider's verified email and lands where the user was going", async () => {
    const { location, cookies } = await signInWithSso({ sub: "idp-ana", email: "Ana@Acme.test", email_verified: true }, { next: "/errors?ws=x" });
    expect(location).toBe("/errors?ws=x");
    expect(cookies.faultline_oidc).toBe("");
    const me = await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `faultline_session=${cookies.faultline_session}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.email).toBe(email);
  });

  it("refuses, back on the sign-in page with the reason: another browser's state, a forged or misdirected token, an unknown or unverified email, a replayed code", async () => {
    const ok = { sub: "idp-ana", email, email_verified: true };
    const cases: [string, Promise<{ location: string }>, RegExp][] = [
      ["state", signInWithSso(ok, { tamper: (u) => u.replace(/state=[^&]+/, "state=forged") }), /not started in this browser/],
      ["signature", signInWithSso(ok, { signWith: { signWith: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey } }), /ID token was refused: signature/],
      ["nonce", signInWithSso({ ...ok, nonce: "another sign-in" }), /ID token was refused: nonce/],
      ["audience", signInWithSso({ ...ok, aud: "another-app" }), /ID token was refused: not issued for this client/],
      ["unknown", signInWithSso({ ...ok, email: "mallory@elsewhere.test" }), /no Faultline account uses mallory@elsewhere.test/],
      ["unverified", signInWithSso({ ...ok, email_verified: false }), /no verified email/],
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
    const again = await signInWithSso({ sub: "idp-bob", email: "bob@acme.test", email_verified: true });
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

  it("continues at the code step for an account with two-factor sign-in", async () => {
    const login = await fetch(`${app.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    const cookie = `faultline_session=${setCookies(login).faultline_session}`;
    const post = (path: string, body: unknown) => fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
    const { secret } = await (await post("/api/v1/account/two-factor/setup", { password })).json();
    expect((await post("/api/v1/account/two-factor", { code: totpCode(secret, Date.now()) })).status).toBe(200);

    const { location, cookies } = await signInWithSso({ sub: "idp-ana", email, email_verified: true });
    expect(location).toBe("/login?step=two-factor&next=%2Ferrors");
    expect(cookies.faultline_session).toBeUndefined();
    expect(cookies.faultline_2fa).toMatch(/^[\w-]{43}$/);
  });
});
