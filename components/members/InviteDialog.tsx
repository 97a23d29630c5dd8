"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { CopyButton } from "@/components/ui/CopyButton";
import { FormField } from "@/components/ui/FormField";
import { ModalDialog } from "@/components/ui/ModalDialog";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { calendarDate } from "@/lib/client/zonedTime";
import { DialogFooter } from "@/components/ui/DialogFooter";

interface CreatedInvitation {
  url: string;
  expiresAt: string;
  email: string;
  role: string;
  emailed: boolean;
}

const ROLE_HINTS = {
  viewer: "reads everything, changes nothing",
  member: "also triages: status, assignee, resolution",
  admin: "also manages projects, keys, members and rules",
} as const;

/** Invite by email with a role; the single-use link is shown once, to copy (and emailed when SMTP is set up). */
export function InviteDialog({ workspaceId, open, onClose }: { workspaceId: string; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const zone = useTimeZone();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<keyof typeof ROLE_HINTS>("member");
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { busy, error, setError, run } = useSubmit();

  function close() {
    setCreated(null);
    setEmail("");
    setError(null);
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      setCreated(await apiFetch<CreatedInvitation>(`/api/v1/workspaces/${workspaceId}/invitations`, { method: "POST", json: { email, role } }));
      void queryClient.invalidateQueries({ queryKey: ["invitations", workspaceId] });
    }, "could not invite");
  }

  return (
    <ModalDialog open={open} title={created ? "Invitation created" : "Invite a colleague"} onClose={close}>
      {created ? (
        <div role="region" aria-label="Invitation link" className="space-y-4 text-sm">
          <p className="text-gray-600 dark:text-gray-300">
            Send this link to <span className="font-medium text-gray-900 dark:text-gray-100">{created.email}</span> ({created.role}). It works once and
            expires {calendarDate(created.expiresAt, zone)}. It is shown only now{created.emailed ? "; it was also emailed" : ""}.
          </p>
          <div className="flex items-center gap-2">
            <code data-testid="invite-url" className="min-w-0 flex-1 break-all rounded bg-gray-100 px-2 py-1.5 font-mono text-xs text-gray-800 dark:bg-gray-800 dark:text-gray-200">
              {created.url}
            </code>
            <CopyButton text={created.url} />
          </div>
          <div className="flex justify-end">
            <button type="button" onClick={close} className={button.primary}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <FormField label="Email">
            <input required type="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} className={`${input} w-full`} />
          </FormField>
          <FormField label="Role" hint={ROLE_HINTS[role]}>
            <select value={role} onChange={(e) => setRole(e.target.value as keyof typeof ROLE_HINTS)} className={`${input} w-full`}>
              <option value="viewer">Viewer</option>
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
          </FormField>
          <FormError message={error} />
          <DialogFooter label={busy ? "Inviting…" : "Create invitation"} onCancel={close} disabled={busy} />
        </form>
      )}
    </ModalDialog>
  );
}
