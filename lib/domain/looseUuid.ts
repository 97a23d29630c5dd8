import { z } from "zod";

/**
 * A UUID in the forms build tools and SDKs write it (hyphenated or 32 hex digits, either case),
 * normalised to PostgreSQL's text form: lowercase and hyphenated.
 */
export const LooseUuidSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/, "must be a UUID")
  .transform((u) => u.replaceAll("-", "").toLowerCase().replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-"));
