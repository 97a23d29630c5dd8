"use client";

import Link from "next/link";
import { Section } from "@/components/ui/Section";
import { countOf } from "@/lib/client/format";
import { useIssueTagsQuery } from "@/lib/client/hooks/useIssueTagsQuery";
import { quoteValue } from "@/lib/search/formatSearch";

/** Top values per tag with their share of the issue's events, from the per-issue rollup. */
export function TagDistribution({ errorId, workspaceId }: { errorId: string; workspaceId: string }) {
  const query = useIssueTagsQuery(errorId);
  const tags = query.data?.tags ?? [];
  return (
    <Section id="tag-distribution-title" title="Tags across events">
      {query.isLoading ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">Loading…</p>
      ) : tags.length === 0 ? (
        <p className="text-sm text-gray-500 dark:text-gray-400">No tags yet.</p>
      ) : (
        <div className="space-y-3" data-testid="tag-distribution">
          {tags.map((tag) => (
            <div key={tag.key} data-testid={`tag-${tag.key}`}>
              <div className="mb-1 flex items-baseline justify-between text-xs">
                <span className="font-mono font-medium text-gray-900 dark:text-gray-100">{tag.key}</span>
                <span className="text-gray-500 dark:text-gray-400">{countOf(tag.distinctValues, "value")}</span>
              </div>
              <ul className="space-y-1">
                {tag.topValues.map((v) => (
                  <li key={v.value} className="relative overflow-hidden rounded bg-gray-50 text-xs dark:bg-gray-800/60">
                    <span aria-hidden="true" className="absolute inset-y-0 left-0 bg-blue-100 dark:bg-blue-900/50" style={{ width: `${Math.min(100, v.share)}%` }} />
                    <Link
                      href={`/?ws=${workspaceId}&query=${encodeURIComponent(`${tag.key === "user" ? "user.id" : tag.key}:${quoteValue(v.value)}`)}`}
                      className="relative flex justify-between gap-2 px-2 py-0.5 hover:underline"
                      title={countOf(v.count, "event")}
                    >
                      <span className="truncate font-mono text-gray-800 dark:text-gray-200">{v.value}</span>
                      <span className="shrink-0 text-gray-600 dark:text-gray-300">{v.share}%</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
