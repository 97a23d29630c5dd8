"use client";

import { Menu, MenuButton, MenuItem, MenuItems } from "@headlessui/react";
import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { ChevronUpDownIcon } from "@/components/ui/Icons";
import { useToast } from "@/components/ui/Toast";
import { useDeleteSavedSearchMutation, useSavedSearchesQuery, useSaveSearchMutation } from "@/lib/client/hooks/useSavedSearchesQuery";

interface SavedSearchesProps {
  workspaceId: string;
  query: string;
  onApply: (query: string) => void;
}

/** The user's own saved searches: apply one, save the current search under a name, delete one. */
export function SavedSearches({ workspaceId, query, onApply }: SavedSearchesProps) {
  const { showToast } = useToast();
  const saved = useSavedSearchesQuery(workspaceId);
  const save = useSaveSearchMutation(workspaceId, (m) => showToast(`Not saved: ${m}`));
  const remove = useDeleteSavedSearchMutation(workspaceId, (m) => showToast(`Not deleted: ${m}`));
  const [isNaming, setIsNaming] = useState(false);
  const [name, setName] = useState("");
  const items = saved.data?.items ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return;
    save.mutate(
      { name: name.trim(), query },
      {
        onSuccess: () => {
          setIsNaming(false);
          setName("");
          showToast(`Saved "${name.trim()}"`, "success");
        },
      },
    );
  }

  if (isNaming) {
    return (
      <form onSubmit={submit} className="flex gap-1">
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Name this search" aria-label="Saved search name" className={`${input} w-40`} autoFocus maxLength={80} />
        <button type="submit" className={button.primary} disabled={save.isPending || !name.trim()}>
          Save
        </button>
        <button type="button" className={button.ghost} onClick={() => setIsNaming(false)}>
          Cancel
        </button>
      </form>
    );
  }

  return (
    <Menu>
      <MenuButton className={button.secondary} data-testid="saved-searches">
        Saved <ChevronUpDownIcon className="h-4 w-4" />
      </MenuButton>
      <MenuItems anchor="bottom end" className="z-40 mt-1 w-72 rounded-md bg-white p-1 text-sm shadow-lg ring-1 ring-gray-200 focus:outline-none dark:bg-gray-900 dark:ring-gray-700">
        {items.length === 0 && <p className="px-2.5 py-1.5 text-xs text-gray-500 dark:text-gray-400">No saved searches yet.</p>}
        {items.map((s) => (
          <div key={s.id} className="flex items-center gap-1">
            <MenuItem>
              <button type="button" className="min-w-0 flex-1 rounded px-2.5 py-1.5 text-left data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800" onClick={() => onApply(s.query)}>
                <span className="block truncate font-medium">{s.name}</span>
                <span className="block truncate font-mono text-xs text-gray-500 dark:text-gray-400">{s.query || "(everything)"}</span>
              </button>
            </MenuItem>
            <MenuItem>
              <button type="button" aria-label={`Delete saved search ${s.name}`} className="rounded px-2 py-1 text-xs text-gray-500 data-[focus]:bg-red-50 data-[focus]:text-red-700 dark:text-gray-400" onClick={() => remove.mutate(s.id)}>
                ×
              </button>
            </MenuItem>
          </div>
        ))}
        <div className="my-1 h-px bg-gray-200 dark:bg-gray-700" />
        <MenuItem>
          <button type="button" className="w-full rounded px-2.5 py-1.5 text-left data-[focus]:bg-gray-100 dark:data-[focus]:bg-gray-800" onClick={() => setIsNaming(true)}>
            Save current search…
          </button>
        </MenuItem>
      </MenuItems>
    </Menu>
  );
}
