"use client";

import Link from "next/link";
import { Section } from "@/components/ui/Section";
import { countOf } from "@/lib/client/format";
import { eventsWithTagHref } from "@/lib/client/eventsTabLinks";
import { useIssueTagsQuery } from "@/lib/client/hooks/useIssueTagsQuery";

/**
 * Top values per tag with their share of the issue's events, from the per-issue rollup. A value of a
 * key the events can be filtered by (environment, release, user) opens this issue's events with it.
 */
export function TagDistribution({ errorId }: { errorId: string }) {
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
                {tag.topValues.map((v) => {
                  const href = eventsWithTagHref(errorId, tag.key, v.value);
                  const content = (
                    <>
                      <span className="min-w-0 truncate font-mono text-gray-800 dark:text-gray-200">{v.value}</span>
                      <span className="shrink-0 text-gray-600 dark:text-gray-300">{v.share}%</span>
                    </>
                  );
                  return (
                    <li key={v.value} className="relative overflow-hidden rounded bg-gray-50 text-xs dark:bg-gray-800/60">
                      <span aria-hidden="true" className="absolute inset-y-0 left-0 bg-blue-100 dark:bg-blue-900/50" style={{ width: `${Math.min(100, v.share)}%` }} />
                      {href ? (
                        <Link href={href} className="relative flex justify-between gap-2 px-2 py-0.5 hover:underline" title={`${countOf(v.count, "event")}: show them`}>
                          {content}
                        </Link>
                      ) : (
                        <span className="relative flex justify-between gap-2 px-2 py-0.5" title={countOf(v.count, "event")}>
                          {content}
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
