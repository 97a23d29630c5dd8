"use client";

import { useState } from "react";
import { button } from "@/components/ui/buttonStyles";
import { Section } from "@/components/ui/Section";
import { useToast } from "@/components/ui/Toast";
import { countOf } from "@/lib/client/format";
import { useErrorFingerprintsQuery, useUnmergeErrorMutation } from "@/lib/client/hooks/useGroupingQueries";
import type { UnmergeResult } from "@/lib/grouping/merge/unmergeError";

const TITLE = "Fingerprints in this issue";
const KIND_LABEL = { own: "this issue's own", merged: "merged in", legacy: "after the grouping upgrade", events: "seen on events" } as const;

/** The toast after a split: how many issues and events, and what is only approximate. */
function unmergeSummary(r: UnmergeResult): string {
  const events = r.created.reduce((n, c) => n + c.events, 0);
  const parts = [...new Set(r.created.flatMap((c) => c.approximateIn))];
  const approx = parts.length ? `; ${parts.join(" and ")} approximate (counted apart only since per-fingerprint counts exist)` : "";
  return `Split off ${r.created.length} issue${r.created.length === 1 ? "" : "s"} (${countOf(events, "event")}${approx})`;
}

/**
 * The fingerprints an issue holds (its own, merged ones, the new-version ones of a grouping
 * upgrade); any but its own can be split off into an issue of its own, with its events.
 */
export function UnmergePanel({ errorId, canUnmerge, framed = false }: { errorId: string; canUnmerge: boolean; framed?: boolean }) {
  const query = useErrorFingerprintsQuery(errorId);
  const unmerge = useUnmergeErrorMutation();
  const { showToast } = useToast();
  const [selected, setSelected] = useState<string[]>([]);
  const fingerprints = query.data?.fingerprints ?? [];
  if (fingerprints.length < 2) return null;

  const toggle = (fp: string) => setSelected((s) => (s.includes(fp) ? s.filter((x) => x !== fp) : [...s, fp]));

  const body = (
    <>
      <p className="mb-2 text-xs text-gray-500 dark:text-gray-400">Split a fingerprint off to give its events (and its future events) an issue of their own.</p>
      <ul className="space-y-1">
        {fingerprints.map((f) => (
          <li key={f.fingerprint} data-testid="issue-fingerprint" className="flex items-center gap-2 text-sm">
            {canUnmerge && f.kind !== "own" ? (
              <input
                type="checkbox"
                id={`fp-${f.fingerprint}`}
                checked={selected.includes(f.fingerprint)}
                onChange={() => toggle(f.fingerprint)}
                className="h-4 w-4 rounded border-gray-300"
              />
            ) : (
              <span className="inline-block w-4" />
            )}
            <label htmlFor={`fp-${f.fingerprint}`} className="min-w-0 flex-1">
              <span className="font-mono text-xs text-gray-700 dark:text-gray-300">{f.fingerprint.slice(0, 12)}</span>{" "}
              <span className="text-gray-500 dark:text-gray-400">
                {KIND_LABEL[f.kind]} · {f.approximate ? <span title="Some of its events were not counted apart (from before per-fingerprint counts): splitting it off moves what its stored events show">≈ at least </span> : null}
                {countOf(f.events, "event")}
              </span>
              {f.sampleMessage && <span className="block truncate text-xs text-gray-500 dark:text-gray-400">{f.sampleMessage}</span>}
            </label>
          </li>
        ))}
      </ul>
      {canUnmerge && (
        <button
          type="button"
          className={`${button.secondary} mt-2`}
          disabled={selected.length === 0 || unmerge.isPending}
          onClick={() =>
            unmerge.mutate(
              { errorId, fingerprints: selected },
              {
                onSuccess: (r) => {
                  setSelected([]);
                  showToast(unmergeSummary(r), "success");
                },
                onError: (e) => showToast(`Unmerge failed: ${e.message}`),
              },
            )
          }
        >
          Split off selected
        </button>
      )}
    </>
  );
  // framed: a Section of its own, like the issue page's other side-column panels; else part of the details panel.
  if (framed) {
    return (
      <Section id="unmerge-title" title={TITLE}>
        <div data-testid="unmerge-panel">{body}</div>
      </Section>
    );
  }
  return (
    <section aria-labelledby="unmerge-title" data-testid="unmerge-panel" className="border-t border-gray-200 px-4 py-3 sm:px-6 dark:border-gray-800">
      <h3 id="unmerge-title" className="mb-1 text-sm font-medium text-gray-900 dark:text-gray-100">
        {TITLE}
      </h3>
      {body}
    </section>
  );
}
