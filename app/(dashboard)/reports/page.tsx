import { Suspense } from "react";
import type { Metadata } from "next";
import { ReportPage } from "@/components/reports/ReportPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Report · Faultline" };

export default async function ReportsRoute({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/reports", await searchParams));
  return (
    <Suspense>
      <ReportPage />
    </Suspense>
  );
}
