"use client";

import { useState, type FormEvent } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { ForgotPasswordForm } from "@/components/auth/ForgotPasswordForm";
import { LinkSsoHelp } from "@/components/auth/LinkSsoHelp";
import { TwoFactorStep } from "@/components/auth/TwoFactorStep";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import type { SignInAnswer } from "@/lib/auth/signInResponse";
import { safeNext } from "@/lib/text/safeNext";
import { apiFetch } from "@/lib/client/apiFetch";
import { signInButton, signInField } from "@/components/auth/signInStyles";

/**
 * /login — email and password (or the single sign-on provider, `sso` naming it), then (two-factor
 * accounts, or `?step=two-factor` after a reset link, an invitation or single sign-on) a code.
 * `?step=link-sso`: single sign-on found the account `linkEmail` by its email only, so its password
 * links the provider first (the pending link travels in a cookie; null: it expired).
 * "Forgot password?" under the password: a form that emails a reset link when `resetByEmail` (the
 * server sends email), else a note to ask a workspace admin for a link.
 */
export function LoginForm({ sso, linkEmail, resetByEmail }: { sso: string | null; linkEmail: string | null; resetByEmail: boolean }) {
  const router = useRouter();
  const params = useSearchParams();
  const linkStep = params.get("step") === "link-sso";
  // The provider to link, in the link step with its pending link still there.
  const linkTo = linkStep && linkEmail !== null ? sso : null;
  const linking = linkTo !== null;
  const linkExpired = linkStep && !linking ? `this link to ${sso ?? "single sign-on"} has expired (10 minutes): sign in with it again` : null;
  const [email, setEmail] = useState(linkTo !== null && linkEmail !== null ? linkEmail : "");
  const [password, setPassword] = useState("");
  const { busy, error, setError, run } = useSubmit(params.get("sso_error") ?? linkExpired);
  const [step, setStep] = useState<"password" | "code" | "forgot">(params.get("step") === "two-factor" ? "code" : "password");

  function done(recoveryCodesLeft?: number) {
    const next = safeNext(params.get("next"));
    // Few recovery codes left after using one: the account page says so and offers new ones.
    router.replace(recoveryCodesLeft !== undefined && recoveryCodesLeft <= 3 ? "/account" : next);
    router.refresh();
  }

  function openForgotPassword() {
    setError(null);
    setStep("forgot");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const answer = await apiFetch<SignInAnswer>("/api/v1/auth/login", { method: "POST", json: { email, password } });
      if (answer.twoFactorRequired) {
        setStep("code");
        return;
      }
      done();
      return STAY_BUSY;
    }, "sign-in failed");
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-4 rounded-xl bg-white p-8 shadow dark:bg-gray-900">
        <div>
          <h1 className="text-xl font-semibold">
            {step === "code" ? "Two-factor sign-in" : step === "forgot" ? "Reset your password" : linking ? `Link ${linkTo}` : "Sign in to Faultline"}
          </h1>
          <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
            {step === "code" ? (
              "Enter the code your authenticator app shows for Faultline."
            ) : step === "forgot" ? (
              "Enter the email of your account: we send a link to set a new password."
            ) : linking ? (
              <>
                An account with <span className="font-medium text-gray-700 dark:text-gray-200">{linkEmail}</span> already exists. Enter its password once to link {linkTo} to it.
              </>
            ) : (
              "Error tracking for your team"
            )}
          </p>
        </div>
        {step === "forgot" ? (
          <ForgotPasswordForm
            initialEmail={email}
            onBack={() => {
              setError(null);
              setStep("password");
            }}
          />
        ) : step === "code" ? (
          <TwoFactorStep
            onSignedIn={done}
            onExpired={(message) => {
              setStep("password");
              setPassword("");
              setError(message);
            }}
          />
        ) : (
          <form onSubmit={submit} className="space-y-4">
            <label className="block text-sm">
              <span className="text-gray-700 dark:text-gray-300">Email</span>
              <input
                type="email"
                name="email"
                autoComplete="username"
                required
                readOnly={linking}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                className={`${signInField} read-only:bg-gray-50 read-only:text-gray-600 dark:read-only:bg-gray-800/60 dark:read-only:text-gray-400`}
              />
            </label>
            <div className="text-sm">
              <label className="block">
                <span className="text-gray-700 dark:text-gray-300">Password</span>
                <input
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  autoFocus={linking}
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  className={signInField}
                />
              </label>
              {linking ? null : resetByEmail ? (
                <button type="button" onClick={openForgotPassword} className="mt-1 text-blue-700 underline dark:text-blue-400">
                  Forgot password?
                </button>
              ) : (
                <p className="mt-1 text-gray-500 dark:text-gray-400">Forgot password? Ask a workspace admin for a reset link.</p>
              )}
            </div>
            {error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy} className={signInButton}>
              {linking ? (busy ? "Linking…" : "Link and sign in") : busy ? "Signing in…" : "Sign in"}
            </button>
            {linking ? (
              <LinkSsoHelp sso={linkTo} onForgotPassword={resetByEmail ? openForgotPassword : null} />
            ) : (
              sso && (
                <a
                  href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(safeNext(params.get("next")))}`}
                  className="block w-full rounded-md px-4 py-2 text-center font-medium text-gray-800 ring-1 ring-gray-300 hover:bg-gray-50 dark:text-gray-100 dark:ring-gray-700 dark:hover:bg-gray-800"
                >
                  {`Sign in with ${sso}`}
                </a>
              )
            )}
          </form>
        )}
      </div>
    </main>
  );
}
