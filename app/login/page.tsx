import { Suspense } from "react";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { oidcSettings } from "@/lib/auth/oidc/oidcSettings";
import { isSetUp } from "@/lib/setup/isSetUp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in · Faultline" };

export default async function LoginPage() {
  if (!(await isSetUp())) redirect("/setup");
  return (
    <Suspense>
      <LoginForm sso={oidcSettings()?.name ?? null} />
    </Suspense>
  );
}
