"use client";

import { useState, type FormEvent } from "react";
import { AuditIssueLinks } from "@/components/issue/AuditIssueLinks";
import { describeAudit } from "@/components/issue/describeAudit";
import { MentionTextarea } from "@/components/issue/MentionTextarea";
import { button } from "@/components/ui/buttonStyles";
import { useToast } from "@/components/ui/Toast";
import { useAddCommentMutation, useCommentsQuery, useDeleteCommentMutation } from "@/lib/client/hooks/useCommentsQuery";
import { mentionSegments } from "@/lib/notifications/commentMentions";
import type { ErrorDetails } from "@/lib/errors/getErrorDetails";
import type { Member } from "@/lib/workspaces/listMembers";
import { RelativeTime } from "@/components/ui/RelativeTime";

interface ActivityFeedProps {
  issue: ErrorDetails;
  members: Member[];
  currentUserId: string;
  canComment: boolean;
  isAdmin: boolean;
}

type Item =
  | { kind: "comment"; id: string; at: string; who: string; body: string; canDelete: boolean }
  | { kind: "audit"; id: string; at: string; who: string; text: string; issues: ErrorDetails["audit"][number]["issues"] };

/** Comments and the audit trail in one timeline, newest first; members write comments. */
export function ActivityFeed({ issue, members, currentUserId, canComment, isAdmin }: ActivityFeedProps) {
  const { showToast } = useToast();
  const comments = useCommentsQuery(issue.errorId);
  const add = useAddCommentMutation(issue.errorId, (m) => showToast(`Comment not saved: ${m}`));
  const remove = useDeleteCommentMutation(issue.errorId, (m) => showToast(`Comment not deleted: ${m}`));
  const [body, setBody] = useState("");
  const nameById = new Map(members.map((m) => [m.id, m.name || m.email]));
  const nameOf = (id: string) => nameById.get(id) ?? null;
  const mentionable = members.map((m) => ({ userId: m.id, email: m.email, name: m.name }));

  const items: Item[] = [
    ...(comments.data?.pages.flatMap((page) => page.items) ?? []).map((c) => ({
      kind: "comment" as const,
      id: c.id,
      at: c.createdAt,
      who: c.author ? c.author.name || c.author.email : "A former member",
      body: c.body,
      canDelete: isAdmin || c.author?.id === currentUserId,
    })),
    ...issue.audit.map((a) => ({
      kind: "audit" as const,
      id: a.id,
      at: a.at,
      who: a.actor ? a.actor.name || a.actor.email : a.actorType === "user" ? "A former member" : "Faultline",
      text: describeAudit(a, (id) => nameOf(id) ?? (a.assignee ? a.assignee.name || a.assignee.email : null)),
      issues: a.issues,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = body.trim();
    if (!text) return;
    add.mutate(text, { onSuccess: () => setBody("") });
  }

  return (
    <div className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-gray-200 dark:bg-gray-900 dark:ring-gray-800" data-testid="activity-feed">
      {canComment && (
        <form onSubmit={submit} className="space-y-2">
          <label className="block text-sm font-medium text-gray-900 dark:text-gray-100" htmlFor="comment-body">
            Comment
          </label>
          <MentionTextarea id="comment-body" value={body} onChange={setBody} members={mentionable} placeholder="What did you find? @name tells a member" />
          <div className="flex justify-end">
            <button type="submit" className={button.primary} disabled={add.isPending || !body.trim()}>
              Add comment
            </button>
          </div>
        </form>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">No activity yet.</p>
      ) : (
        <ol className="space-y-3" data-testid="audit-trail">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} className="flex gap-3 text-sm" data-testid={item.kind === "comment" ? "comment" : "audit-entry"}>
              <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${item.kind === "comment" ? "bg-blue-500" : "bg-gray-300 dark:bg-gray-600"}`} />
              <div className="min-w-0 flex-1">
                <p className="text-gray-700 dark:text-gray-300">
                  <span className="font-medium text-gray-900 dark:text-gray-100">{item.who}</span> {item.kind === "comment" ? "commented" : item.text}
                  {item.kind === "audit" && <AuditIssueLinks issues={item.issues} />}{" "}
                  <RelativeTime iso={item.at} className="text-gray-500 dark:text-gray-400" />
                </p>
                {item.kind === "comment" && (
                  <div className="mt-1 flex items-start gap-2">
                    <p className="flex-1 whitespace-pre-wrap break-words rounded-md bg-gray-50 px-3 py-2 text-gray-800 dark:bg-gray-800 dark:text-gray-200">
                      {mentionSegments(item.body, mentionable).map((segment, i) =>
                        segment.userId ? (
                          <span key={i} className="font-medium text-blue-700 dark:text-blue-400" title={nameOf(segment.userId) ?? undefined}>
                            {segment.text}
                          </span>
                        ) : (
                          segment.text
                        ),
                      )}
                    </p>
                    {item.canDelete && (
                      <button type="button" className="text-xs text-gray-500 hover:text-red-600 dark:text-gray-400" onClick={() => remove.mutate(item.id)} aria-label="Delete comment">
                        Delete
                      </button>
                    )}
                  </div>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {comments.hasNextPage && (
        // The newest comments come first; a busy issue's older ones on demand.
        <button type="button" className={button.secondary} onClick={() => void comments.fetchNextPage()} disabled={comments.isFetchingNextPage} data-testid="older-comments">
          {comments.isFetchingNextPage ? "Loading…" : "Show older comments"}
        </button>
      )}
    </div>
  );
}
