"use client";

import { useState, type FormEvent } from "react";
import { signInButton, signInField } from "@/components/auth/signInStyles";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";

/**
 * The sign-in page's "Forgot password?" step: an email, then the same message whether or not an
 * account uses it (the server answers alike; the link, when there is an account, arrives by email).
 */
export function ForgotPasswordForm({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const [email, setEmail] = useState(initialEmail);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await apiFetch<{ ok: true }>("/api/v1/auth/forgot-password", { method: "POST", json: { email } });
      setSentTo(email.trim());
    }, "could not ask for a reset link");
  }

  const back = (
    <button type="button" onClick={onBack} className="block w-full text-center text-sm text-blue-700 underline dark:text-blue-400">
      Back to sign in
    </button>
  );

  if (sentTo !== null) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 dark:bg-green-950 dark:text-green-300">
          If an account uses <span className="font-medium">{sentTo}</span>, we sent a link to this address to set a new password. The link works once; if nothing
          arrives within a few minutes, look in the spam folder.
        </p>
        {back}
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <label className="block text-sm">
        <span className="text-gray-700 dark:text-gray-300">Email</span>
        <input type="email" name="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} className={signInField} />
      </label>
      {error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy} className={signInButton}>
        {busy ? "Sending…" : "Email me a reset link"}
      </button>
      {back}
    </form>
  );
}
