"use client";

import { useState } from "react";
import { DeleteWorkspace } from "@/components/members/DeleteWorkspace";
import { EraseEndUser } from "@/components/members/EraseEndUser";
import { InviteDialog } from "@/components/members/InviteDialog";
import { MembersTable } from "@/components/members/MembersTable";
import { PendingInvitations } from "@/components/members/PendingInvitations";
import { RequireTwoFactorForm } from "@/components/members/RequireTwoFactorForm";
import { WorkspaceNameForm } from "@/components/members/WorkspaceNameForm";
import { WorkspaceShell } from "@/components/settings/WorkspaceShell";
import { button } from "@/components/ui/buttonStyles";
import { Card } from "@/components/ui/Card";

/** Settings → Workspace & members: name, two-factor requirement, members and roles, invitations; admins can erase an end user's data and delete it. */
export function WorkspaceSettingsPage() {
  const [inviting, setInviting] = useState(false);
  return (
    <WorkspaceShell active="settings" title="Workspace settings" subtitle="Name, two-factor requirement, members and their roles, invitations" settingsTabs>
      {({ me, workspace }) => {
        const isAdmin = workspace.role === "admin";
        return (
          <div key={workspace.id} className="space-y-6">
            <Card title="Workspace" titleId="workspace-title">
              <div className="space-y-4">
                <WorkspaceNameForm workspaceId={workspace.id} name={workspace.name} isAdmin={isAdmin} />
                <RequireTwoFactorForm workspaceId={workspace.id} required={workspace.requireTwoFactor} isAdmin={isAdmin} currentUserId={me.user.id} />
              </div>
            </Card>
            <Card
              title="Members"
              titleId="members-title"
              actions={
                isAdmin && (
                  <button type="button" className={button.primary} onClick={() => setInviting(true)}>
                    Invite
                  </button>
                )
              }
            >
              <MembersTable workspaceId={workspace.id} isAdmin={isAdmin} currentUserId={me.user.id} />
            </Card>
            {isAdmin && (
              <Card title="Pending invitations" titleId="invitations-title">
                <PendingInvitations workspaceId={workspace.id} />
              </Card>
            )}
            {isAdmin && <InviteDialog workspaceId={workspace.id} open={inviting} onClose={() => setInviting(false)} />}
            {isAdmin && (
              <Card title="Privacy: erase an end user" titleId="privacy-title">
                <EraseEndUser workspaceId={workspace.id} />
              </Card>
            )}
            {/* Last on the page, where a destructive action is expected and not scrolled past. */}
            {isAdmin && (
              <Card title="Danger zone" titleId="danger-title">
                <DeleteWorkspace workspace={{ id: workspace.id, name: workspace.name, projectCount: workspace.projects.length }} />
              </Card>
            )}
          </div>
        );
      }}
    </WorkspaceShell>
  );
}
