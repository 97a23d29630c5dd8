"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { Card } from "@/components/ui/Card";
import { Spinner } from "@/components/ui/Spinner";
import { IngestInstructions } from "@/components/settings/IngestInstructions";
import { readFirstRunKey } from "@/lib/client/firstRunKey";
import type { Me } from "@/lib/workspaces/getMe";

const noSubscription = () => () => {};

/** Shown until a workspace receives its first error: how to send one, and that we are listening. */
export function FirstRunScreen({ workspace }: { workspace: Me["workspaces"][number] }) {
  const project = workspace.projects[0];
  const isAdmin = workspace.role === "admin";
  // Right after setup (or a new project) this tab still knows the key: show the real DSN and curl.
  const ingestKey = useSyncExternalStore(noSubscription, () => readFirstRunKey(project?.id), () => undefined);
  return (
    <Card title="Send your first error" titleId="first-run-title" className="mx-auto max-w-3xl">
      <div className="space-y-5">
        <p className="text-sm text-gray-600 dark:text-gray-300">
          <span className="font-medium text-gray-900 dark:text-gray-100">{workspace.name}</span> has not received any errors yet. Send one from your app
          (or from a terminal) and it shows up here within a few seconds.
        </p>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-gray-600 dark:text-gray-300">
          <li>
            {project && ingestKey ? (
              <>
                The key of <span className="font-medium">{project.name}</span> is filled in below (admins can copy it again in Settings → Project).
              </>
            ) : project ? (
              isAdmin ? (
                <>
                  <Link href={`/settings?ws=${workspace.id}&project=${project.id}`} className="font-medium text-blue-700 underline dark:text-blue-400">
                    Copy an ingest key
                  </Link>{" "}
                  of <span className="font-medium">{project.name}</span> (or create one) in its settings.
                </>
              ) : (
                <>Ask a workspace admin for an ingest key for {project.name}.</>
              )
            ) : isAdmin ? (
              <>
                <Link href={`/settings?ws=${workspace.id}&new=project`} className="font-medium text-blue-700 underline dark:text-blue-400">
                  Create a project
                </Link>{" "}
                — the app or service whose errors it keeps — and copy its key.
              </>
            ) : (
              <>Ask a workspace admin to create a project.</>
            )}
          </li>
          <li>Send an event with the key in the <code className="font-mono text-xs">x-faultline-key</code> header, or point a Sentry SDK at the DSN.</li>
        </ol>
        <IngestInstructions ingestKey={ingestKey} projectPublicId={project?.publicId} />
        {project && (
          <p role="status" className="flex items-center gap-2 text-sm text-gray-500 dark:text-gray-400">
            <Spinner className="h-4 w-4" /> Waiting for the first error…
          </p>
        )}
      </div>
    </Card>
  );
}
