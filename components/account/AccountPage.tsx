"use client";

import { useQueryClient } from "@tanstack/react-query";
import { formatDistanceToNowStrict } from "date-fns";
import { useState, type FormEvent } from "react";
import { ApiTokensCard } from "@/components/account/ApiTokensCard";
import { NotificationSettingsCard } from "@/components/account/NotificationSettingsCard";
import { SingleSignOnCard } from "@/components/account/SingleSignOnCard";
import { TimeZoneField } from "@/components/account/TimeZoneField";
import { TwoFactorCard } from "@/components/account/TwoFactorCard";
import { FormError } from "@/components/auth/AuthCard";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { Badge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { FormField } from "@/components/ui/FormField";
import { useToast } from "@/components/ui/Toast";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { useAccountQuery, useSessionsQuery, useUpdateAccountMutation } from "@/lib/client/hooks/useAccountQuery";

/** /account — your name and time zone, your password, your notifications, two-factor sign-in, single sign-on, your sessions, your API tokens. */
export function AccountPage() {
  return (
    <WorkspaceShell
      active="account"
      title="Your account"
      subtitle="Name, time zone, password, notifications, two-factor sign-in, where you are signed in, and API tokens"
      withoutWorkspace={<AccountCards />}
    >
      {() => <AccountCards />}
    </WorkspaceShell>
  );
}

/** Every card of the page: none needs a workspace (a user who left their only one still has an account). */
function AccountCards() {
  return (
    <div className="space-y-6">
      <NameCard />
      <PasswordCard />
      <NotificationSettingsCard />
      <TwoFactorCard />
      <SingleSignOnCard />
      <SessionsCard />
      <ApiTokensCard />
    </div>
  );
}

function NameCard() {
  const account = useAccountQuery();
  const update = useUpdateAccountMutation();
  const { showToast } = useToast();
  const [name, setName] = useState<string | null>(null);
  const value = name ?? account.data?.name ?? "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      await update.mutateAsync({ name: value });
      showToast("Name saved", "success");
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not save");
    }
  }

  return (
    <Card title="Profile" titleId="profile-title">
      <form onSubmit={submit} className="space-y-3">
        <p className="text-sm text-gray-600 dark:text-gray-300">Signed in as {account.data?.email}</p>
        <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <FormField label="Name">
              <input required value={value} onChange={(e) => setName(e.target.value)} className={`${input} w-full`} />
            </FormField>
          </div>
          <button type="submit" className={button.secondary}>
            Save name
          </button>
        </div>
      </form>
      <div className="mt-4 max-w-md">
        <TimeZoneField />
      </div>
    </Card>
  );
}

function PasswordCard() {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const { busy, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const result = await apiFetch<{ otherSessionsSignedOut: number }>("/api/v1/account/password", { method: "POST", json: { currentPassword: current, newPassword: next } });
      showToast(`Password changed${result.otherSessionsSignedOut ? `; ${result.otherSessionsSignedOut} other session(s) signed out` : ""}`, "success");
      setCurrent("");
      setNext("");
      await queryClient.invalidateQueries({ queryKey: ["account"] });
    }, "could not change the password");
  }

  return (
    <Card title="Password" titleId="password-title">
      <form onSubmit={submit} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField label="Current password">
            <input required type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} className={`${input} w-full`} />
          </FormField>
          <FormField label="New password" hint="At least 8 characters. Your other sessions will be signed out.">
            <input required type="password" minLength={8} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} className={`${input} w-full`} />
          </FormField>
        </div>
        <FormError message={error} />
        <button type="submit" disabled={busy} className={button.primary}>
          {busy ? "Changing…" : "Change password"}
        </button>
      </form>
    </Card>
  );
}

function SessionsCard() {
  const sessions = useSessionsQuery();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [showAll, setShowAll] = useState(false);
  const all = sessions.data?.items ?? [];
  const others = all.filter((s) => !s.current).length;
  // The current session and the most recently seen ones; the rest (old scripts' sign-ins) on request.
  const shown = showAll ? all : all.filter((s, i) => s.current || i < SESSIONS_SHOWN);

  async function signOut(id?: string) {
    try {
      await apiFetch(id ? `/api/v1/account/sessions/${id}` : "/api/v1/account/sessions", { method: "DELETE" });
      showToast(id ? "Session signed out" : "Other sessions signed out", "success");
      await queryClient.invalidateQueries({ queryKey: ["account", "sessions"] });
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not sign out");
    }
  }

  return (
    <Card
      title="Sessions"
      titleId="sessions-title"
      actions={
        others > 0 && (
          <button type="button" className={button.secondary} onClick={() => void signOut()}>
            Sign out other sessions
          </button>
        )
      }
    >
      <ul className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Sessions">
        {shown.map((s) => (
          <li key={s.id} data-testid="session-row" className="flex flex-wrap items-center gap-2 py-2.5 text-sm">
            <div className="min-w-0 flex-1">
              <p className="truncate text-gray-900 dark:text-gray-100" title={s.userAgent ?? undefined}>
                {browserName(s.userAgent)} · {s.ipAddress ?? "unknown address"}
              </p>
              <p className="text-xs text-gray-500 dark:text-gray-400">
                signed in {formatDistanceToNowStrict(new Date(s.createdAt), { addSuffix: true })}, last seen {formatDistanceToNowStrict(new Date(s.lastSeenAt), { addSuffix: true })}
              </p>
            </div>
            {s.current ? (
              <Badge>this browser</Badge>
            ) : (
              <button type="button" className={button.ghost} onClick={() => void signOut(s.id)}>
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {shown.length < all.length && (
        <button type="button" className={`${button.ghost} mt-2`} onClick={() => setShowAll(true)}>
          Show all {all.length} sessions
        </button>
      )}
    </Card>
  );
}

const SESSIONS_SHOWN = 10;

/** A short name for a user agent string ("Chrome on Linux"), good enough to recognise a session. */
function browserName(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const browser = /Firefox\//.test(ua) ? "Firefox" : /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : /curl|node|undici/i.test(ua) ? "API client" : "Browser";
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X|Macintosh/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}
