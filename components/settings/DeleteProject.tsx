"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { DialogFooter } from "@/components/ui/DialogFooter";

/** DELETE /api/v1/projects/:id: its name typed again; issues, events and keys go with it. */
export function DeleteProject({ project }: { project: { id: string; name: string; workspaceId: string } }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { busy, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await apiFetch(`/api/v1/projects/${project.id}`, { method: "DELETE", json: { confirmName: typed } });
      window.location.replace(`/settings?ws=${project.workspaceId}`);
      return STAY_BUSY;
    }, "could not delete");
  }

  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-gray-600 dark:text-gray-300">Deleting the project <span className="font-medium text-gray-900 dark:text-gray-100">{project.name}</span> removes its issues, events and ingest keys. This cannot be undone.</p>
      <button type="button" className={button.danger} onClick={() => setOpen(true)}>
        Delete project
      </button>
      <ModalDialog open={open} title={`Delete “${project.name}”?`} onClose={() => setOpen(false)}>
        <form onSubmit={submit} className="space-y-4">
          <FormField label={`Type ${project.name} to confirm`}>
            <input required value={typed} onChange={(e) => setTyped(e.target.value)} className={`${input} w-full`} />
          </FormField>
          <FormError message={error} />
          <DialogFooter label={busy ? "Deleting…" : "Delete project"} onCancel={() => setOpen(false)} disabled={busy || typed !== project.name} danger />
        </form>
      </ModalDialog>
    </div>
  );
}
