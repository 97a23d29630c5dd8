import { z } from "zod";

/** An http:// or https:// URL a setting names (a webhook, a forwarding target, an uptime check), up to 2,000 characters. */
export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), "must be an http:// or https:// URL");
