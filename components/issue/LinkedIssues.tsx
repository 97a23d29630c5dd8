"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/AuthCard";
import { button, input } from "@/components/ui/buttonStyles";
import { Section } from "@/components/ui/Section";
import { useToast } from "@/components/ui/Toast";
import { useAddIssueLinkMutation, useIssueLinksQuery, useRemoveIssueLinkMutation } from "@/lib/client/hooks/useIssueLinksQuery";
import type { IssueTracker } from "@/lib/errors/links/describeIssueLink";

const TRACKER_NAMES: Record<IssueTracker, string> = { github: "GitHub", gitlab: "GitLab", jira: "Jira", linear: "Linear", azure: "Azure DevOps", other: "Link" };

/**
 * Where the issue is tracked elsewhere: GitHub, GitLab, Jira, Linear or Azure DevOps issues (or any
 * address), each by its short name; members and admins add and remove them (audited).
 */
export function LinkedIssues({ errorId, canEdit }: { errorId: string; canEdit: boolean }) {
  const { showToast } = useToast();
  const links = useIssueLinksQuery(errorId);
  const add = useAddIssueLinkMutation(errorId);
  const remove = useRemoveIssueLinkMutation(errorId, (message) => showToast(`Link not removed: ${message}`));
  const [isAdding, setIsAdding] = useState(false);
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const items = links.data?.items ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(
      { url: url.trim(), ...(title.trim() && { title: title.trim() }) },
      {
        onSuccess: () => {
          setUrl("");
          setTitle("");
          setIsAdding(false);
        },
      },
    );
  }

  return (
    <Section
      id="linked-issues-title"
      title="Linked issues"
      actions={
        canEdit && !isAdding ? (
          <button type="button" className="text-xs text-blue-700 hover:underline dark:text-blue-400" onClick={() => setIsAdding(true)}>
            Link an issue
          </button>
        ) : undefined
      }
    >
      {items.length === 0 && !isAdding && <p className="text-sm text-gray-500 dark:text-gray-400">Not tracked anywhere else yet.</p>}
      {items.length > 0 && (
        <ul className="space-y-1.5" data-testid="linked-issues">
          {items.map((link) => (
            <li key={link.id} data-testid="linked-issue" className="flex min-w-0 items-baseline gap-2 text-sm">
              <span className="shrink-0 rounded bg-gray-100 px-1.5 text-[10px] font-medium uppercase text-gray-600 dark:bg-gray-800 dark:text-gray-300">{TRACKER_NAMES[link.tracker]}</span>
              <a href={link.url} target="_blank" rel="noopener noreferrer" className="min-w-0 truncate text-blue-700 hover:underline dark:text-blue-400" title={link.url}>
                <span className="font-mono text-xs">{link.label}</span>
                {link.title && <span className="ml-1.5 text-gray-700 dark:text-gray-300">{link.title}</span>}
              </a>
              {canEdit && (
                <button type="button" className="ml-auto shrink-0 text-xs text-gray-500 hover:text-red-700 dark:text-gray-400" aria-label={`Remove the link to ${link.label}`} onClick={() => remove.mutate(link.id)}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {isAdding && (
        <form onSubmit={submit} className="mt-2 space-y-2" aria-label="Link an issue">
          <input aria-label="Issue address" type="url" required autoFocus maxLength={2000} placeholder="https://github.com/acme/shop/issues/42" value={url} onChange={(e) => setUrl(e.target.value)} className={`${input} w-full font-mono text-xs`} />
          <input aria-label="Title (optional)" maxLength={300} placeholder="Title (optional)" value={title} onChange={(e) => setTitle(e.target.value)} className={`${input} w-full text-sm`} />
          <FormError message={add.error?.message ?? null} />
          <div className="flex gap-2">
            <button type="submit" disabled={add.isPending} className={button.primary}>
              {add.isPending ? "Linking…" : "Link"}
            </button>
            <button type="button" className={button.ghost} onClick={() => setIsAdding(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
