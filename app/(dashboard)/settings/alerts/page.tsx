import { Suspense } from "react";
import type { Metadata } from "next";
import { AlertsSettingsPage } from "@/components/settings/AlertsSettingsPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/settings/alerts", await searchParams));
  return (
    <Suspense>
      <AlertsSettingsPage />
    </Suspense>
  );
}
