"use client";

import { useState } from "react";
import { Popover, PopoverButton, PopoverPanel } from "@headlessui/react";
import { button, input } from "@/components/ui/buttonStyles";
import { ChevronUpDownIcon } from "@/components/ui/Icons";
import { CheckboxChoice } from "@/components/ui/CheckboxChoice";
import { projectNames, type ProjectOption } from "@/components/settings/ChannelRoutingFields";

/** What the picker's button reads: every project, the one or two it names, or how many. */
function projectsSummary(projectIds: string[], projects: ProjectOption[]): string {
  if (projectIds.length === 0) return "All projects";
  const names = projectNames(projectIds, projects);
  return names.length <= 2 ? names.join(", ") : `${names.length} projects`;
}

/**
 * The projects an alert rule watches: a button naming them that opens the projects as checkboxes
 * (none checked = every project) and saves the whole list at once.
 */
export function RuleProjectsPicker({
  ruleName,
  projectIds,
  projects,
  disabled,
  onSave,
}: {
  ruleName: string;
  projectIds: string[];
  projects: ProjectOption[];
  disabled: boolean;
  onSave: (projectIds: string[]) => void;
}) {
  const [picked, setPicked] = useState(projectIds);
  const changed = picked.length !== projectIds.length || picked.some((id) => !projectIds.includes(id));
  // Ids of projects deleted since stay listed (they match nothing) until someone unticks them here.
  const options = [...projects, ...projectIds.filter((id) => !projects.some((p) => p.id === id)).map((id) => ({ id, name: "a deleted project" }))];

  return (
    <div className="block text-xs text-gray-600 dark:text-gray-400">
      Projects
      <Popover className="relative mt-0.5">
        <PopoverButton
          disabled={disabled}
          aria-label={`Projects: ${ruleName}: ${projectsSummary(projectIds, projects)}`}
          onClick={() => setPicked(projectIds)}
          className={`${input} flex w-40 items-center justify-between gap-1 py-1 text-left disabled:opacity-60`}
        >
          <span className="truncate">{projectsSummary(projectIds, projects)}</span>
          <ChevronUpDownIcon className="h-4 w-4 shrink-0 text-gray-400" />
        </PopoverButton>
        <PopoverPanel
          anchor="bottom end"
          className="z-40 mt-1 w-72 rounded-md bg-white p-3 shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700"
        >
          {({ close }) => (
            <form
              aria-label={`Projects of ${ruleName}`}
              onSubmit={(e) => {
                e.preventDefault();
                // In a portal, yet inside the row's form in React's tree: its submit would bubble to the row's form too.
                e.stopPropagation();
                onSave(picked);
                close();
              }}
            >
              <CheckboxChoice
                legend={<>Events of {picked.length === 0 && <span className="text-gray-500 dark:text-gray-400">(none ticked: every project)</span>}</>}
                options={options.map((p) => ({ value: p.id, label: p.name }))}
                value={picked}
                onChange={setPicked}
              />
              <div className="mt-3 flex justify-end gap-2">
                <button type="button" className={button.ghost} onClick={() => close()}>
                  Cancel
                </button>
                <button type="submit" className={button.primary} disabled={!changed}>
                  Save
                </button>
              </div>
            </form>
          )}
        </PopoverPanel>
      </Popover>
    </div>
  );
}
