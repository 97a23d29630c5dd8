"use client";

import { useState } from "react";
import { Listbox, ListboxButton, ListboxOption, ListboxOptions } from "@headlessui/react";
import { CreateWorkspaceDialog } from "@/components/dashboard/CreateWorkspaceDialog";
import { CheckIcon, ChevronUpDownIcon } from "@/components/ui/Icons";
import type { Me } from "@/lib/workspaces/getMe";

type Workspace = Me["workspaces"][number];

const NEW_WORKSPACE = "__new__";

/** Lists every workspace of the user (with their role in it) and creates a new one. */
export function WorkspaceSwitcher({ workspaces, current, onChange }: { workspaces: Workspace[]; current: Workspace; onChange: (id: string) => void }) {
  const [creating, setCreating] = useState(false);
  return (
    <>
      <Listbox value={current.id} onChange={(id: string) => (id === NEW_WORKSPACE ? setCreating(true) : onChange(id))}>
        <ListboxButton
          aria-label={`Workspace: ${current.name}. Switch workspace`}
          className="flex max-w-[11rem] items-center gap-1 rounded-md px-2 py-1 text-sm font-medium text-gray-700 ring-1 ring-gray-300 hover:bg-gray-50 focus-visible:outline-2 focus-visible:outline-blue-500 sm:max-w-xs dark:text-gray-200 dark:ring-gray-700 dark:hover:bg-gray-800"
        >
          <span className="truncate">{current.name}</span>
          <ChevronUpDownIcon className="h-4 w-4 shrink-0 text-gray-400" />
        </ListboxButton>
        <ListboxOptions
          anchor="bottom start"
          className="z-40 mt-1 w-64 rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700"
        >
          {workspaces.map((ws) => (
            <ListboxOption
              key={ws.id}
              value={ws.id}
              className="group flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800"
            >
              <CheckIcon className="invisible h-4 w-4 text-blue-600 group-data-[selected]:visible" />
              <span className="flex-1 truncate">{ws.name}</span>
              <span className="text-xs text-gray-500 dark:text-gray-400">{ws.role}</span>
            </ListboxOption>
          ))}
          <ListboxOption
            value={NEW_WORKSPACE}
            className="mt-1 flex cursor-pointer items-center gap-2 rounded border-t border-gray-100 px-2 py-1.5 text-blue-700 data-[focus]:bg-gray-100 dark:border-gray-800 dark:text-blue-400 dark:data-[focus]:bg-gray-800"
          >
            <span className="w-4 text-center" aria-hidden="true">
              +
            </span>
            New workspace…
          </ListboxOption>
        </ListboxOptions>
      </Listbox>
      <CreateWorkspaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          onChange(id);
        }}
      />
    </>
  );
}
