"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/Badge";
import { button, input } from "@/components/ui/buttonStyles";
import { apiFetch } from "@/lib/client/apiFetch";
import { useErrorsQuery } from "@/lib/client/hooks/useErrorsQuery";
import type { Condition } from "@/lib/assignment/assignmentSchemas";
import type { AssignmentTestResult } from "@/lib/assignment/testAssignmentRules";
import { issueTitle } from "@/lib/domain/issueTitle";

/** "Test against an issue": which saved rule (or the draft) would assign a chosen issue, condition by condition. */
export function RuleTestPanel({ workspaceId, draft, onClearDraft }: { workspaceId: string; draft: Condition[] | null; onClearDraft: () => void }) {
  const recent = useErrorsQuery({ workspaceId, pageSize: 25, sort: "lastSeen" });
  const [errorId, setErrorId] = useState("");
  const [result, setResult] = useState<AssignmentTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = errorId || recent.data?.items[0]?.errorId || "";

  async function run() {
    setError(null);
    try {
      setResult(
        await apiFetch<AssignmentTestResult>(`/api/v1/workspaces/${workspaceId}/assignment-rules/test`, {
          method: "POST",
          json: { errorId: chosen, ...(draft && { rule: { conditions: draft } }) },
        }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : "the test failed");
    }
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row">
        <select aria-label="Issue to test" value={chosen} onChange={(e) => setErrorId(e.target.value)} className={`${input} min-w-0 flex-1`}>
          {(recent.data?.items ?? []).map((e) => (
            <option key={e.errorId} value={e.errorId}>
              {issueTitle(e, 100)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!chosen} className={button.secondary} onClick={() => void run()}>
          {draft ? "Test the draft rule" : "Test the rules"}
        </button>
        {draft && (
          <button type="button" className={button.ghost} onClick={onClearDraft}>
            Test saved rules instead
          </button>
        )}
      </div>
      {!recent.isLoading && !recent.data?.items.length && <p className="text-sm text-gray-500 dark:text-gray-400">No issues yet to test against.</p>}
      {error && <p role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</p>}
      {result && (
        <div data-testid="rule-test-result" className="space-y-2 rounded-lg bg-gray-50 p-3 text-sm dark:bg-gray-950">
          {result.draft ? (
            <p className="font-medium">{result.draft.matched ? "The draft rule matches this issue." : "The draft rule does not match this issue."}</p>
          ) : result.matchedRule ? (
            <p className="font-medium">
              Assigned by “{result.matchedRule.name}” to {result.matchedRule.assignee.name ?? "?"} ({result.matchedRule.assignee.type}).
            </p>
          ) : (
            <p className="font-medium">No rule matches: the issue stays unassigned.</p>
          )}
          <ul className="space-y-1">
            {(result.draft ? [{ id: "draft", name: "Draft", enabled: true, matched: result.draft.matched, conditions: result.draft.conditions }] : result.rules).map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-1">
                <Badge className={r.matched ? "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" : undefined}>{r.matched ? "match" : r.enabled ? "no match" : "disabled"}</Badge>
                <span className="font-medium">{r.name}</span>
                {r.conditions.map((c, i) => (
                  <span key={i} className={`font-mono text-xs ${c.matched ? "text-green-700 dark:text-green-400" : "text-gray-500 line-through"}`}>
                    {c.field}:{c.pattern}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
