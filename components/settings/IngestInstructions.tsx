"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/CopyButton";
import { projectDsn } from "@/lib/projects/dsn";

interface IngestInstructionsProps {
  /** The raw key when it is known (just created, or revealed by an admin); a placeholder otherwise. */
  ingestKey?: string;
  projectPublicId?: number;
}

const noSubscription = () => () => {};

/** This server's origin as the browser reaches it (empty during server rendering). */
export function useOrigin(): string {
  return useSyncExternalStore(noSubscription, () => window.location.origin, () => "");
}

export function curlExample(origin: string, key: string): string {
  return [
    `curl -X POST ${origin}/api/v1/events \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H 'x-faultline-key: ${key}' \\`,
    `  -d '{"type":"TypeError","message":"Something broke","severity":"high"}'`,
  ].join("\n");
}

/** The DSN as the server builds it at creation and on reveal (lib/projects/dsn.ts), for the browser's origin. */
export function dsnFor(origin: string, key: string, publicId: number): string {
  return projectDsn(origin, key, publicId);
}

/** Where Unreal Engine's Crash Report Client sends (its DataRouterUrl): the key is in the path. */
export function unrealEndpointFor(origin: string, key: string, publicId: number): string {
  return `${origin}/api/${publicId}/unreal/${key}/`;
}

/** The ingest URL, a copyable curl example and (for Sentry SDKs) the DSN and Unreal's crash report URL. */
export function IngestInstructions({ ingestKey, projectPublicId }: IngestInstructionsProps) {
  const origin = useOrigin();
  const key = ingestKey ?? "<your-ingest-key>";
  const ingestUrl = `${origin}/api/v1/events`;
  const curl = curlExample(origin, key);
  return (
    <div className="space-y-4 text-sm">
      <CopyableValue label="Ingest URL" value={ingestUrl} testId="ingest-url" copyable />
      <div>
        <div className="flex items-center justify-between gap-2">
          <p className="font-medium text-gray-900 dark:text-gray-100">Send a test error with curl</p>
          <CopyButton text={curl} label="Copy curl" />
        </div>
        <pre tabIndex={0} data-testid="curl-example" className="mt-1 overflow-x-auto focus-visible:outline-2 focus-visible:outline-blue-500 rounded-lg bg-gray-900 p-3 dark:bg-black dark:ring-1 dark:ring-gray-800 font-mono text-xs leading-relaxed text-gray-100">
          {curl}
        </pre>
      </div>
      {projectPublicId !== undefined && origin && (
        <>
          <CopyableValue label="Sentry SDK DSN" value={dsnFor(origin, key, projectPublicId)} testId="dsn" copyable={ingestKey !== undefined} />
          <CopyableValue
            label="Unreal Engine crash reporter"
            hint={
              <>
                <code>DataRouterUrl</code> under <code>[CrashReportClient]</code> in the game&apos;s DefaultEngine.ini
              </>
            }
            value={unrealEndpointFor(origin, key, projectPublicId)}
            testId="unreal-endpoint"
            copyable={ingestKey !== undefined}
          />
        </>
      )}
    </div>
  );
}

/** One value to paste somewhere (a URL, a DSN, a key) with its label, and a copy button when the real key is in it. */
export function CopyableValue({ label, hint, value, testId, copyable }: { label: string; hint?: ReactNode; value: string; testId: string; copyable: boolean }) {
  return (
    <div>
      <p className="font-medium text-gray-900 dark:text-gray-100">{label}</p>
      {hint && <p className="text-xs text-gray-500 dark:text-gray-400">{hint}</p>}
      <div className="mt-1 flex items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 truncate rounded bg-gray-100 px-2 py-1.5 font-mono text-xs text-gray-800 dark:bg-gray-800 dark:text-gray-200">
          {value}
        </code>
        {copyable && <CopyButton text={value} />}
      </div>
    </div>
  );
}
