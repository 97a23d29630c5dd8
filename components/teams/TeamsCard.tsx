"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { useToast } from "@/components/ui/Toast";
import { useConfirm } from "@/components/ui/useConfirm";
import { apiFetch } from "@/lib/client/apiFetch";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";
import type { TeamDto } from "@/lib/teams/teamDto";
import { DialogFooter } from "@/components/ui/DialogFooter";

/** Teams of the workspace and who is in them; admins create, edit and delete them. */
export function TeamsCard({ workspaceId, isAdmin }: { workspaceId: string; isAdmin: boolean }) {
  const teams = useTeamsQuery(workspaceId);
  const members = useMembersQuery(workspaceId);
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const { ask, dialog } = useConfirm();
  const [editing, setEditing] = useState<TeamDto | "new" | null>(null);

  async function save(name: string, memberIds: string[]) {
    try {
      if (editing === "new") await apiFetch(`/api/v1/workspaces/${workspaceId}/teams`, { method: "POST", json: { name, memberIds } });
      else if (editing) await apiFetch(`/api/v1/teams/${editing.id}`, { method: "PATCH", json: { name, memberIds } });
      setEditing(null);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["teams", workspaceId] }), queryClient.invalidateQueries({ queryKey: ["members", workspaceId] })]);
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not save the team");
    }
  }

  async function remove(team: TeamDto) {
    if (!(await ask({ title: `Delete team ${team.name}?`, body: "Its issues lose the team, and its assignment rules are deleted.", confirmLabel: "Delete team" }))) return;
    try {
      await apiFetch(`/api/v1/teams/${team.id}`, { method: "DELETE" });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["teams", workspaceId] }), queryClient.invalidateQueries({ queryKey: ["assignment-rules", workspaceId] })]);
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not delete the team");
    }
  }

  const list = teams.data?.items ?? [];
  return (
    <Card
      title="Teams"
      titleId="teams-title"
      actions={
        isAdmin && (
          <button type="button" className={button.secondary} onClick={() => setEditing("new")}>
            New team
          </button>
        )
      }
    >
      {list.length === 0 && !teams.isLoading ? (
        <EmptyState title="No teams yet" className="py-4">
          Teams own issues (assignment rules can route them) and get their own resolution times.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Teams">
          {list.map((team) => (
            <li key={team.id} data-testid="team-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="text-sm font-medium text-gray-900 dark:text-gray-100">{team.name}</p>
                <div className="mt-1 flex flex-wrap gap-1">
                  {team.members.length === 0 ? <span className="text-xs text-gray-500 dark:text-gray-400">no members</span> : team.members.map((m) => <Badge key={m.id}>{m.name || m.email}</Badge>)}
                </div>
              </div>
              {isAdmin && (
                <div className="flex gap-1">
                  <button type="button" className={button.ghost} onClick={() => setEditing(team)}>
                    Edit
                  </button>
                  <button type="button" className={button.ghost} onClick={() => void remove(team)}>
                    Delete
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <TeamDialog
          team={editing === "new" ? null : editing}
          members={members.data?.items ?? []}
          onCancel={() => setEditing(null)}
          onSave={(name, ids) => void save(name, ids)}
        />
      )}
      {dialog}
    </Card>
  );
}

function TeamDialog({ team, members, onCancel, onSave }: { team: TeamDto | null; members: { id: string; name: string; email: string }[]; onCancel: () => void; onSave: (name: string, memberIds: string[]) => void }) {
  const [name, setName] = useState(team?.name ?? "");
  const [ids, setIds] = useState<Set<string>>(new Set(team?.members.map((m) => m.id)));
  const toggle = (id: string) =>
    setIds((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(name, [...ids]);
  };
  return (
    <ModalDialog open title={team ? `Edit ${team.name}` : "New team"} onClose={onCancel}>
      <form onSubmit={submit} className="space-y-4">
        <label className="block text-sm">
          <span className="font-medium text-gray-700 dark:text-gray-300">Team name</span>
          <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} className={`${input} mt-1 w-full`} />
        </label>
        <fieldset>
          <legend className="text-sm font-medium text-gray-700 dark:text-gray-300">Members</legend>
          <div className="mt-1 max-h-56 space-y-1 overflow-y-auto">
            {members.map((m) => (
              <label key={m.id} className="flex items-center gap-2 text-sm text-gray-700 dark:text-gray-200">
                <input type="checkbox" checked={ids.has(m.id)} onChange={() => toggle(m.id)} />
                {m.name || m.email}
              </label>
            ))}
          </div>
        </fieldset>
        <DialogFooter label="Save team" onCancel={onCancel} />
      </form>
    </ModalDialog>
  );
}
