import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { invalidateAlerts } from "@/lib/client/hooks/useAlertsQuery";
import type { ErrorFingerprint } from "@/lib/grouping/merge/listErrorFingerprints";
import type { MergeResult } from "@/lib/grouping/merge/mergeErrors";
import type { UnmergeResult } from "@/lib/grouping/merge/unmergeError";
import type { GroupingRulesView } from "@/lib/grouping/rules/groupingRulesStore";
import type { GroupingRule } from "@/lib/grouping/rules/groupingRuleSchemas";
import type { GroupingPreview } from "@/lib/grouping/rules/previewGroupingRules";
import type { SimilarError } from "@/lib/grouping/similar/findSimilarErrors";

/** GET /api/v1/errors/:id/similar */
export function useSimilarErrorsQuery(errorId: string) {
  return useQuery({
    queryKey: ["similarErrors", errorId],
    queryFn: ({ signal }) => apiFetch<{ errorId: string; items: SimilarError[] }>(`/api/v1/errors/${encodeURIComponent(errorId)}/similar`, { signal }),
  });
}

/** GET /api/v1/errors/:id/fingerprints */
export function useErrorFingerprintsQuery(errorId: string) {
  return useQuery({
    queryKey: ["errorFingerprints", errorId],
    queryFn: ({ signal }) => apiFetch<{ errorId: string; fingerprints: ErrorFingerprint[] }>(`/api/v1/errors/${encodeURIComponent(errorId)}/fingerprints`, { signal }),
  });
}

/** After a merge or unmerge every view of errors may have changed, and the merged issues' alerts moved to the target. */
function invalidateErrors(qc: ReturnType<typeof useQueryClient>) {
  for (const key of ["errors", "error", "errorTracking", "similarErrors", "errorFingerprints"]) void qc.invalidateQueries({ queryKey: [key] });
  void invalidateAlerts(qc);
}

/** POST /api/v1/errors/merge */
export function useMergeErrorsMutation() {
  const qc = useQueryClient();
  return useMutation<MergeResult, Error, { targetId: string; sourceIds: string[] }>({
    mutationFn: (input) => apiFetch("/api/v1/errors/merge", { method: "POST", json: input }),
    onSuccess: () => invalidateErrors(qc),
  });
}

/** POST /api/v1/errors/:id/unmerge */
export function useUnmergeErrorMutation() {
  const qc = useQueryClient();
  return useMutation<UnmergeResult, Error, { errorId: string; fingerprints: string[] }>({
    mutationFn: ({ errorId, fingerprints }) => apiFetch(`/api/v1/errors/${encodeURIComponent(errorId)}/unmerge`, { method: "POST", json: { fingerprints } }),
    onSuccess: () => invalidateErrors(qc),
  });
}

/** GET /api/v1/projects/:id/grouping-rules */
export function useGroupingRulesQuery(projectId: string) {
  return useQuery({
    queryKey: ["groupingRules", projectId],
    queryFn: ({ signal }) => apiFetch<GroupingRulesView>(`/api/v1/projects/${encodeURIComponent(projectId)}/grouping-rules`, { signal }),
  });
}

/** POST /api/v1/projects/:id/grouping-rules */
export function useSaveGroupingRulesMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<GroupingRulesView, Error, GroupingRule[]>({
    mutationFn: (rules) => apiFetch(`/api/v1/projects/${encodeURIComponent(projectId)}/grouping-rules`, { method: "POST", json: { rules } }),
    onSuccess: (data) => qc.setQueryData(["groupingRules", projectId], data),
  });
}

/** POST /api/v1/projects/:id/grouping-rules/preview */
export function usePreviewGroupingRulesMutation(projectId: string) {
  return useMutation<GroupingPreview, Error, GroupingRule[]>({
    mutationFn: (rules) => apiFetch(`/api/v1/projects/${encodeURIComponent(projectId)}/grouping-rules/preview`, { method: "POST", json: { rules } }),
  });
}
