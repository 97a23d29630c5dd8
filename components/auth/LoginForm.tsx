"use client";

import { useState, type FormEvent } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { TwoFactorStep } from "@/components/auth/TwoFactorStep";
import type { SignInAnswer } from "@/lib/auth/signInResponse";
import { safeNext } from "@/lib/text/safeNext";
import { apiFetch } from "@/lib/client/apiFetch";
import { signInButton, signInField } from "@/components/auth/signInStyles";

/**
 * /login — email and password (or the single sign-on provider, `sso` naming it), then (two-factor
 * accounts, or `?step=two-factor` after a reset link, an invitation or single sign-on) a code.
 */
export function LoginForm({ sso }: { sso: string | null }) {
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(params.get("sso_error"));
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<"password" | "code">(params.get("step") === "two-factor" ? "code" : "password");

  function done(recoveryCodesLeft?: number) {
    const next = safeNext(params.get("next"));
    // Few recovery codes left after using one: the account page says so and offers new ones.
    router.replace(recoveryCodesLeft !== undefined && recoveryCodesLeft <= 3 ? "/account" : next);
    router.refresh();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await apiFetch<SignInAnswer>("/api/v1/auth/login", { method: "POST", json: { email, password } });
      if (answer.twoFactorRequired) {
        setStep("code");
        setBusy(false);
        return;
      }
      done();
    } catch (e) {
      setError(e instanceof Error ? e.message : "sign-in failed");
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-4 rounded-xl bg-white p-8 shadow dark:bg-gray-900">
        <div>
          <h1 className="text-xl font-semibold">{step === "code" ? "Two-factor sign-in" : "Sign in to Faultline"}</h1>
          <p className="mt-1 text-sm text-gray-500 dark:text-gray-400">
            {step === "code" ? "Enter the code your authenticator app shows for Faultline." : "Error tracking for your team"}
          </p>
        </div>
        {step === "code" ? (
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
              <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className={signInField} />
            </label>
            <label className="block text-sm">
              <span className="text-gray-700 dark:text-gray-300">Password</span>
              <input
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                className={signInField}
              />
            </label>
            {error && (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
                {error}
              </p>
            )}
            <button type="submit" disabled={busy} className={signInButton}>
              {busy ? "Signing in…" : "Sign in"}
            </button>
            {sso && (
              <a
                href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(safeNext(params.get("next")))}`}
                className="block w-full rounded-md px-4 py-2 text-center font-medium text-gray-800 ring-1 ring-gray-300 hover:bg-gray-50 dark:text-gray-100 dark:ring-gray-700 dark:hover:bg-gray-800"
              >
                {`Sign in with ${sso}`}
              </a>
            )}
          </form>
        )}
      </div>
    </main>
  );
}
