import { z } from "zod";

/** Headers every outbound request sets itself (framing and routing): no setting may override them. */
const FRAMING_HEADERS = new Set(["host", "content-length", "content-type", "transfer-encoding", "connection"]);

/**
 * Extra request headers a setting adds to Faultline's outbound requests (a webhook's token, an
 * uptime check's Authorization): up to 20, names of letters, digits and dashes, values of Latin-1
 * printable characters (what an HTTP header can carry) without line breaks. Framing headers and Faultline's own (`x-faultline-…`, signatures) are refused.
 */
export const ExtraHeadersSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, "header names are letters, digits and dashes")
      .refine((h) => !FRAMING_HEADERS.has(h.toLowerCase()) && !h.toLowerCase().startsWith("x-faultline-"), "this header is set by Faultline"),
    z
      .string()
      .max(2000)
      .refine((v) => !/[\r\n]/.test(v), "no line breaks")
      // Latin-1, or a masked value ("••••") sent back by a form to keep the stored one.
      .refine((v) => /^[\t\x20-\x7e\x80-\xff]*$/.test(v) || /^[^\u2022]*\u2022{4}/.test(v), "letters of Latin-1 only (HTTP header values cannot carry other characters)"),
  )
  .refine((h) => Object.keys(h).length <= 20, "at most 20 headers");
