"use client";

import { formatDistanceToNow } from "date-fns";
import { useOrigin } from "@/components/settings/IngestInstructions";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { CommandBlock } from "@/components/ui/CommandBlock";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { useToast } from "@/components/ui/Toast";
import { formatBytes } from "@/lib/client/format";
import { useDeleteProguardMappingMutation, useProguardMappingsQuery } from "@/lib/client/hooks/useProguardMappingsQuery";

/** A project's ProGuard / R8 mappings, how to upload them from an Android or JVM build, and delete (members and admins). */
export function ProguardSettings({ projectId, org, projectSlug, canEdit }: { projectId: string; org: string; projectSlug: string; canEdit: boolean }) {
  const mappings = useProguardMappingsQuery(projectId);
  const deleteMapping = useDeleteProguardMappingMutation(projectId);
  const { showToast } = useToast();
  const origin = useOrigin();
  const command = `export SENTRY_URL=${origin} SENTRY_AUTH_TOKEN=$FAULTLINE_API_TOKEN \\
  SENTRY_ORG=${org} SENTRY_PROJECT=${projectSlug}
npx @sentry/cli upload-proguard --write-properties app/src/main/assets/sentry-debug-meta.properties \\
  app/build/outputs/mapping/release/mapping.txt`;

  async function remove(uuid: string) {
    try {
      await deleteMapping.mutateAsync({ uuid });
      showToast(`Mapping ${uuid} deleted`, "success");
    } catch (e) {
      showToast(e instanceof Error ? e.message : "could not delete the mapping");
    }
  }

  const items = mappings.data?.items ?? [];
  return (
    <Card title="ProGuard / R8 mappings" titleId="proguard-title">
      <div className="space-y-3">
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Android and JVM builds shrunk with R8 or ProGuard report obfuscated classes and methods (<code className="font-mono text-xs">a.a.b(SourceFile:4)</code>). Upload the
          build&apos;s <code className="font-mono text-xs">mapping.txt</code>: events that name its UUID are retraced — original classes, methods, files and lines, inlined
          calls expanded — before they are grouped. Sentry&apos;s Android Gradle plugin does this when pointed at this server; by hand:
        </p>
        <CommandBlock command={command} testId="proguard-upload-command" />
        {mappings.isLoading ? (
          <LoadingState label="Loading mappings…" className="py-4" />
        ) : mappings.error && !mappings.data ? (
          <ErrorState error={mappings.error} onRetry={() => void mappings.refetch()} className="py-4" />
        ) : items.length === 0 ? (
          <p className="text-sm text-gray-500 dark:text-gray-400">No mappings uploaded yet.</p>
        ) : (
          <ul className="divide-y divide-gray-100 dark:divide-gray-800" aria-label="ProGuard mappings">
            {items.map((m) => (
              <li key={m.uuid} data-testid="proguard-row" className="flex flex-wrap items-center gap-2 py-2 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="truncate font-mono text-xs text-gray-900 dark:text-gray-100">{m.uuid}</p>
                  <p className="text-xs text-gray-500 dark:text-gray-400">
                    {m.classCount} class{m.classCount === 1 ? "" : "es"} · {formatBytes(m.size)} · uploaded {formatDistanceToNow(new Date(m.createdAt), { addSuffix: true })}
                  </p>
                </div>
                {canEdit && (
                  <button type="button" className={button.ghost} onClick={() => void remove(m.uuid)} aria-label={`Delete the mapping ${m.uuid}`}>
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
