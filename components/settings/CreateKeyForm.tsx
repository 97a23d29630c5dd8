"use client";

import { useState, type FormEvent } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import type { CreatedIngestKey } from "@/lib/client/hooks/useIngestKeysQuery";
import { useCreateIngestKeyMutation } from "@/lib/client/hooks/useIngestKeysQuery";

/** Names and creates a key; the parent shows the returned raw key once. */
export function CreateKeyForm({ projectId, onCreated }: { projectId: string; onCreated: (key: CreatedIngestKey) => void }) {
  const [name, setName] = useState("");
  const create = useCreateIngestKeyMutation(projectId);

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (key) => {
          setName("");
          onCreated(key);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <label className="block flex-1 text-sm">
        <span className="text-gray-700 dark:text-gray-300">New key name</span>
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. production backend" className={`${input} mt-1 w-full`} />
      </label>
      <button type="submit" disabled={create.isPending || !name.trim()} className={button.primary}>
        {create.isPending ? "Creating…" : "Create key"}
      </button>
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
