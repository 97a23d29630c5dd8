"use client";

import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from "@headlessui/react";
import { useState } from "react";
import { CountDialog } from "@/components/issue/CountDialog";
import { ShareLinkButton } from "@/components/issue/ShareLinkButton";
import { FollowIssueButton } from "@/components/notifications/FollowIssueButton";
import { assigneeValue, parseAssigneeValue } from "@/components/teams/AssigneeSelect";
import { button } from "@/components/ui/buttonStyles";
import { ChevronUpDownIcon } from "@/components/ui/Icons";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import type { Member } from "@/lib/workspaces/listMembers";

interface IssueActionsProps {
  issue: ErrorDetails;
  members: Member[];
  teams: { id: string; name: string }[];
  currentUserId: string;
  isPending: boolean;
  onUpdate: (patch: UpdateErrorInput) => void;
  /** Ignore forever and drop the issue's new events at ingest. */
  onDiscard: () => void;
  /** Asks to delete the issue with its events (admins only: absent for everyone else). */
  onDelete?: () => void;
}

const IGNORE_DURATIONS: [string, number][] = [
  ["30 minutes", 30],
  ["2 hours", 120],
  ["24 hours", 1440],
  ["7 days", 10_080],
];

const item = "block w-full rounded px-2.5 py-1.5 text-left text-sm data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800";
const menu = "z-40 mt-1 w-60 rounded-md bg-white p-1 shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700";

/** The header's triage actions: resolve (now / next release), ignore (forever / for / until N / and discard new events), reopen, assign (a team or a person), follow, share; for admins, delete. */
export function IssueActions({ issue, members, teams, currentUserId, isPending, onUpdate, onDiscard, onDelete }: IssueActionsProps) {
  const [asking, setAsking] = useState<"events" | "users" | null>(null);
  const isClosed = issue.status === "resolved" || issue.status === "ignored";
  const assignable: { id: string; name: string; email: string }[] = members.filter((m) => m.role !== "viewer");
  if (issue.assignee && !assignable.some((m) => m.id === issue.assignee?.id)) assignable.push(issue.assignee);
  const teamOptions = teams.map((t) => ({ id: t.id, name: t.name }));
  if (issue.assigneeTeam && !teamOptions.some((t) => t.id === issue.assigneeTeam?.id)) teamOptions.push(issue.assigneeTeam);
  // A person is the assignee when set (possibly within the owning team); else the team.
  const assigneeSelected = issue.assigneeId ?? (issue.assigneeTeamId ? assigneeValue({ type: "team", id: issue.assigneeTeamId }) : "");
  const assign = (value: string) => {
    const target = parseAssigneeValue(value);
    if (!target) onUpdate({ assigneeId: null, assigneeTeamId: null });
    else if (target.type === "team") onUpdate({ assigneeTeamId: target.id, assigneeId: null });
    else onUpdate({ assigneeId: target.id });
  };

  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Issue actions">
      {isClosed ? (
        <button type="button" className={button.secondary} disabled={isPending} onClick={() => onUpdate({ status: "new" })}>
          Reopen
        </button>
      ) : (
        <>
          <div className="inline-flex">
            <button type="button" className={`${button.success} rounded-r-none`} disabled={isPending} onClick={() => onUpdate({ status: "resolved" })}>
              Resolve
            </button>
            <Menu>
              <MenuButton aria-label="More resolve options" disabled={isPending} className={`${button.success} rounded-l-none border-l border-green-900 px-1.5`}>
                <ChevronUpDownIcon className="h-4 w-4" />
              </MenuButton>
              <MenuItems anchor="bottom start" className={menu}>
                <MenuItem>
                  <button type="button" className={item} onClick={() => onUpdate({ status: "resolved" })}>
                    Resolve now
                  </button>
                </MenuItem>
                <MenuItem>
                  <button type="button" className={item} onClick={() => onUpdate({ status: "resolved", statusDetails: { inNextRelease: true } })}>
                    Resolve in the next release
                    <span className="block text-xs text-gray-500 dark:text-gray-400">Reopens only for a newer release</span>
                  </button>
                </MenuItem>
              </MenuItems>
            </Menu>
          </div>
          <Menu>
            <MenuButton disabled={isPending} className={button.secondary}>
              Ignore <ChevronUpDownIcon className="h-4 w-4" />
            </MenuButton>
            <MenuItems anchor="bottom start" className={menu}>
              <MenuItem>
                <button type="button" className={item} onClick={() => onUpdate({ status: "ignored" })}>
                  Forever
                </button>
              </MenuItem>
              <MenuSeparator className="my-1 h-px bg-gray-200 dark:bg-gray-700" />
              {IGNORE_DURATIONS.map(([label, minutes]) => (
                <MenuItem key={minutes}>
                  <button type="button" className={item} onClick={() => onUpdate({ status: "ignored", statusDetails: { ignoreDurationMinutes: minutes } })}>
                    For {label}
                  </button>
                </MenuItem>
              ))}
              <MenuSeparator className="my-1 h-px bg-gray-200 dark:bg-gray-700" />
              <MenuItem>
                <button type="button" className={item} onClick={() => setAsking("events")}>
                  Until N more events…
                </button>
              </MenuItem>
              <MenuItem>
                <button type="button" className={item} onClick={() => setAsking("users")}>
                  Until N more users…
                </button>
              </MenuItem>
              <MenuSeparator className="my-1 h-px bg-gray-200 dark:bg-gray-700" />
              <MenuItem>
                <button type="button" className={item} onClick={onDiscard}>
                  Forever, and discard new events
                  <span className="block text-xs text-gray-500 dark:text-gray-400">Not stored, no quota; reopening keeps them again</span>
                </button>
              </MenuItem>
            </MenuItems>
          </Menu>
        </>
      )}
      <label className="flex items-center gap-1.5 text-sm">
        <span className="sr-only sm:not-sr-only sm:text-gray-500 sm:dark:text-gray-400">Assignee</span>
        <select
          aria-label="Assignee"
          value={assigneeSelected}
          disabled={isPending}
          onChange={(e) => assign(e.target.value)}
          className="max-w-[12rem] rounded-md border border-gray-300 bg-white py-1.5 pl-2 pr-7 text-sm text-gray-900 dark:border-gray-700 dark:bg-gray-800 dark:text-gray-100"
        >
          <option value="">Unassigned</option>
          {teamOptions.length > 0 && (
            <optgroup label="Teams">
              {teamOptions.map((t) => (
                <option key={t.id} value={assigneeValue({ type: "team", id: t.id })}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="People">
            {assignable.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === currentUserId ? `Me (${m.name || m.email})` : m.name || m.email}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <FollowIssueButton errorId={issue.errorId} />
      <ShareLinkButton />
      {onDelete && (
        <Menu>
          <MenuButton aria-label="More issue actions" disabled={isPending} className={`${button.secondary} px-2`}>
            <span aria-hidden="true">⋯</span>
          </MenuButton>
          <MenuItems anchor="bottom end" className={menu}>
            <MenuItem>
              <button type="button" className={`${item} text-red-700 dark:text-red-400`} onClick={onDelete}>
                Delete issue…
                <span className="block text-xs text-gray-500 dark:text-gray-400">With its events, attachments and feedback</span>
              </button>
            </MenuItem>
          </MenuItems>
        </Menu>
      )}
      <CountDialog
        open={asking !== null}
        title={asking === "users" ? "Ignore until more users are affected" : "Ignore until more events arrive"}
        label={asking === "users" ? "More users" : "More events"}
        onClose={() => setAsking(null)}
        onConfirm={(n) => {
          onUpdate({ status: "ignored", statusDetails: asking === "users" ? { ignoreUserCount: n } : { ignoreCount: n } });
          setAsking(null);
        }}
      />
    </div>
  );
}
