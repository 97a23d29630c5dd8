"use client";

import { useState, type FormEvent } from "react";
import { Badge, SeverityBadge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { formatDuration } from "@/lib/alerts/evaluate/formatDuration";
import { projectNames, type ProjectOption } from "@/components/settings/ChannelRoutingFields";
import { RuleProjectsPicker } from "@/components/settings/RuleProjectsPicker";
import type { RuleDto } from "@/lib/alerts/rules/ruleDto";
import { generatedRuleName } from "@/lib/alerts/rules/ruleName";
import { useAlertRulesQuery, useCreateAlertRuleMutation, useUpdateAlertRuleMutation } from "@/lib/client/hooks/useAlertRulesQuery";
import { useMeQuery } from "@/lib/client/hooks/useMeQuery";

const NO_THRESHOLD: RuleDto["kind"][] = ["new_issue", "regression", "user_feedback"];
const KIND_LABEL: Record<RuleDto["kind"], string> = {
  severity_count: "event count",
  error_rate: "error rate %",
  spike: "spike ×",
  new_issue: "new issue",
  regression: "regression",
  ingest_health: "ingest health: events lost",
  user_feedback: "user feedback",
};

const INGEST_HEALTH_HELP = "Alerts when a project loses events (dropped or rate-limited).";

/** Rules not created by default, offered while the workspace has none of their kind. */
const ADDABLE_RULES = [
  {
    label: "Add an ingest-health rule",
    help: "Alerts when a project loses events (dropped or rate-limited) or the disk forecast runs short.",
    // 100 events lost in 15 minutes, or under 14 days of disk.
    rule: { name: "Ingest health: events lost or disk filling", kind: "ingest_health", alertSeverity: "high", threshold: 100, windowSeconds: 15 * 60, diskDaysLeft: 14 },
  },
  {
    label: "Add a user-feedback rule",
    help: "Alerts when someone writes feedback (the crash-report dialog, the feedback widget): one alert per issue, more feedback adds to it.",
    rule: { name: "User feedback", kind: "user_feedback", alertSeverity: "medium", threshold: 1 },
  },
] as const;

/**
 * What a rule watches, in words that do not change when it is edited or renamed: its controls' labels
 * ("Threshold: High errors"; its name, which may state numbers, would name the old ones while editing).
 */
function ruleSubject(rule: RuleDto): string {
  switch (rule.kind) {
    case "severity_count":
      return rule.eventSeverity ? `${rule.eventSeverity.charAt(0).toUpperCase()}${rule.eventSeverity.slice(1)} errors` : "Errors of any severity";
    case "error_rate":
      return "Error rate";
    case "spike":
      return "Error spike";
    case "new_issue":
      return "New issue";
    case "regression":
      return "Regression";
    case "ingest_health":
      return "Ingest health";
    case "user_feedback":
      return "User feedback";
  }
}

/** The workspace's alert rules; admins toggle them and edit name, threshold and window per row. */
export function AlertRulesSettings({ workspaceId, isAdmin, projects }: { workspaceId: string; isAdmin: boolean; projects: ProjectOption[] }) {
  const rules = useAlertRulesQuery(workspaceId);
  const create = useCreateAlertRuleMutation(workspaceId);
  // The disk forecast is the instance's: only the instance operator sets a rule's disk days.
  const watchesDisk = useMeQuery().data?.user.operator === true;
  const addable = ADDABLE_RULES.filter((a) => rules.data && !rules.data.items.some((r) => r.kind === a.rule.kind)).map((a) =>
    a.rule.kind === "ingest_health" && !watchesDisk ? { ...a, help: INGEST_HEALTH_HELP, rule: { ...a.rule, name: "Ingest health: events lost", diskDaysLeft: null } } : a,
  );
  return (
    <Card title="Alert rules" titleId="alert-rules-title" bodyClassName="px-4 py-2 sm:px-6">
      {rules.isLoading ? (
        <LoadingState label="Loading rules…" className="py-6" />
      ) : rules.error && !rules.data ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} className="py-6" />
      ) : !rules.data?.items.length ? (
        <EmptyState title="No alert rules" className="py-6" />
      ) : (
        <>
          {!isAdmin && <p className="pt-2 text-sm text-gray-500 dark:text-gray-400">Only workspace admins can change alert rules.</p>}
          <ul data-testid="rule-list" className="divide-y divide-gray-100 dark:divide-gray-800">
            {rules.data.items.map((rule) => (
              <RuleRow key={`${rule.id}:${rule.updatedAt}`} rule={rule} workspaceId={workspaceId} isAdmin={isAdmin} watchesDisk={watchesDisk} projects={projects} />
            ))}
          </ul>
          {isAdmin && addable.length > 0 && (
            <div className="space-y-3 border-t border-gray-100 py-3 dark:border-gray-800">
              {addable.map((a) => (
                <div key={a.rule.kind}>
                  <button type="button" className={button.secondary} disabled={create.isPending} onClick={() => create.mutate(a.rule)}>
                    {create.isPending && create.variables?.kind === a.rule.kind ? "Adding…" : a.label}
                  </button>
                  <p className="mt-1 text-xs text-gray-500 dark:text-gray-400">{a.help}</p>
                </div>
              ))}
              {create.error && (
                <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
                  Rule not added: {create.error.message}
                </p>
              )}
            </div>
          )}
        </>
      )}
    </Card>
  );
}

function RuleRow({ rule, workspaceId, isAdmin, watchesDisk, projects }: { rule: RuleDto; workspaceId: string; isAdmin: boolean; watchesDisk: boolean; projects: ProjectOption[] }) {
  const update = useUpdateAlertRuleMutation(workspaceId);
  const [threshold, setThreshold] = useState(String(rule.threshold));
  const [windowSeconds, setWindowSeconds] = useState(String(rule.windowSeconds));
  const [diskDays, setDiskDays] = useState(rule.diskDaysLeft?.toString() ?? "");
  // The name typed (null: untouched). Untouched, a name generated from the settings follows the
  // numbers being edited, as the server renames it on save.
  const [typedName, setTypedName] = useState<string | null>(null);
  const isIngestHealth = rule.kind === "ingest_health";
  const hasThreshold = !NO_THRESHOLD.includes(rule.kind);
  const subject = ruleSubject(rule);
  // The toggle shows the requested state from the click on (the cached rule follows a tick later).
  const enabled = (update.isPending ? update.variables?.changes.enabled : undefined) ?? rule.enabled;
  const settingsDirty = threshold !== String(rule.threshold) || windowSeconds !== String(rule.windowSeconds) || diskDays !== (rule.diskDaysLeft?.toString() ?? "");
  const nameDirty = typedName !== null && typedName.trim() !== rule.name;
  const dirty = settingsDirty || nameDirty;
  const editedSettings = {
    ...rule,
    threshold: numberOr(threshold, rule.threshold),
    windowSeconds: numberOr(windowSeconds, rule.windowSeconds),
    diskDaysLeft: isIngestHealth ? (diskDays.trim() ? numberOr(diskDays, rule.diskDaysLeft ?? 0) : null) : rule.diskDaysLeft,
  };
  const shownName = typedName ?? (rule.nameFollowsSettings ? generatedRuleName(editedSettings) : rule.name);
  const id = `rule-${rule.id}`;

  function save(e: FormEvent) {
    e.preventDefault();
    // A submit with nothing changed (the projects picker's own Save bubbles here) sends nothing.
    if (!dirty) return;
    update.mutate({
      ruleId: rule.id,
      changes: {
        // Only a name typed is sent: a generated one is renamed after the new settings by the server.
        ...(nameDirty && typedName !== null && { name: typedName.trim() }),
        ...(settingsDirty && hasThreshold && {
          threshold: Number(threshold),
          windowSeconds: Number(windowSeconds),
          ...(isIngestHealth && { diskDaysLeft: diskDays.trim() ? Number(diskDays) : null }),
        }),
      },
    });
  }

  return (
    <li data-testid="rule-row" className="py-3">
      <form onSubmit={save} className="flex flex-col gap-2 sm:flex-row sm:items-end sm:gap-3">
        <div className="min-w-0 flex-1 sm:min-w-[10rem]">
          <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-gray-900 dark:text-gray-100">
            <span id={`${id}-name`}>{rule.name}</span>
            {rule.alertSeverity && <SeverityBadge severity={rule.alertSeverity} />}
            {!enabled && <Badge>disabled</Badge>}
          </p>
          <p className="text-xs text-gray-500 dark:text-gray-400">
            {KIND_LABEL[rule.kind]}
            {rule.eventSeverity && ` · ${rule.eventSeverity} events`}
            {hasThreshold && rule.windowSeconds > 0 ? ` · ${rule.threshold} in ${formatDuration(rule.windowSeconds)}` : " · immediately"}
            {isIngestHealth && rule.diskDaysLeft !== null && ` · or under ${rule.diskDaysLeft} days of disk`}
            {rule.projectIds.length > 0 && ` · only ${projectNames(rule.projectIds, projects).join(", ")}`}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex items-center gap-1.5 self-center text-sm text-gray-700 dark:text-gray-300">
            <input
              type="checkbox"
              checked={enabled}
              disabled={!isAdmin || update.isPending}
              onChange={(e) => update.mutate({ ruleId: rule.id, changes: { enabled: e.target.checked } })}
              aria-label={`Enabled: ${rule.name}`}
              className="h-4 w-4 rounded border-gray-300 text-blue-600 dark:border-gray-600 dark:bg-gray-800"
            />
            Enabled
          </label>
          {(projects.length > 1 || rule.projectIds.length > 0) && (
            <RuleProjectsPicker
              ruleName={rule.name}
              projectIds={rule.projectIds}
              projects={projects}
              disabled={!isAdmin || update.isPending}
              onSave={(projectIds) => update.mutate({ ruleId: rule.id, changes: { projectIds } })}
            />
          )}
          <label className="block text-xs text-gray-600 dark:text-gray-400">
            Name
            <input
              type="text" required maxLength={200} value={shownName} readOnly={!isAdmin}
              onChange={(e) => setTypedName(e.target.value)}
              aria-label={`Name: ${subject}`}
              title={rule.nameFollowsSettings && typedName === null ? "Follows the threshold and window until you name the rule" : undefined}
              className={`${input} mt-0.5 block w-48`}
            />
          </label>
          {hasThreshold && (
            <>
              <label className="block text-xs text-gray-600 dark:text-gray-400">
                Threshold
                <input
                  type="number" min={0} step="any" required value={threshold} readOnly={!isAdmin}
                  onChange={(e) => setThreshold(e.target.value)}
                  aria-label={`Threshold: ${subject}`}
                  className={`${input} mt-0.5 block w-24`}
                />
              </label>
              <label className="block text-xs text-gray-600 dark:text-gray-400">
                Window (s)
                <input
                  type="number" min={0} step={1} required value={windowSeconds} readOnly={!isAdmin}
                  onChange={(e) => setWindowSeconds(e.target.value)}
                  aria-label={`Window in seconds: ${subject}`}
                  className={`${input} mt-0.5 block w-24`}
                />
              </label>
              {isIngestHealth && (
                <label className="block text-xs text-gray-600 dark:text-gray-400">
                  Disk days
                  <input
                    type="number" min={1} step={1} value={diskDays} readOnly={!isAdmin || !watchesDisk} placeholder="off"
                    onChange={(e) => setDiskDays(e.target.value)}
                    aria-label={`Alert below this many days of disk: ${subject}`}
                    title={watchesDisk ? undefined : "The instance operator sets the disk check"}
                    className={`${input} mt-0.5 block w-20`}
                  />
                </label>
              )}
            </>
          )}
          {isAdmin && (
            <button type="submit" disabled={!dirty || update.isPending} className={button.secondary} aria-label={`Save ${subject}`}>
              {update.isPending ? "Saving…" : "Save"}
            </button>
          )}
        </div>
      </form>
      {update.error && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {rule.name} not saved: {update.error.message}
        </p>
      )}
    </li>
  );
}

/** The number typed, or `fallback` while the field holds none (being edited, or emptied). */
function numberOr(text: string, fallback: number): number {
  const n = Number(text);
  return text.trim() && Number.isFinite(n) ? n : fallback;
}
