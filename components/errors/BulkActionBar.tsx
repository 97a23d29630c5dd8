"use client";

import { Menu, MenuButton, MenuItem, MenuItems } from "@headlessui/react";
import { useState } from "react";
import { CountDialog } from "@/components/issue/CountDialog";
import { button } from "@/components/ui/buttonStyles";
import { ChevronUpDownIcon } from "@/components/ui/Icons";
import { formatCount } from "@/lib/client/format";
import type { BulkProgress } from "@/lib/errors/bulk/bulkSchemas";
import type { StatusDetails } from "@/lib/errors/triage/statusDetails";
import type { Member } from "@/lib/workspaces/listMembers";

export type BulkChoice =
  | { action: "resolve"; statusDetails?: StatusDetails }
  | { action: "ignore"; statusDetails?: StatusDetails }
  | { action: "reopen" }
  | { action: "assign"; assigneeId: string | null }
  | { action: "assign"; assigneeTeamId: string };

interface BulkActionBarProps {
  count: number;
  members: Member[];
  teams: { id: string; name: string }[];
  currentUserId: string;
  progress: BulkProgress | null;
  onAction: (choice: BulkChoice) => void;
  /** Set when the selection can be merged (two or more issues picked one by one). */
  onMerge?: () => void;
  onClear: () => void;
}

const item = "block w-full rounded px-2.5 py-1.5 text-left text-sm data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800";
const menu = "z-40 mt-1 w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700";

/** Actions on the selected issues, sent as one request; a progress bar while a large selection runs. */
export function BulkActionBar({ count, members, teams, currentUserId, progress, onAction, onMerge, onClear }: BulkActionBarProps) {
  const [asking, setAsking] = useState<"events" | "users" | null>(null);
  const busy = progress !== null;
  return (
    <div className="sticky top-0 z-20 flex flex-wrap items-center gap-2 border-b border-blue-200 bg-blue-50 px-4 py-2 text-sm sm:px-6 dark:border-blue-900 dark:bg-blue-950/60" data-testid="bulk-bar" role="toolbar" aria-label="Bulk actions">
      <span className="font-medium text-blue-900 dark:text-blue-200" data-testid="bulk-count">
        {formatCount(count)} selected
      </span>
      <div className="inline-flex">
        <button type="button" className={`${button.success} rounded-r-none py-1`} disabled={busy} onClick={() => onAction({ action: "resolve" })}>
          Resolve
        </button>
        <Menu>
          <MenuButton aria-label="More resolve options" disabled={busy} className={`${button.success} rounded-l-none border-l border-green-900 px-1.5 py-1`}>
            <ChevronUpDownIcon className="h-4 w-4" />
          </MenuButton>
          <MenuItems anchor="bottom start" className={menu}>
            <MenuItem>
              <button type="button" className={item} onClick={() => onAction({ action: "resolve", statusDetails: { inNextRelease: true } })}>
                Resolve in the next release
              </button>
            </MenuItem>
          </MenuItems>
        </Menu>
      </div>
      <Menu>
        <MenuButton className={`${button.secondary} py-1`} disabled={busy}>
          Ignore <ChevronUpDownIcon className="h-4 w-4" />
        </MenuButton>
        <MenuItems anchor="bottom start" className={menu}>
          <MenuItem>
            <button type="button" className={item} onClick={() => onAction({ action: "ignore" })}>
              Forever
            </button>
          </MenuItem>
          <MenuItem>
            <button type="button" className={item} onClick={() => onAction({ action: "ignore", statusDetails: { ignoreDurationMinutes: 1440 } })}>
              For 24 hours
            </button>
          </MenuItem>
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
        </MenuItems>
      </Menu>
      <button type="button" className={`${button.secondary} py-1`} disabled={busy} onClick={() => onAction({ action: "reopen" })}>
        Reopen
      </button>
      <select
        aria-label="Assign selected to"
        disabled={busy}
        value=""
        onChange={(e) => {
          const value = e.target.value;
          if (!value) return;
          if (value.startsWith("team:")) onAction({ action: "assign", assigneeTeamId: value.slice(5) });
          else onAction({ action: "assign", assigneeId: value === "none" ? null : value });
        }}
        className="rounded-md border border-gray-300 bg-white py-1 pl-2 pr-7 text-sm dark:border-gray-700 dark:bg-gray-800"
      >
        <option value="">Assign to…</option>
        <option value="none">Nobody (unassign)</option>
        {teams.length > 0 && (
          <optgroup label="Teams">
            {teams.map((t) => (
              <option key={t.id} value={`team:${t.id}`}>
                {t.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="People">
          {members
            .filter((m) => m.role !== "viewer")
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === currentUserId ? `Me (${m.name || m.email})` : m.name || m.email}
              </option>
            ))}
        </optgroup>
      </select>
      <button
        type="button"
        className={`${button.secondary} py-1`}
        disabled={busy || !onMerge}
        title={onMerge ? undefined : "Pick two or more issues on this page to merge them"}
        onClick={onMerge}
      >
        Merge selected
      </button>
      <button type="button" className={`${button.ghost} py-1`} disabled={busy} onClick={onClear}>
        Clear
      </button>
      {progress && (
        <div className="flex min-w-40 flex-1 items-center gap-2" data-testid="bulk-progress">
          <div className="h-2 flex-1 overflow-hidden rounded bg-blue-100 dark:bg-blue-900" role="progressbar" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-label="Bulk change progress">
            <div className="h-full bg-blue-600 transition-all" style={{ width: `${progress.total ? (progress.done / progress.total) * 100 : 0}%` }} />
          </div>
          <span className="whitespace-nowrap text-xs text-blue-900 dark:text-blue-200">
            {formatCount(progress.done)} / {formatCount(progress.total)}
          </span>
        </div>
      )}
      <CountDialog
        open={asking !== null}
        title={asking === "users" ? "Ignore until more users are affected" : "Ignore until more events arrive"}
        label={asking === "users" ? "More users (per issue)" : "More events (per issue)"}
        onClose={() => setAsking(null)}
        onConfirm={(n) => {
          onAction({ action: "ignore", statusDetails: asking === "users" ? { ignoreUserCount: n } : { ignoreCount: n } });
          setAsking(null);
        }}
      />
    </div>
  );
}
