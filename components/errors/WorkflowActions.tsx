"use client";

import { useState } from "react";
import { AssigneeSelect, assigneeValue, parseAssigneeValue, type AssigneeOption } from "@/components/teams/AssigneeSelect";
import { button } from "@/components/ui/buttonStyles";
import { ResolveForm } from "@/components/errors/ResolveForm";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import type { TeamDto } from "@/lib/teams/teamDto";
import type { Member } from "@/lib/workspaces/listMembers";

interface WorkflowActionsProps {
  error: ErrorDetails;
  members: Member[];
  teams: TeamDto[];
  currentUserId: string;
  isPending: boolean;
  onUpdate: (patch: UpdateErrorInput) => void;
}

/** Triage buttons for members and admins: the workflow new → acknowledged → investigating → resolved / ignored. */
export function WorkflowActions({ error, members, teams, currentUserId, isPending, onUpdate }: WorkflowActionsProps) {
  const [isResolving, setIsResolving] = useState(false);
  const { status } = error;
  const isClosed = status === "resolved" || status === "ignored";

  if (isResolving) {
    return (
      <div className="border-t border-gray-200 px-4 py-4 sm:px-6 dark:border-gray-800">
        <ResolveForm
          onCancel={() => setIsResolving(false)}
          onSubmit={(patch) => {
            onUpdate(patch);
            setIsResolving(false);
          }}
        />
      </div>
    );
  }

  const people: { id: string; name: string; email: string }[] = members.filter((m) => m.role !== "viewer");
  if (error.assignee && !people.some((m) => m.id === error.assignee?.id)) people.push(error.assignee);
  const options: AssigneeOption[] = [
    ...teams.map((t) => ({ type: "team" as const, id: t.id, label: t.name })),
    ...people.map((m) => ({ type: "user" as const, id: m.id, label: m.id === currentUserId ? `Me (${m.name || m.email})` : m.name || m.email })),
  ];
  // A person is the assignee when set (possibly within the owning team); else the team.
  const value = error.assigneeId ?? (error.assigneeTeamId ? assigneeValue({ type: "team", id: error.assigneeTeamId }) : "");
  const assign = (next: string) => {
    const target = parseAssigneeValue(next);
    if (!target) onUpdate({ assigneeId: null, assigneeTeamId: null });
    else if (target.type === "team") onUpdate({ assigneeTeamId: target.id, assigneeId: null });
    else onUpdate({ assigneeId: target.id });
  };
  return (
    <div className="space-y-3 border-t border-gray-200 px-4 py-4 sm:px-6 dark:border-gray-800" aria-label="Workflow" role="group">
      <div className="flex flex-wrap gap-2">
        {status === "new" && (
          <button type="button" disabled={isPending} className={button.secondary} onClick={() => onUpdate({ status: "acknowledged" })}>
            Acknowledge
          </button>
        )}
        {(status === "new" || status === "acknowledged") && (
          <button type="button" disabled={isPending} className={button.secondary} onClick={() => onUpdate({ status: "investigating" })}>
            Investigating
          </button>
        )}
        {!isClosed && (
          <>
            <button type="button" disabled={isPending} className={button.success} onClick={() => setIsResolving(true)}>
              Mark as resolved
            </button>
            <button type="button" disabled={isPending} className={button.secondary} onClick={() => onUpdate({ status: "ignored" })}>
              Ignore
            </button>
          </>
        )}
        {isClosed && (
          <button type="button" disabled={isPending} className={button.secondary} onClick={() => onUpdate({ status: "new" })}>
            Reopen
          </button>
        )}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <span className="shrink-0 text-gray-500 dark:text-gray-400">Assignee</span>
        <AssigneeSelect label="Assignee" value={value} options={options} onChange={assign} emptyLabel="Unassigned" disabled={isPending} />
      </label>
    </div>
  );
}
