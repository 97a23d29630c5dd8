"use client";

import { useState } from "react";
import { CreateWorkspaceDialog } from "@/components/dashboard/CreateWorkspaceDialog";
import { button } from "@/components/ui/buttonStyles";
import { EmptyState } from "@/components/ui/EmptyState";

/**
 * A signed-in user in no workspace (never invited, or left their only one): there is no workspace
 * switcher to create one from, so the page offers it — anyone signed in may — and opens the new one.
 */
export function NoWorkspaceState({ onCreated }: { onCreated: (workspaceId: string) => void }) {
  const [creating, setCreating] = useState(false);
  return (
    <EmptyState title="You are not a member of any workspace yet">
      <p>Ask an admin to invite you, or create a workspace of your own.</p>
      <button type="button" className={`${button.primary} mt-4`} onClick={() => setCreating(true)}>
        Create a workspace
      </button>
      <CreateWorkspaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          onCreated(id);
        }}
      />
    </EmptyState>
  );
}
