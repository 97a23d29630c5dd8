import { Suspense } from "react";
import type { Metadata } from "next";
import { WorkspaceSettingsPage } from "@/components/members/WorkspaceSettingsPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace settings · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/settings/workspace", await searchParams));
  return (
    <Suspense>
      <WorkspaceSettingsPage />
    </Suspense>
  );
}
