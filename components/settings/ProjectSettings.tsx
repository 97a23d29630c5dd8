"use client";

import { useState } from "react";
import { Card } from "@/components/ui/Card";
import { ErrorState } from "@/components/ui/ErrorState";
import { LoadingState } from "@/components/ui/Spinner";
import { CodeMappingsForm } from "@/components/settings/CodeMappingsForm";
import { CreateKeyForm } from "@/components/settings/CreateKeyForm";
import { ProjectForm } from "@/components/settings/ProjectForm";
import { ForwardingDeliveryLog } from "@/components/settings/ForwardingDeliveryLog";
import { ForwardingSettings } from "@/components/settings/ForwardingSettings";
import { IngestKeyList } from "@/components/settings/IngestKeyList";
import { NewKeyReveal } from "@/components/settings/NewKeyReveal";
import { SendingErrors } from "@/components/settings/SendingErrors";
import { useKeyReveals } from "@/components/settings/useKeyReveals";
import type { CreatedIngestKey } from "@/lib/client/hooks/useIngestKeysQuery";
import { useProjectQuery } from "@/lib/client/hooks/useProjectQuery";

/** One project's ingest setup: where to send, and (for admins) its keys. */
export function ProjectSettings({ projectId, isAdmin }: { projectId: string; isAdmin: boolean }) {
  const project = useProjectQuery(projectId);
  const [created, setCreated] = useState<CreatedIngestKey | null>(null);
  const reveals = useKeyReveals(projectId);

  if (project.isLoading) return <LoadingState label="Loading project…" />;
  if (project.error || !project.data) return <ErrorState error={project.error ?? new Error("project not found")} onRetry={() => void project.refetch()} />;
  const { data } = project;

  return (
    <div className="space-y-6">
      <Card title="Sending errors" titleId="ingest-title">
        <SendingErrors projectId={projectId} projectName={data.name} projectPublicId={data.publicId} isAdmin={isAdmin} reveals={reveals} />
      </Card>
      <Card title="Ingest keys" titleId="keys-title">
        {isAdmin ? (
          <div className="space-y-4">
            {created ? (
              <NewKeyReveal created={created} projectPublicId={data.publicId} onDone={() => setCreated(null)} />
            ) : (
              <CreateKeyForm projectId={projectId} onCreated={setCreated} />
            )}
            <IngestKeyList projectId={projectId} reveals={reveals} />
          </div>
        ) : (
          <p className="text-sm text-gray-500 dark:text-gray-400">Only workspace admins can see and manage ingest keys.</p>
        )}
      </Card>
      {isAdmin && (
        <Card title="Project details" titleId="project-details-title">
          <ProjectForm key={data.id} project={data} />
        </Card>
      )}
      {isAdmin && (
        <Card title="Code mappings" titleId="code-mappings-title">
          <CodeMappingsForm key={data.id} project={data} />
        </Card>
      )}
      <div id="forwarding" className="space-y-6">
        <ForwardingSettings projectId={projectId} isAdmin={isAdmin} />
        <ForwardingDeliveryLog projectId={projectId} />
      </div>
    </div>
  );
}
