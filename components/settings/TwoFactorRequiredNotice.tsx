import Link from "next/link";
import { button } from "@/components/ui/buttonStyles";

/** In place of a workspace that requires two-factor sign-in, for a member who has not turned it on. */
export function TwoFactorRequiredNotice({ workspaceName }: { workspaceName: string }) {
  return (
    <div role="region" aria-label="Two-factor sign-in required" className="mx-auto max-w-lg space-y-3 rounded-lg bg-amber-50 p-6 text-center ring-1 ring-amber-200 dark:bg-amber-950/30 dark:ring-amber-900">
      <p className="text-base font-semibold text-gray-900 dark:text-gray-100">{workspaceName} requires two-factor sign-in</p>
      <p className="text-sm text-gray-700 dark:text-gray-300">Its admins ask every member to sign in with a code from an authenticator app as well as the password. Turn it on for your account to open the workspace.</p>
      <Link href="/account" className={button.primary}>
        Set up two-factor sign-in
      </Link>
    </div>
  );
}
