import { randomInt } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFreshInstance, type FreshInstance } from "@/e2e/support/freshInstance";
import { startSmtpSink, type SmtpSink, type SunkMail } from "@/e2e/support/smtpSink";
import { BASE_URL, createTenant } from "@/e2e/support/tenant";
import { setCookies } from "@/e2e/support/twoFactor";
import { totpCode } from "@/lib/twoFactor/totp";

/** A documentation address (TEST-NET-3) per scenario, so the per-address limit counts scenarios apart. */
const address = () => `203.0.113.${randomInt(1, 255)}`;
const PUBLIC_URL = "https://faultline.test";
const LINK = /https:\/\/faultline\.test\/reset-password\/([A-Za-z0-9_-]{43})/;

/**
 * "Forgot password?" on an app of its own that sends email (SMTP_URL: a sink; PUBLIC_URL: the links'
 * origin) with a per-address limit of 6 an hour (the per-email one is the default 3).
 */
describe("forgot password: a reset link by email", { timeout: 180_000 }, () => {
  let app: FreshInstance;
  let sink: SmtpSink;
  const ann = { email: "ann@forgot.test", password: "ann's first password" };
  let annCookie: string;

  beforeAll(async () => {
    sink = await startSmtpSink();
    app = await startFreshInstance({
      SMTP_URL: sink.url(),
      SMTP_FROM: "Faultline <faultline@forgot.test>",
      PUBLIC_URL,
      PASSWORD_RESET_EMAILS_PER_ADDRESS: "6",
      NOTIFICATION_EMAIL_INTERVAL_MS: "0",
    });
    const setup = await fetch(`${app.url}/api/v1/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ann", ...ann, workspaceName: "Forgot", projectName: "App" }),
    });
    expect(setup.status).toBe(201);
    annCookie = setup.headers.get("set-cookie")!.split(";")[0];
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
  });

  const forgot = (email: unknown, from: string, base = app.url) =>
    fetch(`${base}/api/v1/auth/forgot-password`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": from }, body: JSON.stringify({ email }) });
  const signIn = (email: string, password: string) =>
    fetch(`${app.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": address() }, body: JSON.stringify({ email, password }) });
  const tokenOf = (mail: SunkMail) => {
    const token = LINK.exec(mail.text)?.[1];
    expect(token, "the mail's link").toBeTruthy();
    return token!;
  };
  const resetWith = (token: string, password: string) =>
    fetch(`${app.url}/api/v1/password-resets/${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password }) });

  it("the sign-in page offers the form here, and tells to ask an admin where the server sends no email", async () => {
    const here = await (await fetch(`${app.url}/login`)).text();
    expect(here).toContain("Forgot password?");
    expect(here).not.toContain("Ask a workspace admin for a reset link");
    // The shared app signs in only once it has an account (before, /login leads to the first-run setup).
    await createTenant("forgot-shared");
    const shared = await (await fetch(`${BASE_URL}/login`)).text();
    expect(shared).toContain("Ask a workspace admin for a reset link");
    // The shared test app has no SMTP_URL: the route says so instead of pretending to send.
    const unavailable = await forgot(ann.email, address(), BASE_URL);
    expect(unavailable.status).toBe(503);
    expect((await unavailable.json()).error.code).toBe("email_unavailable");
  });

  it("answers an unknown email and a known one alike; only the account gets a mail, whose link resets the password once", async () => {
    const from = address();
    const unknown = await forgot("nobody@forgot.test", from);
    const known = await forgot("  ANN@forgot.test ", from);
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(await unknown.json()).toEqual(await known.json());

    const [mail] = await sink.waitFor(1);
    expect(mail.to).toEqual([ann.email]);
    expect(mail.subject).toBe("Reset your Faultline password (faultline.test)");
    expect(mail.text).toContain(`client address ${from}`);
    expect(mail.text).toContain("ignore this email");
    const token = tokenOf(mail);
    expect(mail.raw).toContain("text/html");

    const described = await fetch(`${app.url}/api/v1/password-resets/${token}`);
    expect(described.status).toBe(200);
    expect((await described.json()).email).toBe(ann.email);

    const reset = await resetWith(token, "ann's second password");
    expect(reset.status).toBe(200);
    expect(setCookies(reset).faultline_session).toBeTruthy();
    // The session Ann had before is gone; the new password signs in, the old one does not.
    expect((await fetch(`${app.url}/api/v1/me`, { headers: { cookie: annCookie } })).status).toBe(401);
    expect((await signIn(ann.email, "ann's second password")).status).toBe(200);
    expect((await signIn(ann.email, ann.password)).status).toBe(401);

    const again = await resetWith(token, "someone else's password");
    expect(again.status).toBe(410);
    expect((await again.json()).error.code).toBe("reset_used");
    expect((await signIn(ann.email, "ann's second password")).status).toBe(200);
  });

  it("a new request voids the previous emailed link; past 3 an hour per email, 429 with Retry-After; two-factor sign-in still asks for its code", async () => {
    // Ann turns two-factor sign-in on first.
    const signedIn = await signIn(ann.email, "ann's second password");
    const cookie = setCookies(signedIn).faultline_session;
    const call = (path: string, body: unknown) =>
      fetch(`${app.url}${path}`, { method: "POST", headers: { "content-type": "application/json", cookie: `faultline_session=${cookie}` }, body: JSON.stringify(body) });
    const setup = (await (await call("/api/v1/account/two-factor/setup", { password: "ann's second password" })).json()) as { secret: string };
    const enabled = await call("/api/v1/account/two-factor", { code: totpCode(setup.secret, Date.now()) });
    expect(enabled.status).toBe(200);
    const { recoveryCodes } = (await enabled.json()) as { recoveryCodes: string[] };

    const before = sink.mails.length;
    expect((await forgot(ann.email, address())).status).toBe(202);
    await sink.waitFor(before + 1);
    expect((await forgot(ann.email, address())).status).toBe(202);
    await sink.waitFor(before + 2);
    const [first, second] = sink.mails.slice(before);
    expect([first.to, second.to]).toEqual([[ann.email], [ann.email]]);

    const voided = await resetWith(tokenOf(first), "a third password here");
    expect(voided.status).toBe(410);
    expect((await voided.json()).error.code).toBe("reset_expired");

    // The fourth request for Ann this hour (from yet another address) is refused, whoever asks.
    const limited = await forgot(ann.email, address());
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await limited.json()).error).toMatchObject({ code: "too_many_reset_emails", limit: "email", max: 3 });

    // The latest link still works, and ends in the code step: it replaces the password, not the phone.
    const reset = await resetWith(tokenOf(second), "a fourth password here");
    expect(reset.status).toBe(200);
    expect(await reset.json()).toMatchObject({ twoFactorRequired: true });
    const challenge = setCookies(reset);
    expect(challenge.faultline_session).toBeUndefined();
    const code = await fetch(`${app.url}/api/v1/auth/two-factor`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `faultline_2fa=${challenge.faultline_2fa}` },
      body: JSON.stringify({ code: recoveryCodes[0] }),
    });
    expect(code.status).toBe(200);
    expect(setCookies(code).faultline_session).toBeTruthy();
    expect((await fetch(`${app.url}/api/v1/me`, { headers: { cookie: `faultline_session=${cookie}` } })).status).toBe(401);
    expect(await (await signIn(ann.email, "a fourth password here")).json()).toMatchObject({ twoFactorRequired: true });
  });

  it("past 6 requests an hour from one client address, 429 naming the address limit", async () => {
    const from = address();
    for (let i = 0; i < 6; i++) expect((await forgot(`nobody-${i}@forgot.test`, from)).status).toBe(202);
    const limited = await forgot("nobody-6@forgot.test", from);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await limited.json()).error).toMatchObject({ code: "too_many_reset_emails", limit: "address", max: 6 });
    // Another address still asks.
    expect((await forgot("nobody-6@forgot.test", address())).status).toBe(202);
  });

  it("a malformed email is refused naming `email`; no mail ever went to an unknown address, and no token to the log", async () => {
    for (const email of ["not an email", "", 42]) {
      const res = await forgot(email, address());
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { issues: { path: string }[] } };
      expect(body.error.issues.map((i) => i.path)).toEqual(["email"]);
    }
    // Every mail of this file is a reset link for Ann: none went to the unknown addresses asked for.
    expect(sink.mails.map((m) => [m.subject, m.to])).toEqual(sink.mails.map(() => ["Reset your Faultline password (faultline.test)", [ann.email]]));
    // The app's log names the sends, never a link's token.
    const log = fs.readFileSync(path.join(import.meta.dirname, "..", "..", ".faultline", `fresh-app-${new URL(app.url).port}.log`), "utf8");
    expect(log).toContain("password reset email sent");
    for (const mail of sink.mails) expect(log).not.toContain(tokenOf(mail));
  });
});
