"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { roleChangeQuestion } from "@/components/members/roleChangeQuestion";
import { Badge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { CopyButton } from "@/components/ui/CopyButton";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useConfirm } from "@/components/ui/useConfirm";
import { apiFetch } from "@/lib/client/apiFetch";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Member } from "@/lib/workspaces/listMembers";

/**
 * Members with role, teams and join date; admins change roles (asked first when it demotes an admin,
 * makes a viewer or is their own), remove people and make reset links (for those the API allows:
 * `resettable`); anyone can leave.
 */
export function MembersTable({ workspaceId, isAdmin, currentUserId }: { workspaceId: string; isAdmin: boolean; currentUserId: string }) {
  const members = useMembersQuery(workspaceId);
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const { ask, dialog } = useConfirm();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<{ name: string; url: string } | null>(null);

  async function act(member: Member, work: () => Promise<unknown>, done: string) {
    setBusyId(member.membershipId);
    try {
      await work();
      showToast(done, "success");
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["members", workspaceId] }), queryClient.invalidateQueries({ queryKey: ["me"] })]);
    } catch (e) {
      showToast(e instanceof Error ? e.message : "that did not work");
    } finally {
      setBusyId(null);
    }
  }

  const changeRole = async (m: Member, role: Role) => {
    const question = roleChangeQuestion({ name: m.name || m.email, role: m.role }, role, m.id === currentUserId);
    if (question && !(await ask(question))) return;
    await act(m, () => apiFetch(`/api/v1/memberships/${m.membershipId}`, { method: "PATCH", json: { role } }), `${m.name || m.email} is now ${role}`);
  };
  const remove = async (m: Member) => {
    const leaving = m.id === currentUserId;
    const confirmed = await ask(
      leaving
        ? { title: "Leave this workspace?", body: "You lose access to its projects and issues until someone invites you again; you are taken off the issues assigned to you here, and your assignment rules are turned off.", confirmLabel: "Leave" }
        : {
            title: `Remove ${m.name || m.email}?`,
            body: "They lose access to this workspace; they are taken off every issue assigned to them here (resolved and ignored ones too), and their assignment rules are turned off.",
            confirmLabel: "Remove",
          },
    );
    if (!confirmed) return;
    void act(m, () => apiFetch(`/api/v1/memberships/${m.membershipId}`, { method: "DELETE" }), leaving ? "You left the workspace" : `${m.name || m.email} was removed`).then(() => {
      if (leaving) window.location.replace("/");
    });
  };
  const makeResetLink = (m: Member) =>
    act(
      m,
      async () => setResetLink({ name: m.name || m.email, url: (await apiFetch<{ url: string }>(`/api/v1/memberships/${m.membershipId}/password-reset`, { method: "POST" })).url }),
      "Reset link created",
    );

  if (members.isLoading) return <LoadingState label="Loading members…" />;
  if (members.error || !members.data) return <ErrorState error={members.error ?? new Error("no members")} onRetry={() => void members.refetch()} />;

  return (
    <div className="space-y-3">
      {dialog}
      {resetLink && (
        <div role="region" aria-label="Password reset link" className="space-y-2 rounded-lg bg-amber-50 p-3 text-sm ring-1 ring-amber-200 dark:bg-amber-950/30 dark:ring-amber-900">
          <p className="text-amber-900 dark:text-amber-200">One-time link for {resetLink.name} to set a new password (shown once):</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-gray-900">{resetLink.url}</code>
            <CopyButton text={resetLink.url} />
          </div>
          <button type="button" className={button.secondary} onClick={() => setResetLink(null)}>
            Done
          </button>
        </div>
      )}
      <ul className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Members">
        {members.data.items.map((m) => {
          const isSelf = m.id === currentUserId;
          return (
            <li key={m.membershipId} data-testid="member-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:gap-4">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-gray-900 dark:text-gray-100">
                  {m.name || m.email} {isSelf && <span className="text-xs font-normal text-gray-500 dark:text-gray-400">(you)</span>}
                </p>
                <p className="truncate text-xs text-gray-500 dark:text-gray-400">
                  {m.email}
                  {m.twoFactor !== null && (
                    <span className={`ml-2 ${m.twoFactor ? "text-green-700 dark:text-green-400" : "text-amber-700 dark:text-amber-400"}`}>
                      {m.twoFactor ? "two-factor on" : "no two-factor"}
                    </span>
                  )}
                </p>
                {m.teams.length > 0 && (
                  <div className="mt-1 flex flex-wrap gap-1">
                    {m.teams.map((t) => (
                      <Badge key={t.id}>{t.name}</Badge>
                    ))}
                  </div>
                )}
              </div>
              <div className="flex flex-wrap items-center gap-2">
                {isAdmin ? (
                  <select
                    aria-label={`Role of ${m.name || m.email}`}
                    value={m.role}
                    disabled={busyId === m.membershipId}
                    onChange={(e) => void changeRole(m, e.target.value as Role)}
                    className={`${input} py-1`}
                  >
                    <option value="viewer">viewer</option>
                    <option value="member">member</option>
                    <option value="admin">admin</option>
                  </select>
                ) : (
                  <Badge>{m.role}</Badge>
                )}
                {m.resettable && (
                  <button type="button" className={button.ghost} disabled={busyId === m.membershipId} onClick={() => void makeResetLink(m)}>
                    Reset link
                  </button>
                )}
                {(isAdmin || isSelf) && (
                  <button type="button" className={button.ghost} disabled={busyId === m.membershipId} onClick={() => remove(m)}>
                    {isSelf ? "Leave" : "Remove"}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
