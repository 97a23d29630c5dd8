"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { AuthCard, FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { LoadingState } from "@/components/ui/Spinner";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import type { SignInAnswer } from "@/lib/auth/signInResponse";
import { afterSignIn } from "@/lib/client/afterSignIn";
import { apiFetch } from "@/lib/client/apiFetch";

const linkStyle = "font-medium text-blue-700 underline dark:text-blue-400";

/**
 * /reset-password/:token — set a new password with a one-time link (every other session is signed
 * out). A used or expired link points to "Forgot password?" when `resetByEmail`, else to an admin.
 */
export function ResetPasswordForm({ token, resetByEmail }: { token: string; resetByEmail: boolean }) {
  const reset = useQuery({
    queryKey: ["password-reset", token],
    queryFn: ({ signal }) => apiFetch<{ email: string; expiresAt: string }>(`/api/v1/password-resets/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
  const [password, setPassword] = useState("");
  const { busy, error, run } = useSubmit();

  if (reset.isLoading) return <AuthCard title="Reset your password">{<LoadingState label="Checking the link…" />}</AuthCard>;
  if (reset.error || !reset.data) {
    return (
      <AuthCard title="This link cannot be used">
        <FormError message={reset.error instanceof Error ? reset.error.message : "the link could not be opened"} />
        <p className="text-sm text-gray-600 dark:text-gray-300">
          {resetByEmail ? (
            <>
              Ask for a new one with “Forgot password?” on the <Link href="/login" className={linkStyle}>sign-in page</Link>, or ask an admin.
            </>
          ) : (
            <>
              Ask an admin for a new link, or <Link href="/login" className={linkStyle}>sign in</Link>.
            </>
          )}
        </p>
      </AuthCard>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const answer = await apiFetch<SignInAnswer>(`/api/v1/password-resets/${encodeURIComponent(token)}`, { method: "POST", json: { password } });
      window.location.replace(afterSignIn(answer, "/"));
      return STAY_BUSY;
    }, "could not set the password");
  }

  return (
    <AuthCard title="Reset your password" subtitle={<>For {reset.data.email}. Every other session of this account will be signed out.</>}>
      <form onSubmit={submit} className="space-y-4">
        <FormField label="New password" hint="At least 8 characters.">
          <input required type="password" minLength={8} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className={`${input} w-full`} />
        </FormField>
        <FormError message={error} />
        <button type="submit" disabled={busy} className={`${button.primary} w-full py-2`}>
          {busy ? "Saving…" : "Set password and sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
