"use client";

import { formatDistanceToNowStrict } from "date-fns";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { Badge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { CopyButton } from "@/components/ui/CopyButton";
import { FormField } from "@/components/ui/FormField";
import { useToast } from "@/components/ui/Toast";
import { useSubmit } from "@/components/ui/useSubmit";
import type { ApiTokenScope, CreateApiTokenInput } from "@/lib/apiTokens/apiTokenSchemas";
import type { CreatedApiToken } from "@/lib/apiTokens/createApiToken";
import type { ApiTokenList } from "@/lib/apiTokens/listApiTokens";
import { useApiTokensQuery, useCreateApiTokenMutation, useRevokeApiTokenMutation } from "@/lib/client/hooks/useAccountQuery";
import { useTimeZone } from "@/lib/client/hooks/useTimeZone";
import { calendarDate } from "@/lib/client/zonedTime";

type ApiTokenItem = ApiTokenList["items"][number];

const EXPIRY_CHOICES: { label: string; days: number | null }[] = [
  { label: "30 days", days: 30 },
  { label: "90 days", days: 90 },
  { label: "1 year", days: 365 },
  { label: "Never", days: null },
];

/** Personal API tokens: create one (shown once), see when each was last used, revoke. */
export function ApiTokensCard() {
  const tokens = useApiTokensQuery();
  const zone = useTimeZone();
  const createToken = useCreateApiTokenMutation();
  const revokeToken = useRevokeApiTokenMutation();
  const { showToast } = useToast();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiTokenScope>("read");
  const [expiry, setExpiry] = useState<string>("90 days");
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  // The token whose Revoke was clicked: asked about first, like an ingest key.
  const [pending, setPending] = useState<ApiTokenItem | null>(null);
  const { busy, error, run } = useSubmit();

  function create(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const body: CreateApiTokenInput = { name, scope, expiresInDays: EXPIRY_CHOICES.find((c) => c.label === expiry)?.days ?? null };
      setCreated(await createToken.mutateAsync(body));
      setName("");
    }, "could not create the token");
  }

  async function revoke(token: ApiTokenItem) {
    try {
      await revokeToken.mutateAsync({ tokenId: token.id });
      showToast(`Token “${token.name}” revoked`, "success");
      if (created?.id === token.id) setCreated(null);
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not revoke the token");
    } finally {
      setPending(null);
    }
  }

  const items = tokens.data?.items ?? [];
  return (
    <Card title="API tokens" titleId="api-tokens-title">
      <div className="space-y-4">
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Scripts and CI call the REST API as you with <code className="font-mono text-xs">Authorization: Bearer flt_…</code>, with your roles in each workspace. A read token can
          only read. Tokens cannot change your password, sessions or tokens.
        </p>
        {created && (
          <div className="space-y-2 rounded-md bg-green-50 p-3 ring-1 ring-green-200 dark:bg-green-950/40 dark:ring-green-900" data-testid="new-api-token">
            <p className="text-sm font-medium text-green-900 dark:text-green-200">Copy “{created.name}” now: it is not shown again.</p>
            <div className="flex items-center gap-2">
              <code className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1 font-mono text-xs text-gray-900 dark:bg-gray-900 dark:text-gray-100">{created.token}</code>
              <CopyButton text={created.token} />
            </div>
          </div>
        )}
        <form onSubmit={create} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex-1">
            <FormField label="Token name">
              <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="CI deploy" className={`${input} w-full`} />
            </FormField>
          </div>
          <FormField label="Access">
            <select value={scope} onChange={(e) => setScope(e.target.value as ApiTokenScope)} className={input}>
              <option value="read">Read</option>
              <option value="write">Read and write</option>
            </select>
          </FormField>
          <FormField label="Expires">
            <select value={expiry} onChange={(e) => setExpiry(e.target.value)} className={input}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.label} value={c.label}>
                  {c.label === "Never" ? "Never" : `In ${c.label}`}
                </option>
              ))}
            </select>
          </FormField>
          <button type="submit" disabled={busy} className={button.primary}>
            {busy ? "Creating…" : "Create token"}
          </button>
        </form>
        <FormError message={error} />
        {items.length > 0 && (
          <ul className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="API tokens">
            {items.map((t) => (
              <li key={t.id} data-testid="api-token-row" className="flex flex-wrap items-center gap-2 py-2.5 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="truncate text-gray-900 dark:text-gray-100">
                    {t.name} <span className="font-mono text-xs text-gray-500 dark:text-gray-400">flt_{t.prefix}…</span>
                  </p>
                  <p className="text-xs text-gray-500 dark:text-gray-400">
                    created {formatDistanceToNowStrict(new Date(t.createdAt), { addSuffix: true })} ·{" "}
                    {t.lastUsedAt ? `last used ${formatDistanceToNowStrict(new Date(t.lastUsedAt), { addSuffix: true })}` : "never used"} ·{" "}
                    {t.expiresAt ? `${t.expired ? "expired" : "expires"} ${calendarDate(t.expiresAt, zone)}` : "does not expire"}
                  </p>
                </div>
                <Badge>{t.scope === "write" ? "read and write" : "read"}</Badge>
                {t.expired && <Badge className="bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300">expired</Badge>}
                <button type="button" className={button.ghost} onClick={() => setPending(t)} aria-label={`Revoke ${t.name}`}>
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={pending !== null}
        title={`Revoke “${pending?.name}”?`}
        confirmLabel="Revoke token"
        pendingLabel="Revoking…"
        isPending={revokeToken.isPending}
        onConfirm={() => pending && void revoke(pending)}
        onClose={() => setPending(null)}
      >
        <p>
          Scripts calling the API with the token starting <code className="font-mono">flt_{pending?.prefix}</code> will get 401 from now on. This cannot be undone.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
