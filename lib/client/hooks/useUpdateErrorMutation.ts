import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import { invalidateAlerts } from "@/lib/client/hooks/useAlertsQuery";
import { errorQueryKey } from "@/lib/client/hooks/useErrorQuery";
import type { ErrorsPage } from "@/lib/client/hooks/useErrorsQuery";
import type { toErrorDetail } from "@/lib/errors/errorDto";
import type { UpdateErrorInput } from "@/lib/errors/errorSchemas";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";

export interface UpdateErrorVariables {
  errorId: string;
  patch: UpdateErrorInput;
  /** What the optimistic copy shows as the resolver, until the server answers. */
  actor?: { id: string; name: string; email: string };
}

interface Snapshot {
  detail: ErrorDetails | undefined;
  lists: [readonly unknown[], ErrorsPage | undefined][];
}

/**
 * PATCH /api/v1/errors/:id, applied optimistically to the open error and every cached list page;
 * when the server refuses, the snapshot is put back and `onFailure` gets the server's message.
 */
export function useUpdateErrorMutation(onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation<ReturnType<typeof toErrorDetail>, Error, UpdateErrorVariables, Snapshot>({
    mutationKey: ["updateError"],
    mutationFn: ({ errorId, patch }) => apiFetch(`/api/v1/errors/${encodeURIComponent(errorId)}`, { method: "PATCH", json: patch }),
    onMutate: async ({ errorId, patch, actor }) => {
      await Promise.all([qc.cancelQueries({ queryKey: errorQueryKey(errorId) }), qc.cancelQueries({ queryKey: ["errors"] })]);
      const snapshot: Snapshot = {
        detail: qc.getQueryData<ErrorDetails>(errorQueryKey(errorId)),
        lists: qc.getQueriesData<ErrorsPage>({ queryKey: ["errors"] }),
      };
      qc.setQueryData<ErrorDetails>(errorQueryKey(errorId), (d) => d && applyToDetail(d, patch, actor));
      qc.setQueriesData<ErrorsPage>({ queryKey: ["errors"] }, (page) =>
        page && {
          ...page,
          items: page.items.map((item) =>
            item.errorId === errorId
              ? {
                  ...item,
                  status: patch.status ?? item.status,
                  assigneeId: patch.assigneeId === undefined ? item.assigneeId : patch.assigneeId,
                  assigneeTeamId: patch.assigneeTeamId === undefined ? item.assigneeTeamId : patch.assigneeTeamId,
                }
              : item,
          ),
        },
      );
      return snapshot;
    },
    onError: (error, { errorId }, snapshot) => {
      if (snapshot) {
        qc.setQueryData(errorQueryKey(errorId), snapshot.detail);
        for (const [key, data] of snapshot.lists) qc.setQueryData(key, data);
      }
      onFailure(error.message);
    },
    onSettled: (_data, _error, { errorId, patch }) => {
      void qc.invalidateQueries({ queryKey: errorQueryKey(errorId) });
      void qc.invalidateQueries({ queryKey: ["errors"] });
      void qc.invalidateQueries({ queryKey: ["errorTracking"] });
      // Resolving or ignoring closed the open alerts on the server.
      if (patch.status) void invalidateAlerts(qc);
    },
  });
}

function applyToDetail(detail: ErrorDetails, patch: UpdateErrorInput, actor: UpdateErrorVariables["actor"]): ErrorDetails {
  const next: ErrorDetails = { ...detail, status: patch.status ?? detail.status };
  if (patch.assigneeId !== undefined) next.assigneeId = patch.assigneeId;
  if (patch.assigneeTeamId !== undefined) next.assigneeTeamId = patch.assigneeTeamId;
  if (patch.status === "resolved") {
    next.resolution = {
      resolvedAt: new Date().toISOString(),
      resolvedBy: actor?.id ?? null,
      resolution: patch.resolution ?? null,
      rootCause: patch.rootCause ?? null,
      preventiveMeasures: patch.preventiveMeasures ?? [],
    };
    if (actor) next.resolvedByUser = actor;
  } else if (patch.status) {
    next.resolution = null;
  }
  return next;
}
