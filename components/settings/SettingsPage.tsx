"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { GroupingRulesSettings } from "@/components/grouping/GroupingRulesSettings";
import { DeleteProject } from "@/components/settings/DeleteProject";
import { NewProjectForm } from "@/components/settings/NewProjectForm";
import { NewProjectReveal } from "@/components/settings/NewProjectReveal";
import { ProjectSettings } from "@/components/settings/ProjectSettings";
import { SettingsSectionNav } from "@/components/settings/SettingsSectionNav";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { button, input } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";
import { EmptyState } from "@/components/ui/EmptyState";
import type { NewProject } from "@/lib/projects/addProject";
import { InboundFiltersSettings } from "@/components/settings/InboundFiltersSettings";
import { NativeSymbolsSettings } from "@/components/settings/NativeSymbolsSettings";
import { ProguardSettings } from "@/components/settings/ProguardSettings";
import { SourceMapsSettings } from "@/components/settings/SourceMapsSettings";

/** Project settings: pick a project of the workspace (kept in the URL), then its ingest setup and processing (alerting: /settings/alerts). */
export function SettingsPage() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // `?new=project` (the first-run screen's "Create a project") opens the form at once.
  const [creating, setCreating] = useState(() => params.get("new") === "project");
  const [created, setCreated] = useState<NewProject | null>(null);
  const go = (ws: string, projectId?: string) => router.replace(`${pathname}?${new URLSearchParams({ ws, ...(projectId && { project: projectId }) })}`);

  return (
    <WorkspaceShell
      active="settings"
      title="Project settings"
      subtitle="Where to send errors, ingest keys, and how events are processed"
      settingsTabs
      actions={(workspace) => {
        const project = workspace.projects.find((p) => p.id === params.get("project")) ?? workspace.projects[0];
        return (
          <div className="flex flex-wrap items-center gap-2">
            {workspace.projects.length > 1 && project && (
              <label className="flex items-center gap-2 text-sm text-gray-600 dark:text-gray-300">
                <span>Project</span>
                <select value={project.id} onChange={(e) => go(workspace.id, e.target.value)} className={input}>
                  {workspace.projects.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {workspace.role === "admin" && !creating && (
              <button type="button" className={button.secondary} onClick={() => setCreating(true)}>
                New project
              </button>
            )}
          </div>
        );
      }}
    >
      {({ workspace }) => {
        const project = workspace.projects.find((p) => p.id === params.get("project")) ?? workspace.projects[0];
        const isAdmin = workspace.role === "admin";
        return (
          <>
            {creating && isAdmin && (
              <Card title="New project" titleId="new-project-title">
                <NewProjectForm
                  workspaceId={workspace.id}
                  onCancel={() => setCreating(false)}
                  onCreated={(p) => {
                    setCreating(false);
                    setCreated(p);
                    go(workspace.id, p.id);
                  }}
                />
              </Card>
            )}
            {created && created.workspaceId === workspace.id && <NewProjectReveal project={created} onDone={() => setCreated(null)} />}
            {project && <SettingsSectionNav isAdmin={isAdmin} />}
            {!project ? (
              <EmptyState title="This workspace has no projects yet">{isAdmin ? (creating ? "Name it above." : "Create one with “New project”.") : "Ask a workspace admin to create one."}</EmptyState>
            ) : (
              <>
                <ProjectSettings key={project.id} projectId={project.id} isAdmin={isAdmin} />
                <InboundFiltersSettings key={`filters-${project.id}`} projectId={project.id} isAdmin={isAdmin} />
                <GroupingRulesSettings key={`rules-${project.id}`} projectId={project.id} isAdmin={isAdmin} canPreview={workspace.role !== "viewer"} />
                <SourceMapsSettings key={`maps-${project.id}`} projectId={project.id} org={workspace.slug} projectSlug={project.slug} canEdit={workspace.role !== "viewer"} />
                <ProguardSettings key={`proguard-${project.id}`} projectId={project.id} org={workspace.slug} projectSlug={project.slug} canEdit={workspace.role !== "viewer"} />
                <NativeSymbolsSettings key={`native-symbols-${project.id}`} projectId={project.id} org={workspace.slug} projectSlug={project.slug} canEdit={workspace.role !== "viewer"} />
              </>
            )}
            {/* Last on the page, where a destructive action is expected and not scrolled past. */}
            {project && isAdmin && (
              <Card title="Danger zone" titleId="danger-title">
                <DeleteProject key={project.id} project={{ id: project.id, name: project.name, workspaceId: workspace.id }} />
              </Card>
            )}
          </>
        );
      }}
    </WorkspaceShell>
  );
}
