import type { Metadata } from "next";
import { UnsubscribeForm } from "@/components/notifications/UnsubscribeForm";

export const metadata: Metadata = { title: "Unsubscribe · Faultline", referrer: "no-referrer" };

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <UnsubscribeForm token={typeof token === "string" ? token : ""} />;
}
