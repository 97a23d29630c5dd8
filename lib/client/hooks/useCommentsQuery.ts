import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { apiFetch } from "@/lib/client/apiFetch";
import type { CommentList } from "@/lib/errors/comments/comments";

const key = (errorId: string) => ["comments", errorId] as const;
type Comment = CommentList["items"][number];
type Pages = InfiniteData<CommentList, string | null>;

/** GET /api/v1/errors/:id/comments — the newest comments first loaded; older pages on demand. */
export function useCommentsQuery(errorId: string) {
  return useInfiniteQuery({
    queryKey: key(errorId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiFetch<CommentList>(`/api/v1/errors/${encodeURIComponent(errorId)}/comments${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** POST /api/v1/errors/:id/comments */
export function useAddCommentMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => apiFetch<Comment>(`/api/v1/errors/${encodeURIComponent(errorId)}/comments`, { method: "POST", json: { body } }),
    // The first page holds the newest comments.
    onSuccess: (comment) =>
      qc.setQueryData<Pages>(key(errorId), (data) =>
        data ? { ...data, pages: data.pages.map((page, i) => (i === 0 ? { ...page, items: [...page.items, comment] } : page)) } : { pages: [{ items: [comment], nextCursor: null }], pageParams: [null] },
      ),
    onError: (error) => onFailure(error.message),
  });
}

/** DELETE /api/v1/errors/:id/comments/:commentId */
export function useDeleteCommentMutation(errorId: string, onFailure: (message: string) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => apiFetch<null>(`/api/v1/errors/${encodeURIComponent(errorId)}/comments/${commentId}`, { method: "DELETE" }),
    onSuccess: (_data, commentId) =>
      qc.setQueryData<Pages>(key(errorId), (data) => data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((c) => c.id !== commentId) })) }),
    onError: (error) => onFailure(error.message),
  });
}
