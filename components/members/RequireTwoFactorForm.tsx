"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useToast } from "@/components/ui/Toast";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";

/** PATCH /api/v1/workspaces/:id {requireTwoFactor} (admins): members without two-factor sign-in are kept out until they turn it on. */
export function RequireTwoFactorForm({ workspaceId, required, isAdmin, currentUserId }: { workspaceId: string; required: boolean; isAdmin: boolean; currentUserId: string }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const members = useMembersQuery(workspaceId, isAdmin);
  const { busy, run } = useSubmit();
  const without = (members.data?.items ?? []).filter((m) => m.twoFactor === false).length;
  // Turning it on would close the workspace to an admin without it: the server refuses (409), the form says so first.
  const ownMissing = !required && members.data?.items.find((m) => m.id === currentUserId)?.twoFactor === false;

  function toggle(next: boolean) {
    return run(
      async () => {
        await apiFetch(`/api/v1/workspaces/${workspaceId}`, { method: "PATCH", json: { requireTwoFactor: next } });
        showToast(next ? "Two-factor sign-in is now required" : "Two-factor sign-in is no longer required", "success");
        await queryClient.invalidateQueries({ queryKey: ["me"] });
      },
      "could not change the setting",
      showToast,
    );
  }

  return (
    <div className="space-y-1 text-sm">
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-0.5" checked={required} disabled={!isAdmin || busy || ownMissing} onChange={(e) => void toggle(e.target.checked)} />
        <span>
          <span className="font-medium text-gray-700 dark:text-gray-300">Require two-factor sign-in</span>
          <span className="block text-xs text-gray-500 dark:text-gray-400">
            Members without it cannot open this workspace (nor use their API tokens on it) until they turn it on under Your account.
            {isAdmin && without > 0 && ` ${without} member${without === 1 ? " has" : "s have"} not turned it on yet.`}
            {isAdmin && ownMissing && " Turn it on for your own account first."}
          </span>
        </span>
      </label>
    </div>
  );
}
