import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "@/lib/twoFactor/totp";

/**
 * The `otpauth://totp/…` URI an authenticator app adds an account from (Key Uri Format): the issuer
 * names the instance so two Faultline servers stay apart in the app's list, the label is the email.
 */
export function otpauthUri(input: { secret: string; email: string; issuer: string }): string {
  const label = `${encodeURIComponent(input.issuer)}:${encodeURIComponent(input.email)}`;
  const params = new URLSearchParams({
    secret: input.secret,
    issuer: input.issuer,
    algorithm: "SHA1",
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** "Faultline" plus the host of the instance's public URL, when it has one worth telling apart. */
export function otpauthIssuer(publicUrl: string | null): string {
  if (!publicUrl) return "Faultline";
  try {
    const host = new URL(publicUrl).hostname;
    return host && host !== "localhost" && host !== "127.0.0.1" ? `Faultline (${host})` : "Faultline";
  } catch {
    return "Faultline";
  }
}
