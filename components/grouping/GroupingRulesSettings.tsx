"use client";

import { useState } from "react";
import { GroupingPreviewResult } from "@/components/grouping/GroupingPreviewResult";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { useGroupingRulesQuery, usePreviewGroupingRulesMutation, useSaveGroupingRulesMutation } from "@/lib/client/hooks/useGroupingQueries";
import type { GroupingRule } from "@/lib/grouping/rules/groupingRuleSchemas";

/** The editor's row: every field a string, turned into a rule when previewed or saved. */
interface Draft {
  kind: "frame" | "fingerprint";
  path: string;
  module: string;
  fn: string;
  action: "app" | "library";
  type: string;
  message: string;
  fingerprint: string;
}

const EMPTY: Draft = { kind: "fingerprint", path: "", module: "", fn: "", action: "library", type: "", message: "", fingerprint: "" };

function toDraft(rule: GroupingRule): Draft {
  if (rule.kind === "frame") return { ...EMPTY, kind: "frame", path: rule.match.path ?? "", module: rule.match.module ?? "", fn: rule.match.function ?? "", action: rule.action };
  return { ...EMPTY, kind: "fingerprint", type: rule.match.type ?? "", message: rule.match.message ?? "", module: rule.match.module ?? "", fingerprint: rule.fingerprint.join(", ") };
}

function toRule(d: Draft): GroupingRule {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);
  if (d.kind === "frame") return { kind: "frame", match: { path: opt(d.path), module: opt(d.module), function: opt(d.fn) }, action: d.action };
  return {
    kind: "fingerprint",
    match: { type: opt(d.type), message: opt(d.message), module: opt(d.module) },
    fingerprint: d.fingerprint.split(",").map((p) => p.trim()).filter(Boolean),
  };
}

/**
 * Per-project grouping rules: mark frames as app or library code by path/module/function glob, or
 * give events matching a type/message/module a fingerprint of your own. "Preview" dry-runs the list
 * over the project's recent events and shows which issues would merge or split before it is saved.
 */
export function GroupingRulesSettings({ projectId, isAdmin, canPreview }: { projectId: string; isAdmin: boolean; canPreview: boolean }) {
  const query = useGroupingRulesQuery(projectId);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const preview = usePreviewGroupingRulesMutation(projectId);
  const save = useSaveGroupingRulesMutation(projectId);
  const { showToast } = useToast();
  const rows = drafts ?? query.data?.rules.map(toDraft) ?? [];
  const setRow = (i: number, patch: Partial<Draft>) => setDrafts(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const field = (i: number, key: keyof Draft, label: string, placeholder: string) => (
    <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs text-gray-600 dark:text-gray-300">
      {label}
      <input className={input} value={rows[i][key]} placeholder={placeholder} disabled={!canPreview} onChange={(e) => setRow(i, { [key]: e.target.value })} />
    </label>
  );

  return (
    <Card title="Grouping rules" titleId="grouping-rules-title" bodyClassName="p-4 sm:p-6 space-y-4">
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Globs: <code>*</code> any text within a path or module segment, <code>**</code> any text. The first matching rule wins. Rules apply to events received after saving.
      </p>
      {query.isLoading ? (
        <LoadingState />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ol className="space-y-3" data-testid="grouping-rules">
          {rows.length === 0 && <li className="text-sm text-gray-500 dark:text-gray-400">No rules: Faultline&apos;s built-in grouping applies.</li>}
          {rows.map((row, i) => (
            <li key={i} data-testid="grouping-rule" className="space-y-2 rounded-md p-3 ring-1 ring-gray-200 dark:ring-gray-800">
              <div className="flex flex-wrap items-end gap-2">
                <label className="flex flex-col gap-1 text-xs text-gray-600 dark:text-gray-300">
                  Rule
                  <select className={input} value={row.kind} disabled={!canPreview} onChange={(e) => setRow(i, { kind: e.target.value as Draft["kind"] })}>
                    <option value="fingerprint">Fingerprint events</option>
                    <option value="frame">Classify frames</option>
                  </select>
                </label>
                {row.kind === "frame" ? (
                  <>
                    {field(i, "path", "Path", "**/vendor/**")}
                    {field(i, "module", "Module", "com.acme.*")}
                    {field(i, "fn", "Function", "")}
                    <label className="flex flex-col gap-1 text-xs text-gray-600 dark:text-gray-300">
                      As
                      <select className={input} value={row.action} disabled={!canPreview} onChange={(e) => setRow(i, { action: e.target.value as Draft["action"] })}>
                        <option value="app">app code</option>
                        <option value="library">library code</option>
                      </select>
                    </label>
                  </>
                ) : (
                  <>
                    {field(i, "type", "Type", "TimeoutError")}
                    {field(i, "message", "Message", "*timed out*")}
                    {field(i, "module", "Module", "")}
                    {field(i, "fingerprint", "Fingerprint", "upstream-timeouts")}
                  </>
                )}
                {canPreview && (
                  <button type="button" className={button.ghost} aria-label={`Remove rule ${i + 1}`} onClick={() => setDrafts(rows.filter((_, j) => j !== i))}>
                    Remove
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {canPreview && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button.secondary} onClick={() => setDrafts([...rows, { ...EMPTY }])}>
            Add rule
          </button>
          <button type="button" className={button.secondary} disabled={preview.isPending} onClick={() => preview.mutate(rows.map(toRule))}>
            Preview (dry run)
          </button>
          {isAdmin && (
            <button
              type="button"
              className={button.primary}
              disabled={save.isPending}
              onClick={() =>
                save.mutate(rows.map(toRule), {
                  onSuccess: () => {
                    setDrafts(null);
                    showToast("Grouping rules saved", "success");
                  },
                  onError: (e) => showToast(`Not saved: ${e.message}`),
                })
              }
            >
              Save rules
            </button>
          )}
        </div>
      )}
      {preview.error && <p className="text-sm text-red-600 dark:text-red-400">{preview.error.message}</p>}
      {preview.data && <GroupingPreviewResult preview={preview.data} />}
    </Card>
  );
}
