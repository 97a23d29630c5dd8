"use client";

import { useState } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { ResolveForm } from "@/components/errors/ResolveForm";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import type { Member } from "@/lib/workspaces/listMembers";

interface WorkflowActionsProps {
  error: ErrorDetails;
  members: Member[];
  currentUserId: string;
  isPending: boolean;
  onUpdate: (patch: UpdateErrorInput) => void;
}

/** Triage buttons for members and admins: the workflow new → acknowledged → investigating → resolved / ignored. */
export function WorkflowActions({ error, members, currentUserId, isPending, onUpdate }: WorkflowActionsProps) {
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

  const assignable: { id: string; name: string; email: string }[] = members.filter((m) => m.role !== "viewer");
  if (error.assignee && !assignable.some((m) => m.id === error.assignee?.id)) assignable.push(error.assignee);
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
        <select
          value={error.assigneeId ?? ""}
          disabled={isPending}
          onChange={(e) => onUpdate({ assigneeId: e.target.value || null })}
          className={`${input} min-w-0 flex-1 py-1`}
        >
          <option value="">Unassigned</option>
          {assignable.map((m) => (
            <option key={m.id} value={m.id}>
              {m.id === currentUserId ? `Me (${m.name || m.email})` : m.name || m.email}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
