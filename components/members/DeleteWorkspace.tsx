"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { STAY_BUSY, useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { confirmationProblem } from "@/lib/workspaces/deletion/confirmationProblem";
import { DialogFooter } from "@/components/ui/DialogFooter";

/**
 * DELETE /api/v1/workspaces/:id (admins): its name typed again. The workspace is gone from everyone's
 * list at once; the dashboard then opens at / — another workspace, or the way to create one.
 */
export function DeleteWorkspace({ workspace }: { workspace: { id: string; name: string; projectCount: number } }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { busy, error, run } = useSubmit();

  function close() {
    setOpen(false);
    setTyped("");
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await apiFetch(`/api/v1/workspaces/${workspace.id}`, { method: "DELETE", json: { confirm: typed } });
      window.location.replace("/");
      return STAY_BUSY;
    }, "could not delete");
  }

  const projects =
    workspace.projectCount === 0
      ? ""
      : workspace.projectCount === 1
        ? "its project with its issues, events and ingest keys, "
        : `its ${workspace.projectCount} projects with their issues, events and ingest keys, `;
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-gray-600 dark:text-gray-300">
        Deleting the workspace <span className="font-medium text-gray-900 dark:text-gray-100">{workspace.name}</span> removes {projects}its members, teams, alert rules, channels and activity. This cannot be undone.
      </p>
      <button type="button" className={`${button.danger} shrink-0`} onClick={() => setOpen(true)}>
        Delete workspace
      </button>
      <ModalDialog open={open} title={`Delete “${workspace.name}”?`} onClose={close}>
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-gray-600 dark:text-gray-300">
            Every member loses it at once and its ingest keys stop working; its data is then deleted in the background.
          </p>
          <FormField label={`Type ${workspace.name} to confirm`}>
            <input required value={typed} onChange={(e) => setTyped(e.target.value)} className={`${input} w-full`} autoComplete="off" />
          </FormField>
          <FormError message={error} />
          <DialogFooter label={busy ? "Deleting…" : "Delete workspace"} onCancel={close} disabled={busy || confirmationProblem(typed, workspace.name) !== null} danger />
        </form>
      </ModalDialog>
    </div>
  );
}
