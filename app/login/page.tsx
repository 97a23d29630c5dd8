import { Suspense } from "react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { LINK_COOKIE } from "@/lib/auth/oidc/pendingLink";
import { oidcSettings } from "@/lib/auth/oidc/oidcSettings";
import { readPendingLink } from "@/lib/auth/oidc/readPendingLink";
import type { SearchParams } from "@/lib/client/pathWithSearch";
import { resetEmailAvailable } from "@/lib/passwordResets/resetEmailAvailable";
import { isSetUp } from "@/lib/setup/isSetUp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · Faultline" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  if (!(await isSetUp())) redirect("/setup");
  // After single sign-on found an account by email only: the account it names, from the sealed cookie (never from the URL).
  const linking = (await searchParams).step === "link-sso";
  const link = linking ? readPendingLink((await cookies()).get(LINK_COOKIE)?.value) : null;
  return (
    <Suspense>
      <LoginForm sso={oidcSettings()?.name ?? null} linkEmail={link?.email ?? null} resetByEmail={resetEmailAvailable()} />
    </Suspense>
  );
}
