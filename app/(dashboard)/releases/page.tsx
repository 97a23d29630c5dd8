import { Suspense } from "react";
import type { Metadata } from "next";
import { ReleasesPage } from "@/components/releases/ReleasesPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Releases · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/releases", await searchParams));
  return (
    <Suspense>
      <ReleasesPage />
    </Suspense>
  );
}
