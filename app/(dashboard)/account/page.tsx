import { Suspense } from "react";
import type { Metadata } from "next";
import { AccountPage } from "@/components/account/AccountPage";
import { currentUserOrRedirect } from "@/lib/auth/currentUser";
import { pathWithSearch, type SearchParams } from "@/lib/client/pathWithSearch";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account · Faultline" };

export default async function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await currentUserOrRedirect(pathWithSearch("/account", await searchParams));
  return (
    <Suspense>
      <AccountPage />
    </Suspense>
  );
}
