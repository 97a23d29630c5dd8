"use client";

import { AlertRulesSettings } from "@/components/settings/AlertRulesSettings";
import { ChannelsSettings } from "@/components/settings/ChannelsSettings";
import { DeliveryLog } from "@/components/settings/DeliveryLog";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";

/** /settings/alerts — the workspace's alert rules (each for every project or some), where alerts go, and what was delivered. */
export function AlertsSettingsPage() {
  return (
    <WorkspaceShell active="settings" title="Alerts" subtitle="When an alert fires, for which projects, and whom it reaches" settingsTabs>
      {({ workspace }) => {
        const isAdmin = workspace.role === "admin";
        return (
          <div key={workspace.id} className="space-y-6">
            <AlertRulesSettings workspaceId={workspace.id} isAdmin={isAdmin} projects={workspace.projects} />
            <ChannelsSettings workspaceId={workspace.id} isAdmin={isAdmin} projects={workspace.projects} />
            <DeliveryLog workspaceId={workspace.id} />
          </div>
        );
      }}
    </WorkspaceShell>
  );
}
