import { z } from "zod";

/** Whether a text is an absolute http:// or https:// URL (never javascript:, data: or a relative path). */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value) && URL.canParse(value);
}

/** An http:// or https:// URL a setting names (a webhook, a forwarding target, an uptime check), up to 2,000 characters. */
export const HttpUrlSchema = z.string().trim().max(2000).refine(isHttpUrl, "must be an http:// or https:// URL");

/**
 * An address every member sees as a link (a tracker's issue, a repository): an http(s) URL without a
 * user name or password, so that a token pasted along with it is refused rather than shown to all.
 */
export const LinkUrlSchema = HttpUrlSchema.refine((v) => {
  if (!URL.canParse(v)) return true; // HttpUrlSchema has refused it already
  const url = new URL(v);
  return url.username === "" && url.password === "";
}, "must not contain a user name or password: they would be shown to every member");
