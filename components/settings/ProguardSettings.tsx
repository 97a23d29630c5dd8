"use client";

import { formatDistanceToNow } from "date-fns";
import { ArtifactList, useArtifactRemover } from "@/components/settings/ArtifactList";
import { useOrigin } from "@/components/settings/IngestInstructions";
import { Card } from "@/components/ui/Card";
import { CommandBlock } from "@/components/ui/CommandBlock";
import { formatBytes } from "@/lib/client/format";
import { useDeleteProguardMappingMutation, useDeleteSourceBundleMutation, useProguardMappingsQuery, useSourceBundlesQuery } from "@/lib/client/hooks/useJvmDebugFilesQuery";

/**
 * What an Android or JVM build uploads so its crashes read as written: ProGuard / R8 mappings
 * (retracing) and source bundles (source lines), how to upload them, and delete (members and admins).
 */
export function ProguardSettings({ projectId, org, projectSlug, canEdit }: { projectId: string; org: string; projectSlug: string; canEdit: boolean }) {
  const mappings = useProguardMappingsQuery(projectId);
  const bundles = useSourceBundlesQuery(projectId);
  const deleteMapping = useDeleteProguardMappingMutation(projectId);
  const deleteBundle = useDeleteSourceBundleMutation(projectId);
  const remove = useArtifactRemover();
  const origin = useOrigin();
  const command = `export SENTRY_URL=${origin} SENTRY_AUTH_TOKEN=$FAULTLINE_API_TOKEN \\
  SENTRY_ORG=${org} SENTRY_PROJECT=${projectSlug}
npx @sentry/cli upload-proguard --write-properties app/src/main/assets/sentry-debug-meta.properties \\
  app/build/outputs/mapping/release/mapping.txt
npx @sentry/cli debug-files bundle-jvm --output build/sources --debug-id "$BUNDLE_ID" app/src/main/java
npx @sentry/cli debug-files upload --type jvm build/sources`;

  return (
    <Card title="ProGuard / R8 mappings and JVM sources" titleId="proguard-title">
      <div className="space-y-3">
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Android and JVM builds shrunk with R8 or ProGuard report obfuscated classes and methods (<code className="font-mono text-xs">a.a.b(SourceFile:4)</code>). Upload the
          build&apos;s <code className="font-mono text-xs">mapping.txt</code>: events that name its UUID are retraced — original classes, methods, files and lines, inlined
          calls expanded — before they are grouped. A source bundle adds each frame&apos;s source lines. Sentry&apos;s Android Gradle plugin uploads both when pointed at
          this server (<code className="font-mono text-xs">includeSourceContext</code> for the sources); by hand:
        </p>
        <CommandBlock command={command} testId="proguard-upload-command" />
        <ArtifactList
          label="ProGuard mappings"
          noun="mappings"
          query={mappings}
          rows={(mappings.data?.items ?? []).map((m) => ({
            id: m.uuid,
            detail: `mapping · ${m.classCount} class${m.classCount === 1 ? "" : "es"} · ${formatBytes(m.size)} · uploaded ${formatDistanceToNow(new Date(m.createdAt), { addSuffix: true })}`,
            onDelete: canEdit ? () => void remove(`Mapping ${m.uuid}`, () => deleteMapping.mutateAsync({ uuid: m.uuid })) : undefined,
          }))}
          testId="proguard-row"
        />
        <ArtifactList
          label="JVM source bundles"
          noun="source bundles"
          query={bundles}
          rows={(bundles.data?.items ?? []).map((b) => ({
            id: b.debugId,
            detail: `source bundle · ${b.fileCount} file${b.fileCount === 1 ? "" : "s"} · ${formatBytes(b.size)} · uploaded ${formatDistanceToNow(new Date(b.createdAt), { addSuffix: true })}`,
            onDelete: canEdit ? () => void remove(`Source bundle ${b.debugId}`, () => deleteBundle.mutateAsync({ debugId: b.debugId })) : undefined,
          }))}
          testId="source-bundle-row"
        />
      </div>
    </Card>
  );
}
