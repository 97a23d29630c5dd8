"use client";

import type { ReactNode } from "react";
import { checkboxClass, ListCheckbox } from "@/components/ui/CheckboxChoice";
import type { MembersConfig } from "@/lib/alerts/channels/channelConfigSchemas";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";

/** Whom a "Faultline members" channel tells: the issue's assignee, teams, members (any mix). */
export function ChannelMembersPicker({ workspaceId, value, onChange }: { workspaceId: string; value: MembersConfig; onChange: (next: MembersConfig) => void }) {
  const members = useMembersQuery(workspaceId);
  const teams = useTeamsQuery(workspaceId);
  return (
    <fieldset className="text-sm">
      <legend className="text-gray-700 dark:text-gray-300">Tell these people, in Faultline and by email as each of them prefers</legend>
      <label className="mt-1 flex items-center gap-1.5 text-gray-700 dark:text-gray-300">
        <input type="checkbox" className={checkboxClass} checked={value.assignee === true} onChange={(e) => onChange({ ...value, assignee: e.target.checked })} />
        The issue&apos;s assignee (the person, or every member of the team)
      </label>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <PickColumn
          title="Teams"
          items={(teams.data?.items ?? []).map((t) => ({ id: t.id, label: <>{t.name} <span className="text-xs text-gray-500 dark:text-gray-400">({t.members.length})</span></> }))}
          empty={teams.data?.items.length === 0 ? "No teams yet." : null}
          chosen={value.teamIds ?? []}
          onChange={(teamIds) => onChange({ ...value, teamIds })}
        />
        <PickColumn
          title="Members"
          items={(members.data?.items ?? []).map((m) => ({ id: m.id, label: <>{m.name} <span className="text-xs text-gray-500 dark:text-gray-400">{m.email}</span></> }))}
          empty={null}
          chosen={value.userIds ?? []}
          onChange={(userIds) => onChange({ ...value, userIds })}
        />
      </div>
    </fieldset>
  );
}

/** One scrolling column of checkboxes: the teams, or the members. */
function PickColumn({ title, items, empty, chosen, onChange }: { title: string; items: { id: string; label: ReactNode }[]; empty: string | null; chosen: string[]; onChange: (next: string[]) => void }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{title}</p>
      <div className="mt-1 max-h-40 space-y-1 overflow-y-auto">
        {items.map((item) => (
          <ListCheckbox key={item.id} item={item.id} chosen={chosen} onChange={onChange}>
            <span className="truncate">{item.label}</span>
          </ListCheckbox>
        ))}
        {empty && <p className="text-xs text-gray-500 dark:text-gray-400">{empty}</p>}
      </div>
    </div>
  );
}

/** Whether the picker names anyone at all. */
export function namesAnyone(value: MembersConfig): boolean {
  return value.assignee === true || (value.userIds?.length ?? 0) > 0 || (value.teamIds?.length ?? 0) > 0;
}
