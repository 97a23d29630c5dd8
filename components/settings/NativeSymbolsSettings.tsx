"use client";

import { formatDistanceToNow } from "date-fns";
import { ArtifactList, useArtifactRemover } from "@/components/settings/ArtifactList";
import { useOrigin } from "@/components/settings/IngestInstructions";
import { Card } from "@/components/ui/Card";
import { CommandBlock } from "@/components/ui/CommandBlock";
import { formatBytes } from "@/lib/client/format";
import { useDeleteNativeSymbolsMutation, useNativeSymbolsQuery } from "@/lib/client/hooks/useNativeSymbolsQuery";

/**
 * What a native build (C, C++, Rust, Unreal, Crashpad / Breakpad) uploads so its crashes name their
 * functions: Breakpad symbol files, how to make and upload them, and delete (members and admins).
 */
export function NativeSymbolsSettings({ projectId, org, projectSlug, canEdit }: { projectId: string; org: string; projectSlug: string; canEdit: boolean }) {
  const symbols = useNativeSymbolsQuery(projectId);
  const deleteSymbols = useDeleteNativeSymbolsMutation(projectId);
  const remove = useArtifactRemover();
  const origin = useOrigin();
  const command = `dump_syms build/harbor > harbor.sym      # ELF, Mach-O / dSYM or PDB
export SENTRY_URL=${origin} SENTRY_AUTH_TOKEN=$FAULTLINE_API_TOKEN \\
  SENTRY_ORG=${org} SENTRY_PROJECT=${projectSlug}
npx @sentry/cli debug-files upload harbor.sym`;

  return (
    <Card title="Native symbols" titleId="native-symbols-title">
      <div className="space-y-3">
        <p className="text-sm text-gray-600 dark:text-gray-300">
          Native crashes from sentry-native, Crashpad, Breakpad or sentry-cocoa name their frames by address only. Upload each release binary&apos;s Breakpad symbols: frames
          in it get their function, file and line — inlined calls expanded — before the event is grouped, so a crash stays one issue across runs and rebuilds.
        </p>
        <CommandBlock command={command} testId="native-symbols-command" />
        <ArtifactList
          label="Native symbol files"
          noun="symbol files"
          query={symbols}
          rows={(symbols.data?.items ?? []).map((s) => ({
            id: s.debugId,
            detail: `${s.name} · ${s.os} ${s.arch} · ${s.functionCount} function${s.functionCount === 1 ? "" : "s"} · ${formatBytes(s.size)} · uploaded ${formatDistanceToNow(new Date(s.createdAt), { addSuffix: true })}`,
            onDelete: canEdit ? () => void remove(`Symbols ${s.debugId}`, () => deleteSymbols.mutateAsync({ debugId: s.debugId })) : undefined,
          }))}
          testId="native-symbols-row"
        />
      </div>
    </Card>
  );
}
