import { Suspense } from "react";
import type { Metadata } from "next";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { IngestStatusPage } from "@/components/status/IngestStatusPage";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status · Faultline" };

export default async function StatusPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/settings/status", await searchParams));
  return (
    <Suspense>
      <IngestStatusPage />
    </Suspense>
  );
}
