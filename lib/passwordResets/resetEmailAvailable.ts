import { env } from "@/lib/env";

/**
 * Whether "Forgot password?" can email a link (the sign-in page offers the form only then): SMTP_URL
 * and PUBLIC_URL are set. The link's origin is PUBLIC_URL, never the request's Host: anyone may ask
 * for someone else's email, and a forged Host (or X-Forwarded-Host) would otherwise send the owner a
 * link to the asker's server, handing it the token when clicked (reset poisoning).
 */
export function resetEmailAvailable(): boolean {
  const { SMTP_URL, PUBLIC_URL } = env();
  return Boolean(SMTP_URL && PUBLIC_URL);
}
