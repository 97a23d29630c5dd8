"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { AuthCard, FormError } from "@/components/auth/AuthCard";
import { invitationProblem } from "@/components/auth/invitationProblem";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { LoadingState } from "@/components/ui/Spinner";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import type { SignInAnswer } from "@/lib/auth/signInResponse";
import { afterSignIn } from "@/lib/client/afterSignIn";
import { apiFetch } from "@/lib/client/apiFetch";
import type { InvitationDescription } from "@/lib/invitations/findInvitationByToken";

/**
 * /invite/:token — join a workspace: a new person picks a name and password, an existing user enters
 * theirs, one already signed in as the invitee just joins. With single sign-on configured (`sso`, the
 * provider's name) either can continue with the provider instead: a new account is made and the
 * invitation accepted on the way back, an existing account comes back here signed in (after its
 * password once, if the provider's identity is not linked to it yet).
 */
export function AcceptInvitation({ token, sso }: { token: string; sso: string | null }) {
  const invitation = useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) => apiFetch<InvitationDescription>(`/api/v1/invitations/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useSubmit();

  if (invitation.isLoading) return <AuthCard title="Invitation">{<LoadingState label="Opening the invitation…" />}</AuthCard>;
  if (invitation.error || !invitation.data) {
    const problem = invitationProblem(invitation.error);
    return (
      <AuthCard title={problem.title}>
        <FormError message={problem.message} />
        <p className="text-sm text-gray-600 dark:text-gray-300">Ask a workspace admin for a new invitation, or <Link href="/login" className="font-medium text-blue-700 underline dark:text-blue-400">sign in</Link>.</p>
      </AuthCard>
    );
  }
  const inv = invitation.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const joined = await apiFetch<SignInAnswer & { workspaceId: string }>(`/api/v1/invitations/${encodeURIComponent(token)}/accept`, {
        method: "POST",
        json: inv.signedInAsInvitee ? {} : inv.hasAccount ? { password } : { name, password },
      });
      window.location.replace(afterSignIn(joined, `/?ws=${joined.workspaceId}`));
      return STAY_BUSY;
    }, "could not accept the invitation");
  }

  return (
    <AuthCard
      title={`Join ${inv.workspaceName}`}
      subtitle={
        <>
          {inv.invitedBy ? `${inv.invitedBy} invited` : "You are invited as"} <span className="font-medium text-gray-700 dark:text-gray-200">{inv.email}</span>
          {inv.invitedBy ? " as " : " "}
          <span className="font-medium text-gray-700 dark:text-gray-200">{inv.role}</span>.
        </>
      }
    >
      {inv.signedInAsInvitee ? (
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-gray-600 dark:text-gray-300">You are signed in as {inv.email}.</p>
          <FormError message={error} />
          <button type="submit" disabled={busy} className={`${button.primary} w-full py-2`}>
            {busy ? "Joining…" : `Join ${inv.workspaceName}`}
          </button>
        </form>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          {inv.hasAccount ? (
            <p className="text-sm text-gray-600 dark:text-gray-300">You already have a Faultline account: enter its password to join.</p>
          ) : (
            <FormField label="Your name">
              <input required autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} className={`${input} w-full`} />
            </FormField>
          )}
          <FormField label={inv.hasAccount ? "Password" : "Choose a password"} hint={inv.hasAccount ? undefined : "At least 8 characters."}>
            <input
              required
              type="password"
              minLength={inv.hasAccount ? 1 : 8}
              autoComplete={inv.hasAccount ? "current-password" : "new-password"}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              className={`${input} w-full`}
            />
          </FormField>
          <FormError message={error} />
          <button type="submit" disabled={busy} className={`${button.primary} w-full py-2`}>
            {busy ? "Joining…" : inv.hasAccount ? "Sign in and join" : "Create account and join"}
          </button>
          {sso && (
            <a href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(`/invite/${token}`)}`} className={`${button.secondary} w-full py-2`}>
              {`Continue with ${sso}`}
            </a>
          )}
        </form>
      )}
    </AuthCard>
  );
}
