"use client";

import Link from "next/link";
import { useState } from "react";
import { AuthCard, FormError } from "@/components/auth/AuthCard";
import { button } from "@/components/ui/buttonStyles";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from "@/lib/notifications/notificationKinds";

/** /unsubscribe?token= — the page an email's unsubscribe link opens: one button, no sign-in (a link scanner's visit changes nothing). */
export function UnsubscribeForm({ token }: { token: string }) {
  const [stopped, setStopped] = useState<(NotificationKind | "weeklyReport")[] | null>(null);
  const { busy, error, run } = useSubmit(token ? null : "This link has no token: open it from the email again.");

  function stop() {
    return run(async () => {
      const answer = await apiFetch<{ stopped: (NotificationKind | "weeklyReport")[] }>(`/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" });
      setStopped(answer.stopped);
    }, "could not unsubscribe");
  }

  if (stopped) {
    return (
      <AuthCard title="Unsubscribed">
        <p className="text-sm text-gray-700 dark:text-gray-300" data-testid="unsubscribed">
          {stopped.length === 0
            ? "These emails were already off."
            : stopped.includes("weeklyReport")
              ? "You will get no more weekly reports."
              : `No more emails for: ${stopped.map((k) => (k === "weeklyReport" ? "the weekly report" : lowerFirst(NOTIFICATION_KIND_LABELS[k]))).join("; ")}. They still arrive in Faultline's inbox.`}
        </p>
        <p className="text-sm text-gray-600 dark:text-gray-400">
          Change it any time under <Link href="/account#notifications" className="font-medium text-blue-700 underline dark:text-blue-400">Your account → Notifications</Link>.
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Stop these emails?" subtitle="Faultline will stop sending the emails this link came with. You can turn them on again in your account.">
      <FormError message={error} />
      <button type="button" disabled={busy || !token} onClick={() => void stop()} className={`${button.primary} w-full py-2`}>
        {busy ? "Unsubscribing…" : "Unsubscribe"}
      </button>
    </AuthCard>
  );
}

/** "An issue I take part in…" → "an issue I take part in…" (the pronoun keeps its capital). */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
