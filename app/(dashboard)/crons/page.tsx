import { Suspense } from "react";
import type { Metadata } from "next";
import { CronsPage } from "@/components/crons/CronsPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Crons · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/crons", await searchParams));
  return (
    <Suspense>
      <CronsPage />
    </Suspense>
  );
}
