"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { Badge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { SubmitOrCancel } from "@/components/ui/SubmitOrCancel";
import { useToast } from "@/components/ui/Toast";
import { apiFetch } from "@/lib/client/apiFetch";
import { SINGLE_SIGN_ON_KEY, useSingleSignOnQuery } from "@/lib/client/hooks/useSingleSignOnQuery";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { calendarDate } from "@/lib/client/zonedTime";

/** Single sign-on (when configured, or still linked): which provider identity is linked since when; unlink. */
export function SingleSignOnCard() {
  const status = useSingleSignOnQuery();
  const zone = useTimeZone();
  const [confirming, setConfirming] = useState(false);
  const data = status.data;
  if (!data || (!data.provider && data.identities.length === 0)) return null;
  const provider = data.provider ?? "single sign-on";
  const linked = data.identities.length > 0;

  return (
    <Card
      title="Single sign-on"
      titleId="single-sign-on-title"
      actions={<Badge className={linked ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" : undefined}>{linked ? "Linked" : "Not linked"}</Badge>}
    >
      <div className="space-y-3 text-sm text-gray-600 dark:text-gray-300">
        {linked ? (
          <ul className="space-y-1">
            {data.identities.map((identity) => (
              <li key={identity.issuer}>
                Linked to <span className="font-medium text-gray-800 dark:text-gray-100">{identity.issuer}</span> since {calendarDate(identity.linkedAt, zone)}
                {identity.lastUsedAt && <>, last used {calendarDate(identity.lastUsedAt, zone)}</>}.
              </li>
            ))}
          </ul>
        ) : (
          <p>Not linked: the next sign-in with {provider} asks for this account&apos;s password once to link it.</p>
        )}
        {linked && !confirming && (
          <button type="button" className={button.secondary} onClick={() => setConfirming(true)}>
            Unlink
          </button>
        )}
        {linked && confirming && <Unlink provider={provider} onClose={() => setConfirming(false)} />}
      </div>
    </Card>
  );
}

function Unlink({ provider, onClose }: { provider: string; onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await apiFetch("/api/v1/account/single-sign-on", { method: "DELETE" });
      showToast("Single sign-on unlinked", "success");
      await queryClient.invalidateQueries({ queryKey: SINGLE_SIGN_ON_KEY });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : "could not unlink");
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <p>
        The next sign-in with {provider} will ask for this account&apos;s password once. If single sign-on made this account, it has no password you
        know: you would need a reset link from an admin or your Faultline operator.
      </p>
      <FormError message={error} />
      <SubmitOrCancel label="Unlink" danger onCancel={onClose} />
    </form>
  );
}
