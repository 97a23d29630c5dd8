"use client";

import type { MembersConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";

const box = "h-4 w-4 rounded border-gray-300 text-blue-600 dark:border-gray-600 dark:bg-gray-800";
const toggle = (list: string[] | undefined, id: string, on: boolean) => (on ? [...(list ?? []), id] : (list ?? []).filter((x) => x !== id));

/** Whom a "Faultline members" channel tells: the issue's assignee, teams, members (any mix). */
export function ChannelMembersPicker({ workspaceId, value, onChange }: { workspaceId: string; value: MembersConfig; onChange: (next: MembersConfig) => void }) {
  const members = useMembersQuery(workspaceId);
  const teams = useTeamsQuery(workspaceId);
  return (
    <fieldset className="text-sm">
      <legend className="text-gray-700 dark:text-gray-300">Tell these people, in Faultline and by email as each of them prefers</legend>
      <label className="mt-1 flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
        <input type="checkbox" className={box} checked={value.assignee === true} onChange={(e) => onChange({ ...value, assignee: e.target.checked })} />
        The issue&apos;s assignee (the person, or every member of the team)
      </label>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Teams</p>
          <div className="mt-1 max-h-40 space-y-1 overflow-y-auto">
            {(teams.data?.items ?? []).map((t) => (
              <label key={t.id} className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
                <input type="checkbox" className={box} checked={value.teamIds?.includes(t.id) ?? false} onChange={(e) => onChange({ ...value, teamIds: toggle(value.teamIds, t.id, e.target.checked) })} />
                {t.name} <span className="text-xs text-gray-500">({t.members.length})</span>
              </label>
            ))}
            {teams.data?.items.length === 0 && <p className="text-xs text-gray-500">No teams yet.</p>}
          </div>
        </div>
        <div>
          <p className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">Members</p>
          <div className="mt-1 max-h-40 space-y-1 overflow-y-auto">
            {(members.data?.items ?? []).map((m) => (
              <label key={m.id} className="flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
                <input type="checkbox" className={box} checked={value.userIds?.includes(m.id) ?? false} onChange={(e) => onChange({ ...value, userIds: toggle(value.userIds, m.id, e.target.checked) })} />
                <span className="truncate">
                  {m.name} <span className="text-xs text-gray-500">{m.email}</span>
                </span>
              </label>
            ))}
          </div>
        </div>
      </div>
    </fieldset>
  );
}

/** Whether the picker names anyone at all. */
export function namesAnyone(value: MembersConfig): boolean {
  return value.assignee === true || (value.userIds?.length ?? 0) > 0 || (value.teamIds?.length ?? 0) > 0;
}
