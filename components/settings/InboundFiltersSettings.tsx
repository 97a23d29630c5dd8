"use client";

import { useState } from "react";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { formatCount } from "@/lib/client/format";
import { useInboundFiltersQuery, useSaveInboundFiltersMutation } from "@/lib/client/hooks/useInboundFiltersQuery";
import { INBOUND_FILTER_REASONS, type InboundFilterReason, type InboundFilters } from "@/lib/ingest/filters/inboundFilterSchema";

type Toggle = "browserExtensions" | "localhost" | "webCrawlers" | "legacyBrowsers";

const TOGGLES: { key: Toggle; label: string; hint: string }[] = [
  { key: "browserExtensions", label: "Browser extensions", hint: "errors thrown in an extension's code, and errors injected scripts are known for" },
  { key: "localhost", label: "Localhost", hint: "pages served from localhost, 127.0.0.1, ::1 or *.localhost: a developer's machine" },
  { key: "webCrawlers", label: "Web crawlers", hint: "Googlebot, bingbot and other crawlers, by User-Agent (headless browsers are kept)" },
  { key: "legacyBrowsers", label: "Legacy browsers", hint: "Internet Explorer, pre-Chromium Edge, Opera Mini, browsers older than ES2017" },
];

const REASON_LABELS: Record<InboundFilterReason, string> = {
  discarded: "discarded issues",
  "browser-extension": "browser extensions",
  localhost: "localhost",
  "web-crawler": "web crawlers",
  "legacy-browser": "legacy browsers",
  "error-message": "error messages",
  release: "releases",
};

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/**
 * Per-project inbound filters: events they match are answered as received and dropped — no issue,
 * no quota — counted as filtered. Admins edit; everyone sees what is on and what it dropped.
 */
export function InboundFiltersSettings({ projectId, isAdmin }: { projectId: string; isAdmin: boolean }) {
  const query = useInboundFiltersQuery(projectId);
  const save = useSaveInboundFiltersMutation(projectId);
  const { showToast } = useToast();
  const [draft, setDraft] = useState<{ toggles: Record<Toggle, boolean>; errorMessages: string; releases: string } | null>(null);

  if (query.isLoading) return <Card title="Inbound filters" titleId="inbound-filters-title"><LoadingState /></Card>;
  if (query.error || !query.data) {
    return (
      <Card title="Inbound filters" titleId="inbound-filters-title">
        <ErrorState error={query.error ?? new Error("not found")} onRetry={() => void query.refetch()} />
      </Card>
    );
  }
  const saved = query.data.filters;
  const current = draft ?? {
    toggles: { browserExtensions: saved.browserExtensions, localhost: saved.localhost, webCrawlers: saved.webCrawlers, legacyBrowsers: saved.legacyBrowsers },
    errorMessages: saved.errorMessages.join("\n"),
    releases: saved.releases.join("\n"),
  };
  const toFilters = (): InboundFilters => ({ ...current.toggles, errorMessages: lines(current.errorMessages), releases: lines(current.releases) });
  const { last24h, last30d, byReason } = query.data.filtered;
  const reasons = INBOUND_FILTER_REASONS.filter((r) => (byReason[r] ?? 0) > 0).map((r) => `${REASON_LABELS[r]} ${formatCount(byReason[r] ?? 0)}`);

  return (
    <Card title="Inbound filters" titleId="inbound-filters-title" bodyClassName="p-4 sm:p-6 space-y-4">
      <p className="text-sm text-gray-600 dark:text-gray-400">
        Events a filter matches are answered as received and dropped: they open no issue and count against no quota. Message globs
        (<code>*</code> any text, case-insensitive) are matched against “Type: message” and the message alone.{" "}
        <span data-testid="filtered-count">
          Filtered: {formatCount(last24h)} in the last 24 hours, {formatCount(last30d)} in 30 days{reasons.length > 0 ? ` (${reasons.join(", ")})` : ""}.
        </span>
      </p>
      <fieldset className="space-y-2" disabled={!isAdmin}>
        <legend className="sr-only">Filters</legend>
        {TOGGLES.map((t) => (
          <label key={t.key} className="flex items-start gap-2 text-sm text-gray-800 dark:text-gray-200">
            <input
              type="checkbox"
              className="mt-0.5"
              checked={current.toggles[t.key]}
              onChange={(e) => setDraft({ ...current, toggles: { ...current.toggles, [t.key]: e.target.checked } })}
            />
            <span>
              {t.label}
              <span className="block text-xs text-gray-500 dark:text-gray-400">{t.hint}</span>
            </span>
          </label>
        ))}
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1 text-xs text-gray-600 dark:text-gray-300">
            Error messages (one glob per line)
            <textarea
              className={`${input} font-mono`}
              rows={4}
              value={current.errorMessages}
              placeholder={"*ResizeObserver loop*\nChunkLoadError: *"}
              onChange={(e) => setDraft({ ...current, errorMessages: e.target.value })}
            />
          </label>
          <label className="flex flex-col gap-1 text-xs text-gray-600 dark:text-gray-300">
            Releases (one glob per line)
            <textarea className={`${input} font-mono`} rows={4} value={current.releases} placeholder={"*-dev\nweb@0.*"} onChange={(e) => setDraft({ ...current, releases: e.target.value })} />
          </label>
        </div>
      </fieldset>
      {isAdmin ? (
        <button
          type="button"
          className={button.primary}
          disabled={save.isPending || draft === null}
          onClick={() =>
            save.mutate(toFilters(), {
              onSuccess: () => {
                setDraft(null);
                showToast("Inbound filters saved", "success");
              },
              onError: (e) => showToast(`Not saved: ${e.message}`),
            })
          }
        >
          Save filters
        </button>
      ) : (
        <p className="text-xs text-gray-500 dark:text-gray-400">Only workspace admins can change the filters.</p>
      )}
    </Card>
  );
}
