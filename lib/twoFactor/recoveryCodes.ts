import { randomInt } from "node:crypto";
import { sha256Hex } from "@/lib/auth/tokens";

/** How many recovery codes an account gets (each works once). */
export const RECOVERY_CODE_COUNT = 10;

// Lowercase letters and digits without the look-alikes (0/o, 1/l/i): codes are read off paper.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like `k7m2q-x9fbt` (10 characters from 31: about 49 bits each). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A code as typed (any case, spaces, with or without the dash) in the form it is hashed in, or null when it cannot be one. */
export function normaliseRecoveryCode(input: string): string | null {
  const chars = input.normalize("NFKC").toLowerCase().replace(/[\s\-‐-―−]/g, "");
  return /^[a-z0-9]{10}$/.test(chars) ? chars : null;
}

/** What is stored: SHA-256 of the normalised code (the codes are random, so no slow hash is needed). */
export function recoveryCodeHash(code: string): string {
  return sha256Hex(`recovery:${normaliseRecoveryCode(code) ?? code}`);
}
