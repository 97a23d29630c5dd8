"use client";

import { AssignmentRulesCard } from "@/components/teams/AssignmentRulesCard";
import { TeamsCard } from "@/components/teams/TeamsCard";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";

/** Settings → Teams & assignment (seed 004: routing issues to the team that owns the component). */
export function TeamsSettingsPage() {
  return (
    <WorkspaceShell active="settings" title="Teams & assignment" subtitle="Who owns which issues, and the rules that route new ones" settingsTabs>
      {({ workspace }) => (
        <div key={workspace.id} className="space-y-6">
          <TeamsCard workspaceId={workspace.id} isAdmin={workspace.role === "admin"} />
          <AssignmentRulesCard workspaceId={workspace.id} isAdmin={workspace.role === "admin"} />
        </div>
      )}
    </WorkspaceShell>
  );
}
