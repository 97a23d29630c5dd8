import { Suspense } from "react";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { ErrorTrackingDashboard } from "@/components/dashboard/ErrorTrackingDashboard";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // Keep the query string through sign-in so a shared link still opens the same view.
  await currentUserOrRedirect(pathWithSearch("/", await searchParams));
  return (
    <Suspense>
      <ErrorTrackingDashboard />
    </Suspense>
  );
}
