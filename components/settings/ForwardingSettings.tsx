"use client";

import { useState } from "react";
import { Badge, SeverityBadge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { CopyButton } from "@/components/ui/CopyButton";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useConfirm } from "@/components/ui/useConfirm";
import { CreateForwardingRuleForm } from "@/components/settings/CreateForwardingRuleForm";
import type { ForwardingRuleDto } from "@/lib/forwarding/rules/forwardingRuleDto";
import {
  useDeleteForwardingRuleMutation,
  useForwardingRulesQuery,
  useUpdateForwardingRuleMutation,
  type CreatedForwardingRule,
} from "@/lib/client/hooks/useForwardingRulesQuery";

/** Where a rule sends, as the API returns it (secrets already masked). */
function target(rule: ForwardingRuleDto): string {
  const config = rule.config as Record<string, unknown>;
  return String(config.dsn ?? config.url ?? "");
}

function filters(rule: ForwardingRuleDto): string {
  const parts = [rule.categories.length ? `categories: ${rule.categories.join(", ")}` : "", rule.environments.length ? `environments: ${rule.environments.join(", ")}` : ""].filter(Boolean);
  return parts.join(" · ");
}

/** A project's forwarding rules: everyone sees them (masked); admins add, pause and delete. */
export function ForwardingSettings({ projectId, isAdmin }: { projectId: string; isAdmin: boolean }) {
  const rules = useForwardingRulesQuery(projectId);
  const update = useUpdateForwardingRuleMutation(projectId);
  const remove = useDeleteForwardingRuleMutation(projectId);
  const { showToast } = useToast();
  const { ask, dialog } = useConfirm();
  const [created, setCreated] = useState<CreatedForwardingRule | null>(null);
  const items = rules.data?.items ?? [];

  function toggle(rule: ForwardingRuleDto) {
    update.mutate({ ruleId: rule.id, patch: { enabled: !rule.enabled } }, { onError: (e) => showToast(`Rule not changed: ${e.message}`) });
  }

  async function confirmDelete(rule: ForwardingRuleDto) {
    if (!(await ask({ title: `Delete forwarding rule “${rule.name}”?`, body: "Its delivery log goes with it.", confirmLabel: "Delete rule" }))) return;
    remove.mutate({ ruleId: rule.id }, { onSuccess: () => showToast(`Rule “${rule.name}” deleted`, "success"), onError: (e) => showToast(`Rule not deleted: ${e.message}`) });
  }

  return (
    <Card title="Forwarding" titleId="forwarding-title">
      <div className="space-y-4">
        {dialog}
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Copies of matching events go to Sentry, an HTTP endpoint or Datadog, in the background: a slow or failing target never delays ingest, and
          failed copies are retried with backoff.
        </p>
        {created?.signingSecret && (
          <div role="region" aria-label="Signing secret" className="space-y-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200 dark:bg-amber-950/30 dark:ring-amber-900">
            <p className="text-sm font-medium text-amber-900 dark:text-amber-200">
              Rule “{created.name}” signs each request with this secret (header X-Faultline-Signature). Copy it now: it will not be shown again.
            </p>
            <div className="flex items-center gap-2">
              <code data-testid="signing-secret" className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-sm text-gray-900 ring-1 ring-amber-200 dark:bg-gray-900 dark:text-gray-100 dark:ring-amber-900">
                {created.signingSecret}
              </code>
              <CopyButton text={created.signingSecret} />
            </div>
            <button type="button" onClick={() => setCreated(null)} className={button.secondary}>
              I have copied it
            </button>
          </div>
        )}
        {isAdmin ? (
          <CreateForwardingRuleForm projectId={projectId} onCreated={setCreated} />
        ) : (
          <p className="text-sm text-gray-500 dark:text-gray-400">Only workspace admins can change forwarding rules.</p>
        )}
        {rules.isLoading ? (
          <LoadingState label="Loading forwarding rules…" className="py-6" />
        ) : rules.error && !rules.data ? (
          <ErrorState error={rules.error} onRetry={() => void rules.refetch()} className="py-6" />
        ) : items.length === 0 ? (
          <EmptyState title="No forwarding rules" className="py-6">
            Events stay in Faultline only.
          </EmptyState>
        ) : (
          <ul data-testid="forwarding-rule-list" className="divide-y divide-gray-100 dark:divide-gray-800">
            {items.map((rule) => (
              <li key={rule.id} data-testid="forwarding-rule-row" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-gray-900 dark:text-gray-100">
                    {rule.name}
                    <Badge className="bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300">{rule.kind}</Badge>
                    {!rule.enabled && <Badge>paused</Badge>}
                    {rule.secretsUnreadable && <Badge className="bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300">secrets unreadable</Badge>}
                  </p>
                  <p className="break-all font-mono text-xs text-gray-600 dark:text-gray-400">{target(rule)}</p>
                  <p className="flex flex-wrap items-center gap-1 text-xs text-gray-500 dark:text-gray-400">
                    {rule.severities.length === 0 ? <span>all severities</span> : rule.severities.map((s) => <SeverityBadge key={s} severity={s} />)}
                    {filters(rule) && <span className="ml-1">{filters(rule)}</span>}
                  </p>
                </div>
                {isAdmin && (
                  <div className="flex gap-2">
                    <button type="button" onClick={() => toggle(rule)} disabled={update.isPending} className={button.secondary} aria-label={`${rule.enabled ? "Pause" : "Resume"} rule ${rule.name}`}>
                      {rule.enabled ? "Pause" : "Resume"}
                    </button>
                    <button type="button" onClick={() => confirmDelete(rule)} disabled={remove.isPending} className={button.secondary} aria-label={`Delete rule ${rule.name}`}>
                      Delete
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
