import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { listRules } from "@/lib/alerts/rules/listRules";
import type { RuleDto } from "@/lib/alerts/rules/ruleDto";
import type { CreateRuleInput, UpdateRuleInput } from "@/lib/alerts/rules/ruleSchemas";

export type RuleList = Awaited<ReturnType<typeof listRules>>;

const rulesKey = (workspaceId: string) => ["alertRules", workspaceId] as const;

/** GET /api/v1/workspaces/:id/alert-rules — every rule, built-in ones included (any member). */
export function useAlertRulesQuery(workspaceId: string) {
  return useQuery({
    queryKey: rulesKey(workspaceId),
    queryFn: ({ signal }) => apiFetch<RuleList>(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alert-rules`, { signal }),
  });
}

/** PATCH /api/v1/alert-rules/:id — enabled, threshold, window… (admins). */
export function useUpdateAlertRuleMutation(workspaceId: string) {
  const qc = useQueryClient();
  const key = rulesKey(workspaceId);
  return useMutation<RuleDto, Error, { ruleId: string; changes: UpdateRuleInput }, { previous: RuleList | undefined }>({
    mutationFn: ({ ruleId, changes }) => apiFetch(`/api/v1/alert-rules/${encodeURIComponent(ruleId)}`, { method: "PATCH", json: changes }),
    // The enabled toggle is applied at once and rolled back if the server refuses it.
    onMutate: async ({ ruleId, changes }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<RuleList>(key);
      if (changes.enabled !== undefined) {
        const enabled = changes.enabled;
        qc.setQueryData<RuleList>(key, (list) => list && { ...list, items: list.items.map((r) => (r.id === ruleId ? { ...r, enabled } : r)) });
      }
      return { previous };
    },
    onError: (_error, _vars, ctx) => ctx?.previous && qc.setQueryData(key, ctx.previous),
    onSuccess: (rule) => qc.setQueryData<RuleList>(key, (list) => list && { ...list, items: list.items.map((r) => (r.id === rule.id ? rule : r)) }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

/** POST /api/v1/workspaces/:id/alert-rules — a new rule (admins); defaults filled in by the server. */
export function useCreateAlertRuleMutation(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation<RuleDto, Error, Partial<CreateRuleInput> & Pick<CreateRuleInput, "name" | "kind" | "threshold">>({
    mutationFn: (rule) => apiFetch(`/api/v1/workspaces/${encodeURIComponent(workspaceId)}/alert-rules`, { method: "POST", json: rule }),
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey(workspaceId) }),
  });
}
