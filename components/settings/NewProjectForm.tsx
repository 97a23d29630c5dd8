"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { rememberFirstRunKey } from "@/lib/client/firstRunKey";
import type { NewProject } from "@/lib/projects/addProject";
import { PLATFORMS } from "@/lib/projects/projectSchemas";

/**
 * POST /api/v1/workspaces/:id/projects (admins). The answer holds the new ingest key, shown to
 * the caller; it is also kept for this tab so the first-run screen can show the real DSN.
 */
export function NewProjectForm({ workspaceId, onCreated, onCancel }: { workspaceId: string; onCreated: (project: NewProject) => void; onCancel: () => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [platform, setPlatform] = useState<string>("javascript");
  const { busy, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const project = await apiFetch<NewProject>(`/api/v1/workspaces/${workspaceId}/projects`, { method: "POST", json: { name, platform } });
      rememberFirstRunKey({ projectId: project.id, ingestKey: project.ingestKey });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      onCreated(project);
      return STAY_BUSY;
    }, "could not create the project");
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <FormField label="Project name">
            <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} className={`${input} w-full`} />
          </FormField>
        </div>
        <FormField label="Platform">
          <select value={platform} onChange={(e) => setPlatform(e.target.value)} className={`${input} w-full`}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormError message={error} />
      <div className="flex gap-2">
        <button type="submit" disabled={busy} className={button.primary}>
          {busy ? "Creating…" : "Create project"}
        </button>
        <button type="button" onClick={onCancel} className={button.secondary}>
          Cancel
        </button>
      </div>
    </form>
  );
}
