"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";

/** PATCH /api/v1/workspaces/:id {name} (admins). */
export function WorkspaceNameForm({ workspaceId, name, isAdmin }: { workspaceId: string; name: string; isAdmin: boolean }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [value, setValue] = useState(name);
  const { busy, run } = useSubmit();

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(
      async () => {
        await apiFetch(`/api/v1/workspaces/${workspaceId}`, { method: "PATCH", json: { name: value } });
        showToast("Workspace renamed", "success");
        await queryClient.invalidateQueries({ queryKey: ["me"] });
      },
      "could not rename",
      showToast,
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <label className="block flex-1 text-sm">
        <span className="font-medium text-gray-700 dark:text-gray-300">Workspace name</span>
        <input required disabled={!isAdmin} value={value} onChange={(e) => setValue(e.target.value)} className={`${input} mt-1 w-full`} />
      </label>
      {isAdmin && (
        <button type="submit" disabled={busy || value.trim() === name} className={button.secondary}>
          {busy ? "Saving…" : "Rename"}
        </button>
      )}
    </form>
  );
}
