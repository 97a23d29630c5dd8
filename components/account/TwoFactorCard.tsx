"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConfirmPasswordField } from "@/components/account/ConfirmPasswordField";
import { RecoveryCodesList } from "@/components/account/RecoveryCodesList";
import { TwoFactorSetup } from "@/components/account/TwoFactorSetup";
import { FormError } from "@/components/auth/AuthCard";
import { Badge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { SubmitOrCancel } from "@/components/ui/SubmitOrCancel";
import { FormField } from "@/components/ui/FormField";
import { useToast } from "@/components/ui/Toast";
import { apiFetch } from "@/lib/client/apiFetch";
import { refreshTwoFactor, useTwoFactorQuery } from "@/lib/client/hooks/useTwoFactorQuery";
import type { RecoveryCodesAnswer } from "@/lib/twoFactor/regenerateRecoveryCodes";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { calendarDate } from "@/lib/client/zonedTime";

type Panel = "idle" | "setup" | "codes" | "off";

/** Two-factor sign-in: off → set up; on → since when, recovery codes left, new codes, turn off. */
export function TwoFactorCard() {
  const status = useTwoFactorQuery();
  const zone = useTimeZone();
  const [panel, setPanel] = useState<Panel>("idle");
  const on = status.data?.enabled === true;
  const left = status.data?.recoveryCodesLeft ?? 0;

  return (
    <Card
      title="Two-factor sign-in"
      titleId="two-factor-title"
      actions={status.data && <Badge className={on ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" : undefined}>{on ? "On" : "Off"}</Badge>}
    >
      {status.data && !on && panel !== "setup" && (
        <div className="space-y-3">
          <p className="text-sm text-gray-600 dark:text-gray-300">Sign-in asks only for your password. Add a code from an authenticator app, so a leaked password alone does not open your account.</p>
          <button type="button" className={button.primary} onClick={() => setPanel("setup")}>
            Set up two-factor sign-in
          </button>
        </div>
      )}
      {panel === "setup" && <TwoFactorSetup onCancel={() => setPanel("idle")} onDone={() => setPanel("idle")} />}
      {on && status.data && panel !== "setup" && (
        <div className="space-y-3">
          <p className="text-sm text-gray-600 dark:text-gray-300">
            Sign-in asks for a code from your authenticator app{status.data.enabledAt && <> (on since {calendarDate(status.data.enabledAt, zone)})</>}.{" "}
            <span data-testid="recovery-codes-left" className={left <= 3 ? "font-medium text-amber-700 dark:text-amber-400" : undefined}>
              {left} of 10 recovery codes left{left <= 3 && ": make new ones"}.
            </span>
          </p>
          {panel === "codes" && <NewRecoveryCodes onClose={() => setPanel("idle")} />}
          {panel === "off" && <TurnOff onClose={() => setPanel("idle")} />}
          {panel === "idle" && (
            <div className="flex flex-wrap gap-2">
              <button type="button" className={button.secondary} onClick={() => setPanel("codes")}>
                New recovery codes
              </button>
              <button type="button" className={button.secondary} onClick={() => setPanel("off")}>
                Turn off
              </button>
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

function NewRecoveryCodes({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const answer = await apiFetch<RecoveryCodesAnswer>("/api/v1/account/two-factor/recovery-codes", { method: "POST", json: { password } });
      setCodes(answer.recoveryCodes);
      await refreshTwoFactor(queryClient);
    } catch (e) {
      setError(e instanceof Error ? e.message : "could not make new codes");
    }
  }

  if (codes) return <RecoveryCodesList codes={codes} onDone={onClose} />;
  return (
    <form onSubmit={submit} className="space-y-3">
      <ConfirmPasswordField value={password} onChange={setPassword} hint="The codes you have now stop working." />
      <FormError message={error} />
      <SubmitOrCancel label="Make new codes" onCancel={onClose} />
    </form>
  );
}

function TurnOff({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await apiFetch("/api/v1/account/two-factor", { method: "DELETE", json: { password, code } });
      showToast("Two-factor sign-in is off", "success");
      await refreshTwoFactor(queryClient);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : "could not turn it off");
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <ConfirmPasswordField value={password} onChange={setPassword} className="w-full" />
        <FormField label="Code from the app, or a recovery code">
          <input required autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} className={`${input} w-full font-mono`} />
        </FormField>
      </div>
      <FormError message={error} />
      <SubmitOrCancel label="Turn off two-factor sign-in" danger onCancel={onClose} />
    </form>
  );
}
