import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/setup/SetupForm";
import { isSetUp } from "@/lib/setup/isSetUp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up · Faultline" };

/** The first-run page: only while no user exists; afterwards it leads to the login. */
export default async function SetupPage() {
  if (await isSetUp()) redirect("/login");
  return <SetupForm />;
}
