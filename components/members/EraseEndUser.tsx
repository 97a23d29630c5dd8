"use client";

import { formatDistanceToNow } from "date-fns";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { button, input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { countOf } from "@/lib/client/format";
import { useEndUserErasures, useEraseEndUser } from "@/lib/client/hooks/useEndUserErasures";
import type { EraseEndUserInput } from "@/lib/endUsers/endUserSchemas";

const KIND_LABELS = { userId: "user id", email: "email", ipAddress: "IP address" } as const;

/**
 * Settings → Workspace & members → Privacy (admins): erase an end user's data — the right to
 * erasure — by the user id their events carry, their email and/or their IP address, after a
 * confirmation; then the latest erasures with their progress (polled while one runs). Only hashes of
 * what was erased are shown: the identifiers themselves are not kept.
 */
export function EraseEndUser({ workspaceId }: { workspaceId: string }) {
  const [fields, setFields] = useState({ userId: "", email: "", ipAddress: "" });
  const [asking, setAsking] = useState<EraseEndUserInput | null>(null);
  const erase = useEraseEndUser(workspaceId);
  const erasures = useEndUserErasures(workspaceId);
  const given = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v)) as EraseEndUserInput;
  const empty = Object.keys(given).length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!empty) setAsking(given);
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-gray-600 dark:text-gray-300">
        Erase everything this workspace keeps about one of your users — their events in every project, the files and feedback sent with them, their feedback, their
        per-user counts — and replace their email or IP address with “[erased]” where it is quoted (issue titles, comments). The dashboard&apos;s counts are adjusted. This
        cannot be undone.
      </p>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-3" aria-label="Erase an end user">
        <FormField label="User id" hint="As your SDK sends it (Sentry's user.id)">
          <input value={fields.userId} onChange={(e) => setFields({ ...fields, userId: e.target.value })} className={`${input} w-full`} autoComplete="off" />
        </FormField>
        <FormField label="Email">
          <input type="email" value={fields.email} onChange={(e) => setFields({ ...fields, email: e.target.value })} className={`${input} w-full`} autoComplete="off" />
        </FormField>
        <FormField label="IP address">
          <input value={fields.ipAddress} onChange={(e) => setFields({ ...fields, ipAddress: e.target.value })} className={`${input} w-full`} autoComplete="off" />
        </FormField>
        <div className="sm:col-span-3">
          <button type="submit" className={button.danger} disabled={empty || erase.isPending}>
            Erase end user…
          </button>
        </div>
      </form>
      <FormError message={erase.error?.message ?? null} />
      <ConfirmDialog
        open={asking !== null}
        title="Erase this end user's data?"
        confirmLabel="Erase"
        pendingLabel="Erasing…"
        isPending={erase.isPending}
        onConfirm={() => {
          if (!asking) return;
          erase.mutate(asking, {
            onSuccess: () => setFields({ userId: "", email: "", ipAddress: "" }),
            onSettled: () => setAsking(null),
          });
        }}
        onClose={() => setAsking(null)}
      >
        <p>
          Every event of the end user with{" "}
          {Object.entries(asking ?? {})
            .map(([kind, value]) => `${KIND_LABELS[kind as keyof typeof KIND_LABELS]} ${value}`)
            .join(" or ")}{" "}
          is deleted in every project of the workspace, with their files, feedback and per-user counts. An issue left without events is deleted. This runs in the
          background and cannot be undone.
        </p>
      </ConfirmDialog>
      {erasures.data && erasures.data.items.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Erasures</caption>
          <thead className="text-xs text-gray-500 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Asked
              </th>
              <th scope="col" className="py-1 font-medium">
                By
              </th>
              <th scope="col" className="py-1 font-medium">
                Identified by (SHA-256)
              </th>
              <th scope="col" className="py-1 font-medium">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {erasures.data.items.map((e) => (
              <tr key={e.id} className="border-t border-gray-100 dark:border-gray-800">
                <td className="py-1.5">{formatDistanceToNow(new Date(e.createdAt), { addSuffix: true })}</td>
                <td className="py-1.5">{e.requestedBy ? e.requestedBy.name || e.requestedBy.email : "Admin CLI"}</td>
                <td className="py-1.5 font-mono text-xs">
                  {e.identifiers.map((i) => (
                    <span key={i.kind} className="mr-2 inline-block" title={i.sha256}>
                      {KIND_LABELS[i.kind]} {i.sha256.slice(0, 10)}…
                    </span>
                  ))}
                </td>
                <td className="py-1.5" data-testid="erasure-status">
                  {e.status === "done" ? `Done: ${countOf(e.events, "event")} erased` : e.lastError ? `Running (retrying: ${e.lastError})` : `Running: ${countOf(e.events, "event")} erased so far`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
