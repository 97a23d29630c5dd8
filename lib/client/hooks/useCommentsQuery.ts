import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { CommentList } from "@/lib/errors/comments/comments";

const key = (errorId: string) => ["comments", errorId] as const;

/** GET /api/v1/errors/:id/comments */
export function useCommentsQuery(errorId: string) {
  return useQuery({ queryKey: key(errorId), queryFn: ({ signal }) => apiFetch<CommentList>(`/api/v1/errors/${encodeURIComponent(errorId)}/comments`, { signal }) });
}

/** POST /api/v1/errors/:id/comments */
export function useAddCommentMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<CommentList["items"][number]>(`/api/v1/errors/${encodeURIComponent(errorId)}/comments`, { method: "POST", json: { body } }),
    onSuccess: (comment) => qc.setQueryData<CommentList>(key(errorId), (list) => ({ items: [...(list?.items ?? []), comment] })),
    onError: (error) => onFailure(error.message),
  });
}

/** DELETE /api/v1/errors/:id/comments/:commentId */
export function useDeleteCommentMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => apiFetch<null>(`/api/v1/errors/${encodeURIComponent(errorId)}/comments/${commentId}`, { method: "DELETE" }),
    onSuccess: (_data, commentId) => qc.setQueryData<CommentList>(key(errorId), (list) => list && { items: list.items.filter((c) => c.id !== commentId) }),
    onError: (error) => onFailure(error.message),
  });
}
