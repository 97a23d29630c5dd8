"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AssigneeOption } from "@/components/teams/AssigneeSelect";
import { RuleForm, type RuleDraft } from "@/components/teams/RuleForm";
import { RuleTestPanel } from "@/components/teams/RuleTestPanel";
import { Badge } from "@/components/ui/Badge";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import { useToast } from "@/components/ui/Toast";
import { useConfirm } from "@/components/ui/useConfirm";
import type { Condition } from "@/lib/assignment/assignmentSchemas";
import type { AssignmentRuleDto } from "@/lib/assignment/ruleDto";
import { apiFetch } from "@/lib/client/apiFetch";
import { useAssignmentRulesQuery } from "@/lib/client/hooks/useAssignmentRulesQuery";
import { useMembersQuery } from "@/lib/client/hooks/useMembersQuery";
import { useTeamsQuery } from "@/lib/client/hooks/useTeamsQuery";

/** Ordered assignment rules (first match wins) with reordering, enable, delete, a form, and the test panel. */
export function AssignmentRulesCard({ workspaceId, isAdmin }: { workspaceId: string; isAdmin: boolean }) {
  const rules = useAssignmentRulesQuery(workspaceId);
  const teams = useTeamsQuery(workspaceId);
  const members = useMembersQuery(workspaceId);
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const { ask, dialog } = useConfirm();
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Condition[] | null>(null);

  const options: AssigneeOption[] = [
    ...(teams.data?.items ?? []).map((t) => ({ type: "team" as const, id: t.id, label: t.name })),
    ...(members.data?.items ?? []).filter((m) => m.role !== "viewer").map((m) => ({ type: "user" as const, id: m.id, label: m.name || m.email })),
  ];
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["assignment-rules", workspaceId] });
  // A person's rule whose person left, or became a viewer, assigns nothing (it was turned off then): say why.
  const unassignable = (rule: AssignmentRuleDto): string | null => {
    if (rule.assignee.type !== "user" || !members.data) return null;
    const person = members.data.items.find((m) => m.id === rule.assignee.id);
    return !person ? "no longer a member" : person.role === "viewer" ? "a viewer now" : null;
  };

  async function change(rule: AssignmentRuleDto, patch: Record<string, unknown>) {
    try {
      await apiFetch(`/api/v1/assignment-rules/${rule.id}`, { method: "PATCH", json: patch });
      await refresh();
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not change the rule");
    }
  }
  async function remove(rule: AssignmentRuleDto) {
    if (!(await ask({ title: `Delete rule “${rule.name}”?`, body: "Issues it assigned keep their assignee; new issues are no longer assigned by it.", confirmLabel: "Delete rule" }))) return;
    try {
      await apiFetch(`/api/v1/assignment-rules/${rule.id}`, { method: "DELETE" });
      await refresh();
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not delete the rule");
    }
  }
  async function save(rule: AssignmentRuleDto, draft: RuleDraft) {
    await apiFetch(`/api/v1/assignment-rules/${rule.id}`, { method: "PATCH", json: draft });
    setEditingId(null);
    setDraft(null);
    await refresh();
  }
  async function create(rule: RuleDraft) {
    await apiFetch(`/api/v1/workspaces/${workspaceId}/assignment-rules`, { method: "POST", json: rule });
    setAdding(false);
    setDraft(null);
    await refresh();
  }

  const list = rules.data?.items ?? [];
  return (
    <>
      {dialog}
      <Card
        title="Assignment rules"
        titleId="rules-title"
        actions={
          isAdmin &&
          !adding && (
            <button type="button" className={button.secondary} onClick={() => setAdding(true)} disabled={options.length === 0}>
              Add rule
            </button>
          )
        }
      >
        <div className="space-y-4">
          <p className="text-sm text-gray-600 dark:text-gray-300">
            A new issue — or a regression nobody is assigned to — goes to the first enabled rule that matches, top to bottom.
          </p>
          {list.length === 0 && !rules.isLoading ? (
            <EmptyState title="No assignment rules" className="py-2" />
          ) : (
            <ol className="divide-y divide-gray-200 dark:divide-gray-800" aria-label="Assignment rules">
              {list.map((rule, i) =>
                editingId === rule.id ? (
                  <li key={rule.id} className="py-3">
                    <RuleForm
                      options={options}
                      initial={{ name: rule.name, conditions: rule.conditions, assignee: { type: rule.assignee.type, id: rule.assignee.id } }}
                      onSubmit={(draftRule) => save(rule, draftRule)}
                      onCancel={() => setEditingId(null)}
                      onTest={setDraft}
                    />
                  </li>
                ) : (
                <li key={rule.id} data-testid="assignment-rule" className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center">
                  <span className="w-6 text-sm text-gray-400">{i + 1}.</span>
                  <div className="min-w-0 flex-1 text-sm">
                    <p className={`font-medium ${rule.enabled ? "text-gray-900 dark:text-gray-100" : "text-gray-400 line-through"}`}>{rule.name}</p>
                    <p className="flex flex-wrap gap-1 text-xs text-gray-500 dark:text-gray-400">
                      {rule.conditions.length === 0 ? "every issue" : rule.conditions.map((c, j) => <code key={j} className="font-mono">{c.field}:{c.pattern}</code>)}
                      <span>→</span>
                      <Badge>{rule.assignee.name ?? "(gone)"}</Badge>
                      {unassignable(rule) && (
                        <span data-testid="rule-assignee-problem" className="text-amber-700 dark:text-amber-400">
                          {unassignable(rule)}: {rule.enabled ? "this rule is passed over" : "choose someone else to turn it on again"}
                        </span>
                      )}
                    </p>
                  </div>
                  {isAdmin && (
                    <div className="flex gap-1">
                      <button type="button" aria-label={`Move ${rule.name} up`} className={button.ghost} disabled={i === 0} onClick={() => void change(rule, { position: i - 1 })}>
                        ↑
                      </button>
                      <button type="button" aria-label={`Move ${rule.name} down`} className={button.ghost} disabled={i === list.length - 1} onClick={() => void change(rule, { position: i + 1 })}>
                        ↓
                      </button>
                      <button type="button" className={button.ghost} onClick={() => setEditingId(rule.id)}>
                        Edit
                      </button>
                      <button type="button" className={button.ghost} onClick={() => void change(rule, { enabled: !rule.enabled })}>
                        {rule.enabled ? "Disable" : "Enable"}
                      </button>
                      <button type="button" className={button.ghost} onClick={() => void remove(rule)}>
                        Delete
                      </button>
                    </div>
                  )}
                </li>
                ),
              )}
            </ol>
          )}
          {adding && <RuleForm options={options} onSubmit={create} onCancel={() => setAdding(false)} onTest={setDraft} />}
        </div>
      </Card>
      <Card title="Test against an issue" titleId="rule-test-title">
        <RuleTestPanel workspaceId={workspaceId} draft={draft} onClearDraft={() => setDraft(null)} />
      </Card>
    </>
  );
}
