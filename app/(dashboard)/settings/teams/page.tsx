import { Suspense } from "react";
import type { Metadata } from "next";
import { TeamsSettingsPage } from "@/components/teams/TeamsSettingsPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams & assignment · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/settings/teams", await searchParams));
  return (
    <Suspense>
      <TeamsSettingsPage />
    </Suspense>
  );
}
