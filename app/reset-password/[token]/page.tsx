import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { resetEmailAvailable } from "@/lib/passwordResets/resetEmailAvailable";

export const metadata: Metadata = { title: "Reset password · Faultline", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <ResetPasswordForm token={token} resetByEmail={resetEmailAvailable()} />;
}
