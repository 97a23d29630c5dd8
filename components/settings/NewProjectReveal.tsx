"use client";

import { button } from "@/components/ui/buttonStyles";
import { CopyButton } from "@/components/ui/CopyButton";
import { IngestInstructions } from "@/components/settings/IngestInstructions";
import type { NewProject } from "@/lib/projects/addProject";

/** Right after a project is created: its key, DSN and a curl to send a first error (admins can show the key again in the key list). */
export function NewProjectReveal({ project, onDone }: { project: NewProject; onDone: () => void }) {
  return (
    <section role="region" aria-label="New project" className="space-y-4 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950/30 dark:ring-amber-900">
      <div>
        <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
          Project “{project.name}” created. Copy its ingest key and DSN below; admins can copy them again later under Ingest keys.
        </p>
        <div className="mt-2 flex items-center gap-2">
          <code data-testid="new-project-key" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm text-gray-900 ring-1 ring-amber-200 dark:bg-gray-900 dark:text-gray-100 dark:ring-amber-900">
            {project.ingestKey}
          </code>
          <CopyButton text={project.ingestKey} />
        </div>
      </div>
      <IngestInstructions ingestKey={project.ingestKey} projectPublicId={project.publicId} />
      <button type="button" onClick={onDone} className={button.secondary}>
        I have copied it
      </button>
    </section>
  );
}
