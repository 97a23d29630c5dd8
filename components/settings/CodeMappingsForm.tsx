"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { useToast } from "@/components/ui/Toast";
import { useUpdateProjectMutation } from "@/lib/client/hooks/useProjectQuery";
import type { CodeMapping } from "@/lib/projects/codeMappings/codeMappingSchema";
import type { ProjectInfo } from "@/lib/projects/getProject";

const EMPTY: CodeMapping = { stackRoot: "", sourceRoot: "", repositoryUrl: "", defaultBranch: "main" };

/**
 * PATCH /api/v1/projects/:id {codeMappings} (admins): where the files of stack traces live in the
 * repository, so every frame of the event viewer links to its source.
 */
export function CodeMappingsForm({ project }: { project: ProjectInfo }) {
  const { showToast } = useToast();
  const save = useUpdateProjectMutation(project.id);
  const [rows, setRows] = useState<CodeMapping[]>(project.codeMappings);
  const set = (index: number, key: keyof CodeMapping, value: string) => setRows((all) => all.map((row, i) => (i === index ? { ...row, [key]: value } : row)));

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ codeMappings: rows.filter((row) => row.repositoryUrl.trim() !== "") }, { onSuccess: () => showToast("Code mappings saved", "success") });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Code mappings">
      <p className="text-sm text-gray-600 dark:text-gray-300">
        Frames whose path starts with a <em>stack root</em> link to the same file under the <em>source root</em> of the repository — at the event&apos;s release
        when it is a commit (<code className="font-mono">4f2a9c1</code>, <code className="font-mono">shop@4f2a9c1</code>), else the branch. GitHub, GitLab,
        Bitbucket and Azure DevOps URLs work as they are; for another host give a template with <code className="font-mono">{"{ref}"}</code>,{" "}
        <code className="font-mono">{"{path}"}</code> and <code className="font-mono">{"{line}"}</code>.
      </p>
      {rows.length === 0 && <p className="text-sm text-gray-500 dark:text-gray-400">No code mappings: frames show no source links.</p>}
      <ul className="space-y-3">
        {rows.map((row, index) => (
          <li key={index} data-testid="code-mapping" className="grid gap-2 rounded-md border border-gray-200 p-3 sm:grid-cols-2 dark:border-gray-700">
            <FormField label="Stack root" hint="Empty: every path">
              <input aria-label={`Stack root ${index + 1}`} placeholder="/srv/app/" maxLength={300} value={row.stackRoot} onChange={(e) => set(index, "stackRoot", e.target.value)} className={`${input} w-full font-mono text-xs`} />
            </FormField>
            <FormField label="Source root" hint="Empty: the repository's root">
              <input aria-label={`Source root ${index + 1}`} placeholder="backend/" maxLength={300} value={row.sourceRoot} onChange={(e) => set(index, "sourceRoot", e.target.value)} className={`${input} w-full font-mono text-xs`} />
            </FormField>
            <FormField label="Repository URL">
              <input aria-label={`Repository URL ${index + 1}`} placeholder="https://github.com/acme/shop" type="url" maxLength={2000} value={row.repositoryUrl} onChange={(e) => set(index, "repositoryUrl", e.target.value)} className={`${input} w-full font-mono text-xs`} />
            </FormField>
            <div className="flex items-end gap-2">
              <div className="min-w-0 flex-1">
                <FormField label="Branch">
                  <input aria-label={`Branch ${index + 1}`} placeholder="main" maxLength={200} value={row.defaultBranch} onChange={(e) => set(index, "defaultBranch", e.target.value)} className={`${input} w-full font-mono text-xs`} />
                </FormField>
              </div>
              <button type="button" className={button.ghost} onClick={() => setRows((all) => all.filter((_, i) => i !== index))} aria-label={`Remove code mapping ${index + 1}`}>
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <FormError message={save.error?.message ?? null} />
      <div className="flex gap-2">
        <button type="button" className={button.secondary} disabled={rows.length >= 20} onClick={() => setRows((all) => [...all, EMPTY])}>
          Add mapping
        </button>
        <button type="submit" disabled={save.isPending} className={button.primary}>
          {save.isPending ? "Saving…" : "Save code mappings"}
        </button>
      </div>
    </form>
  );
}
