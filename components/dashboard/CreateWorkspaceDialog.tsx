"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { DialogFooter } from "@/components/ui/DialogFooter";

/** POST /api/v1/workspaces: the creator becomes admin; the page then switches to it. */
export function CreateWorkspaceDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const { busy, error, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const created = await apiFetch<{ id: string }>("/api/v1/workspaces", { method: "POST", json: { name } });
      await queryClient.invalidateQueries({ queryKey: ["me"] });
      setName("");
      onCreated(created.id);
    }, "could not create the workspace");
  }

  return (
    <ModalDialog open={open} title="New workspace" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4">
        <FormField label="Workspace name" hint="You become its admin and can invite your team.">
          <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} className={`${input} w-full`} />
        </FormField>
        <FormError message={error} />
        <DialogFooter label={busy ? "Creating…" : "Create workspace"} onCancel={onClose} disabled={busy} />
      </form>
    </ModalDialog>
  );
}
