"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";
import { useToast } from "@/components/ui/Toast";
import { apiFetch } from "@/lib/client/apiFetch";
import { useInvitationsQuery } from "@/lib/client/hooks/useInvitationsQuery";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { calendarDate } from "@/lib/client/zonedTime";

/** Invitations not yet accepted (admins): withdraw one, or see that it expired. */
export function PendingInvitations({ workspaceId }: { workspaceId: string }) {
  const invitations = useInvitationsQuery(workspaceId, true);
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const zone = useTimeZone();

  async function withdraw(id: string, email: string) {
    try {
      await apiFetch(`/api/v1/workspaces/${workspaceId}/invitations/${id}`, { method: "DELETE" });
      showToast(`Invitation for ${email} withdrawn`, "success");
      await queryClient.invalidateQueries({ queryKey: ["invitations", workspaceId] });
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not withdraw");
    }
  }

  const items = invitations.data?.items ?? [];
  if (!invitations.isLoading && items.length === 0) return <EmptyState title="No pending invitations" className="py-4" />;
  return (
    <ul className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Pending invitations">
      {items.map((inv) => (
        <li key={inv.id} data-testid="invitation-row" className="flex flex-wrap items-center gap-2 py-2.5 text-sm">
          <span className="min-w-0 flex-1 truncate text-gray-900 dark:text-gray-100">{inv.email}</span>
          <span className="text-xs text-gray-500 dark:text-gray-400">{inv.role}</span>
          {inv.status === "expired" ? <Badge>expired</Badge> : <span className="text-xs text-gray-500 dark:text-gray-400">expires {calendarDate(inv.expiresAt, zone)}</span>}
          <button type="button" className={button.ghost} onClick={() => void withdraw(inv.id, inv.email)}>
            Withdraw
          </button>
        </li>
      ))}
    </ul>
  );
}
