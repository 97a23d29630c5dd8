import { Suspense } from "react";
import type { Metadata } from "next";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { ErrorTrackingDashboard } from "@/components/dashboard/ErrorTrackingDashboard";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard · Faultline" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Keep the query string through sign-in so a shared link still opens the same view.
  await currentUserOrRedirect(pathWithSearch("/", await searchParams));
  return (
    <Suspense>
      <ErrorTrackingDashboard view="dashboard" />
    </Suspense>
  );
}
