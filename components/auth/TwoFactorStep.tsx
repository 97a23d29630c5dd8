"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import { apiFetch, ApiRequestError } from "@/lib/client/apiFetch";
import { signInButton, signInField } from "@/components/auth/signInStyles";

/**
 * The second step of a sign-in: the authenticator's 6-digit code, or one of the recovery codes.
 * `onSignedIn` once the session is set; `onExpired` when the sign-in must start again (5 minutes, or
 * too many wrong codes).
 */
export function TwoFactorStep({ onSignedIn, onExpired }: { onSignedIn: (recoveryCodesLeft?: number) => void; onExpired: (message: string) => void }) {
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      try {
        const answer = await apiFetch<{ ok: true; recoveryCodesLeft?: number }>("/api/v1/auth/two-factor", { method: "POST", json: { code } });
        onSignedIn(answer.recoveryCodesLeft);
      } catch (e) {
        // Expired: the sign-in starts again on the password step, which replaces this one.
        if (e instanceof ApiRequestError && e.details.code === "sign_in_expired") {
          onExpired(e.message);
          return STAY_BUSY;
        }
        setCode("");
        if (e instanceof ApiRequestError && typeof e.details.attemptsLeft === "number") throw new Error(`${e.message} (${e.details.attemptsLeft} more tries)`);
        throw e;
      }
      return STAY_BUSY;
    }, "sign-in failed");
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Two-factor code">
      <label className="block text-sm">
        <span className="text-gray-700 dark:text-gray-300">{recovery ? "Recovery code" : "Code from your authenticator app"}</span>
        <input
          key={recovery ? "recovery" : "totp"}
          name="code"
          autoFocus
          required
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          pattern={recovery ? undefined : "[0-9 ]{6,7}"}
          maxLength={recovery ? 32 : 7}
          placeholder={recovery ? "xxxxx-xxxxx" : "123456"}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className={`${signInField} font-mono tracking-widest`}
        />
      </label>
      <FormError message={error} />
      <button type="submit" disabled={busy} className={signInButton}>
        {busy ? "Checking…" : "Verify and sign in"}
      </button>
      <button
        type="button"
        onClick={() => {
          setRecovery(!recovery);
          setCode("");
          setError(null);
        }}
        className="w-full text-center text-sm text-blue-700 underline dark:text-blue-400"
      >
        {recovery ? "Use the authenticator app instead" : "Lost your phone? Use a recovery code"}
      </button>
    </form>
  );
}
