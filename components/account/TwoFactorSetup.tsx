"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConfirmPasswordField } from "@/components/account/ConfirmPasswordField";
import { RecoveryCodesList } from "@/components/account/RecoveryCodesList";
import { FormError } from "@/components/auth/AuthCard";
import { input } from "@/components/ui/buttonStyles";
import { FormField } from "@/components/ui/FormField";
import { SubmitOrCancel } from "@/components/ui/SubmitOrCancel";
import { useSubmit } from "@/components/ui/useSubmit";
import { apiFetch } from "@/lib/client/apiFetch";
import { refreshTwoFactor } from "@/lib/client/hooks/useTwoFactorQuery";
import type { TwoFactorSetupAnswer as Setup } from "@/lib/twoFactor/beginTwoFactorSetup";
import type { TwoFactorEnabledAnswer as Enabled } from "@/lib/twoFactor/enableTwoFactor";
import { qrMatrix, qrSvgPath } from "@/lib/twoFactor/qrMatrix";

/** Turning two-factor sign-in on: confirm the password, scan the QR code, type the first code, save the recovery codes. */
export function TwoFactorSetup({ onCancel, onDone }: { onCancel: () => void; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [setup, setSetup] = useState<Setup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, error, run } = useSubmit();

  function start(event: FormEvent) {
    event.preventDefault();
    void run(async () => setSetup(await apiFetch<Setup>("/api/v1/account/two-factor/setup", { method: "POST", json: { password } })), "something went wrong");
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const enabled = await apiFetch<Enabled>("/api/v1/account/two-factor", { method: "POST", json: { code } });
      setCodes(enabled.recoveryCodes);
      // On from now: the card's badge and the workspaces that require it follow at once; the codes stay up until saved.
      void refreshTwoFactor(queryClient);
    }, "something went wrong");
  }

  if (codes) return <RecoveryCodesList codes={codes} onDone={onDone} />;

  if (!setup) {
    return (
      <form onSubmit={start} className="space-y-3">
        <ConfirmPasswordField value={password} onChange={setPassword} hint="Confirms it is you before a new authenticator is added." />
        <FormError message={error} />
        <SubmitOrCancel label="Continue" busy={busy} onCancel={onCancel} />
      </form>
    );
  }

  const matrix = qrMatrix(setup.otpauthUri);
  return (
    <form onSubmit={confirm} className="space-y-4">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <svg
          role="img"
          aria-label="QR code to scan with your authenticator app"
          viewBox={`0 0 ${matrix.length} ${matrix.length}`}
          shapeRendering="crispEdges"
          className="h-48 w-48 shrink-0 rounded-md bg-white"
        >
          <path d={qrSvgPath(matrix)} fill="#000" />
        </svg>
        <div className="space-y-2 text-sm text-gray-700 dark:text-gray-300">
          <p>Scan the code with an authenticator app (1Password, Google Authenticator, Aegis, Authy…), or enter this key by hand:</p>
          <p data-testid="totp-secret" className="break-all font-mono text-gray-900 dark:text-gray-100">
            {setup.secret.replace(/(.{4})/g, "$1 ").trim()}
          </p>
          <p className="text-xs text-gray-500 dark:text-gray-400">Time-based, 6 digits, every 30 seconds.</p>
        </div>
      </div>
      <FormField label="Code from the app">
        <input
          required
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]{6,7}"
          maxLength={7}
          placeholder="123456"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          className={`${input} w-40 font-mono tracking-widest`}
        />
      </FormField>
      <FormError message={error} />
      <SubmitOrCancel label="Turn on" busy={busy} onCancel={onCancel} />
    </form>
  );
}
