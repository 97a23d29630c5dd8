import type { Metadata } from "next";
import { AcceptInvitation } from "@/components/auth/AcceptInvitation";
import { oidcSettings } from "@/lib/auth/oidc/oidcSettings";

export const metadata: Metadata = { title: "Invitation · Faultline", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <AcceptInvitation token={token} sso={oidcSettings()?.name ?? null} />;
}
