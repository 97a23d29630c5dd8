"use client";

import { formatDistanceToNow } from "date-fns";
import Link from "next/link";
import { useOrigin } from "@/components/settings/IngestInstructions";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { CommandBlock } from "@/components/ui/CommandBlock";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { formatBytes } from "@/lib/client/format";
import { useDeleteSourceMapMutation, useSourceMapsQuery } from "@/lib/client/hooks/useSourceMapsQuery";

/** A project's uploaded source maps, how to upload them from a build (sentry-cli, or one map with curl), and delete (members and admins). */
export function SourceMapsSettings({ projectId, org, projectSlug, canEdit }: { projectId: string; org: string; projectSlug: string; canEdit: boolean }) {
  const maps = useSourceMapsQuery(projectId);
  const deleteMap = useDeleteSourceMapMutation(projectId);
  const { showToast } = useToast();
  const origin = useOrigin();
  const sentryCli = `export SENTRY_URL=${origin} SENTRY_AUTH_TOKEN=$FAULTLINE_API_TOKEN \\
  SENTRY_ORG=${org} SENTRY_PROJECT=${projectSlug}
npx @sentry/cli sourcemaps inject dist && npx @sentry/cli sourcemaps upload --release "$RELEASE" dist`;
  const command = `curl -X POST "${origin}/api/v1/projects/${projectId}/sourcemaps?release=$RELEASE&url=~/static/js/main.js" \\
  -H "Authorization: Bearer $FAULTLINE_API_TOKEN" -H "content-type: application/json" \\
  --data-binary @dist/static/js/main.js.map`;

  async function remove(id: string, url: string) {
    try {
      await deleteMap.mutateAsync({ sourceMapId: id });
      showToast(`Source map for ${url} deleted`, "success");
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not delete the source map");
    }
  }

  const items = maps.data?.items ?? [];
  return (
    <Card title="Source maps" titleId="source-maps-title">
      <div className="space-y-3">
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Upload a build&apos;s source maps at deploy time with an API token from{" "}
          <Link href="/account" className="text-blue-700 underline dark:text-blue-400">
            your account
          </Link>
          : minified JavaScript frames then show the original file, line, function and source. <code className="font-mono text-xs">sentry-cli</code> (and Sentry&apos;s
          bundler plugins, pointed at this server) injects debug IDs that match events to their maps whatever their release; <code className="font-mono text-xs">--release</code> also
          files them under that release.
        </p>
        <CommandBlock command={sentryCli} testId="sentry-cli-upload-command" />
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Or one map per request: <code className="font-mono text-xs">url</code> is the bundle&apos;s URL, or <code className="font-mono text-xs">~/path</code> for that path on any host;
          events must carry the same <code className="font-mono text-xs">release</code>.
        </p>
        <CommandBlock command={command} testId="sourcemap-upload-command" />
        {maps.isLoading ? (
          <LoadingState label="Loading source maps…" className="py-4" />
        ) : maps.error && !maps.data ? (
          <ErrorState error={maps.error} onRetry={() => void maps.refetch()} className="py-4" />
        ) : items.length === 0 ? (
          <p className="text-sm text-gray-500 dark:text-gray-400">No source maps uploaded yet.</p>
        ) : (
          <ul className="divide-y divide-gray-100 dark:divide-gray-800" aria-label="Source maps">
            {items.map((m) => (
              <li key={m.id} data-testid="sourcemap-row" className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-mono text-xs text-gray-900 dark:text-gray-100" title={m.url}>
                    {m.url}
                  </p>
                  <p className="text-xs text-gray-500 dark:text-gray-400">
                    {m.release ?? "any release"}
                    {m.debugId && (
                      <>
                        {" · "}
                        <span title={`debug ID ${m.debugId}`}>debug ID {m.debugId.slice(0, 8)}</span>
                      </>
                    )}{" "}
                    · {formatBytes(m.size)} · {m.sourceCount} source{m.sourceCount === 1 ? "" : "s"} · uploaded {formatDistanceToNow(new Date(m.createdAt), { addSuffix: true })}
                  </p>
                </div>
                {canEdit && (
                  <button type="button" className={button.ghost} onClick={() => void remove(m.id, m.url)} aria-label={`Delete the source map for ${m.url} (${m.release ?? `debug ID ${m.debugId}`})`}>
                    Delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
