"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import type { EventFrame } from "@/components/issue/event/eventTypes";
import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { KeyValueTable } from "@/components/ui/KeyValueTable";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { SubmitOrCancel } from "@/components/ui/SubmitOrCancel";
import { useToast } from "@/components/ui/Toast";
import { useProjectQuery, useUpdateProjectMutation } from "@/lib/client/hooks/useProjectQuery";
import { basename } from "@/lib/ingest/stacktrace/location";
import { deriveCodeMapping } from "@/lib/projects/codeMappings/deriveCodeMapping";

/**
 * Sets up a code mapping from one frame (admins): the user pastes the address of the frame's file in
 * the repository, the mapping is derived from the two paths and previewed, and saving appends it to
 * the project's code mappings (PATCH /api/v1/projects/:id) — every frame under the same stack root
 * then links to its source.
 */
export function LinkSourceDialog({ projectId, frame, onClose }: { projectId: string; frame: EventFrame | null; onClose: () => void }) {
  return (
    <ModalDialog open={frame !== null} title="Link frames to your repository" onClose={onClose}>
      {frame && <LinkSourceForm key={`${frame.filename}|${frame.absPath}`} projectId={projectId} frame={frame} onClose={onClose} />}
    </ModalDialog>
  );
}

function LinkSourceForm({ projectId, frame, onClose }: { projectId: string; frame: EventFrame; onClose: () => void }) {
  const { showToast } = useToast();
  const queryClient = useQueryClient();
  const project = useProjectQuery(projectId);
  const save = useUpdateProjectMutation(projectId);
  const [address, setAddress] = useState("");
  const derived = address.trim() === "" ? null : deriveCodeMapping([frame.filename, frame.absPath], address);
  const path = frame.absPath ?? frame.filename ?? "";

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!derived?.ok || !project.data) return;
    save.mutate(
      { codeMappings: [...project.data.codeMappings, derived.mapping] },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({ queryKey: ["issueEvent"] });
          showToast("Code mapping saved", "success");
          onClose();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Link to source">
      <p className="text-sm text-gray-600 dark:text-gray-300">
        Open <code className="break-all font-mono text-xs">{basename(path)}</code> in your repository and paste its address. Faultline works out
        which part of <code className="break-all font-mono text-xs">{path}</code> is your server&apos;s and which the repository&apos;s, and links every frame
        under it.
      </p>
      <FormField label="File address">
        <input
          aria-label="File address"
          type="url"
          autoFocus
          placeholder="https://github.com/acme/shop/blob/main/src/…"
          value={address}
          onChange={(e) => setAddress(e.target.value)}
          className={`${input} w-full font-mono text-xs`}
        />
      </FormField>
      {derived && !derived.ok && (
        <p className="text-sm text-amber-700 dark:text-amber-300" data-testid="link-source-problem">
          {derived.reason}
        </p>
      )}
      {derived?.ok && (
        <div data-testid="link-source-preview" className="space-y-1">
          <KeyValueTable
            rows={[
              ["Stack root", derived.mapping.stackRoot || "(every path)"],
              ["Source root", derived.mapping.sourceRoot || "(repository root)"],
              ["Repository", derived.mapping.repositoryUrl],
              ["Branch", derived.mapping.defaultBranch],
            ]}
          />
          {derived.refIsCommit && <p className="text-xs text-gray-500 dark:text-gray-400">That address is at a commit: the mapping uses the branch main, and each event&apos;s release commit when the release names one. Change the branch in Settings → Project.</p>}
        </div>
      )}
      <FormError message={save.error?.message ?? (project.error ? project.error.message : null)} />
      <SubmitOrCancel label={save.isPending ? "Saving…" : "Save mapping"} busy={!derived?.ok || !project.data || save.isPending} onCancel={onClose} />
    </form>
  );
}
