import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { createForwardingRule } from "@/lib/forwarding/rules/createForwardingRule";
import type { CreateForwardingRuleSchema, UpdateForwardingRuleInput } from "@/lib/forwarding/rules/forwardingRuleSchemas";
import type { listForwardingRules } from "@/lib/forwarding/rules/listForwardingRules";
import type { ForwardingRuleDto } from "@/lib/forwarding/rules/forwardingRuleDto";
import type { z } from "zod";

export type ForwardingRuleList = Awaited<ReturnType<typeof listForwardingRules>>;
export type CreatedForwardingRule = Awaited<ReturnType<typeof createForwardingRule>>;
/** The POST body before defaults are applied (filters and `enabled` may be omitted). */
export type NewForwardingRule = z.input<typeof CreateForwardingRuleSchema>;

const rulesKey = (projectId: string) => ["forwardingRules", projectId] as const;
const rulesUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/forwarding-rules`;
const ruleUrl = (ruleId: string) => `/api/v1/forwarding-rules/${encodeURIComponent(ruleId)}`;

/** GET /api/v1/projects/:id/forwarding-rules — secrets masked (any member). */
export function useForwardingRulesQuery(projectId: string) {
  return useQuery({
    queryKey: rulesKey(projectId),
    queryFn: ({ signal }) => apiFetch<ForwardingRuleList>(rulesUrl(projectId), { signal }),
  });
}

/** POST /api/v1/projects/:id/forwarding-rules (admins). */
export function useCreateForwardingRuleMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<CreatedForwardingRule, Error, NewForwardingRule>({
    mutationFn: (input) => apiFetch(rulesUrl(projectId), { method: "POST", json: input }),
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey(projectId) }),
  });
}

/** PATCH /api/v1/forwarding-rules/:id (admins). */
export function useUpdateForwardingRuleMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<ForwardingRuleDto, Error, { ruleId: string; patch: UpdateForwardingRuleInput }>({
    mutationFn: ({ ruleId, patch }) => apiFetch(ruleUrl(ruleId), { method: "PATCH", json: patch }),
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey(projectId) }),
  });
}

/** DELETE /api/v1/forwarding-rules/:id (admins). */
export function useDeleteForwardingRuleMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { ruleId: string }>({
    mutationFn: ({ ruleId }) => apiFetch(ruleUrl(ruleId), { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: rulesKey(projectId) }),
  });
}
