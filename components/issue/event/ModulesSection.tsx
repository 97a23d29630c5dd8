"use client";

import { useState } from "react";
import type { EventView } from "@/lib/errors/events/getEvent";
import { input } from "@/components/ui/buttonStyles";
import { KeyValueTable } from "@/components/ui/KeyValueTable";
import { CollapsibleSection } from "@/components/ui/CollapsibleSection";

/**
 * The packages installed in the application and their versions (Sentry's `modules`): collapsed until
 * opened, then filtered by what is typed (name or version).
 */
export function ModulesSection({ modules }: { modules: EventView["modules"] }) {
  const [filter, setFilter] = useState("");
  if (modules.length === 0) return null;
  const needle = filter.trim().toLowerCase();
  const shown = needle ? modules.filter((m) => m.name.toLowerCase().includes(needle) || m.version.toLowerCase().includes(needle)) : modules;
  return (
    <CollapsibleSection
      id="modules-title"
      title={`Packages (${modules.length})`}
      contentId="modules-list"
      summary="The packages installed in the application and their versions, as the SDK listed them."
    >
      <div className="space-y-2">
        <input
          type="search"
          aria-label="Filter packages"
          placeholder="Filter by name or version"
          className={`${input} w-full sm:w-72`}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {shown.length > 0 ? (
          <KeyValueTable rows={shown.map((m): [string, string] => [m.name, m.version || "—"])} testId="modules" />
        ) : (
          <p className="text-sm text-gray-500 dark:text-gray-400">No package matches “{filter.trim()}”.</p>
        )}
      </div>
    </CollapsibleSection>
  );
}
