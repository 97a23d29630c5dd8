"use client";

import { ListCheckbox } from "@/components/ui/CheckboxChoice";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";

/** Per project of each of your workspaces: mute it (its issues and alerts reach you only for issues you follow; an assignment or a mention still does). */
export function MutedProjectsField({ mutedProjectIds, disabled, onChange }: { mutedProjectIds: string[]; disabled: boolean; onChange: (next: string[]) => void }) {
  const me = useMeQuery();
  const workspaces = (me.data?.workspaces ?? []).filter((w) => w.projects.length > 0);
  if (workspaces.length === 0) return null;
  const several = workspaces.length > 1;
  return (
    <div className="mt-4 border-t border-gray-100 pt-4 text-sm dark:border-gray-800">
      <fieldset>
        <legend className="text-gray-800 dark:text-gray-200">Muted projects</legend>
        <p className="text-xs text-gray-500 dark:text-gray-400">
          A muted project&apos;s issues and alerts reach you only for the issues you follow yourself; being assigned one, or mentioned, still tells you.
        </p>
        <div className="mt-2 space-y-2">
          {workspaces.map((w) => (
            <div key={w.id}>
              {several && <p className="text-xs font-medium uppercase tracking-wide text-gray-500 dark:text-gray-400">{w.name}</p>}
              <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {w.projects.map((p) => (
                  <ListCheckbox key={p.id} item={p.id} chosen={mutedProjectIds} onChange={onChange} disabled={disabled} ariaLabel={`Mute ${p.name}${several ? ` (${w.name})` : ""}`}>
                    {p.name}
                  </ListCheckbox>
                ))}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
