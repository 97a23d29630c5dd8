import { Suspense } from "react";
import type { Metadata } from "next";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { SettingsPage } from "@/components/settings/SettingsPage";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Project settings · Faultline" };

export default async function ProjectSettingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/settings", await searchParams));
  return (
    <Suspense>
      <SettingsPage />
    </Suspense>
  );
}
