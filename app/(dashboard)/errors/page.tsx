import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ErrorTrackingDashboard } from "@/components/dashboard/ErrorTrackingDashboard";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Issues · Faultline" };

/** `/errors`, the parent of every issue page's address: the Issues page, the issue list alone (filters in the URL as on the dashboard). */
export default async function IssuesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = await searchParams;
  // A link made when this address led to the dashboard, with an issue open in its panel: that issue's page.
  if (typeof search.error === "string" && search.error) redirect(`/errors/${encodeURIComponent(search.error)}`);
  await currentUserOrRedirect(pathWithSearch("/errors", search));
  return (
    <Suspense>
      <ErrorTrackingDashboard view="issues" />
    </Suspense>
  );
}
