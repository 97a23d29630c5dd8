import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { SourceBundleDto } from "@/lib/jvmSources/sourceBundleSchemas";
import type { ProguardMappingDto } from "@/lib/proguard/proguardSchemas";

const mappingsKey = (projectId: string) => ["project", projectId, "proguard"] as const;
const mappingsUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/proguard`;

/** GET /api/v1/projects/:projectId/proguard. */
export function useProguardMappingsQuery(projectId: string) {
  return useQuery({
    queryKey: mappingsKey(projectId),
    queryFn: ({ signal }) => apiFetch<{ items: ProguardMappingDto[] }>(mappingsUrl(projectId), { signal }),
  });
}

/** DELETE /api/v1/projects/:projectId/proguard/:uuid. */
export function useDeleteProguardMappingMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { uuid: string }>({
    mutationFn: ({ uuid }) => apiFetch(`${mappingsUrl(projectId)}/${encodeURIComponent(uuid)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: mappingsKey(projectId) }),
  });
}

const bundlesKey = (projectId: string) => ["project", projectId, "source-bundles"] as const;
const bundlesUrl = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}/source-bundles`;

/** GET /api/v1/projects/:projectId/source-bundles. */
export function useSourceBundlesQuery(projectId: string) {
  return useQuery({
    queryKey: bundlesKey(projectId),
    queryFn: ({ signal }) => apiFetch<{ items: SourceBundleDto[] }>(bundlesUrl(projectId), { signal }),
  });
}

/** DELETE /api/v1/projects/:projectId/source-bundles/:debugId. */
export function useDeleteSourceBundleMutation(projectId: string) {
  const qc = useQueryClient();
  return useMutation<null, Error, { debugId: string }>({
    mutationFn: ({ debugId }) => apiFetch(`${bundlesUrl(projectId)}/${encodeURIComponent(debugId)}`, { method: "DELETE" }),
    onSettled: () => qc.invalidateQueries({ queryKey: bundlesKey(projectId) }),
  });
}
