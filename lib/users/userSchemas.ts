import { z } from "zod";

/** Emails are stored lower-cased and trimmed; sign-in compares them the same way. */
export const EmailSchema = z
  .string()
  .trim()
  .max(320)
  .pipe(z.email("must be an email address"))
  .transform((s) => s.toLowerCase());

export const PASSWORD_MIN_LENGTH = 8;
export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`).max(1024);

/** A password being checked (sign-in, confirming a change): any non-empty string, bounded. */
export const CurrentPasswordSchema = z.string().min(1).max(1024);

export const PersonNameSchema = z.string().trim().min(1, "must not be empty").max(100);
