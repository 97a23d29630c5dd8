import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { PasswordHashCostSchema } from "@/lib/env";

// scrypt is memory-hard: N=2^17, r=8 needs 128 MiB per hash, which makes GPU and ASIC guessing
// expensive. Hashes made with weaker parameters are upgraded at the next successful sign-in.

/** scrypt's N for new hashes: 2^PASSWORD_HASH_COST (2^17 unless configured; read here so no DATABASE_URL is needed). */
export function scryptN(): number {
  return 1 << PasswordHashCostSchema.parse(process.env.PASSWORD_HASH_COST);
}
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
// 128 * N * r bytes plus a little headroom; allows verifying hashes made with up to N=2^18.
const MAX_MEM = 300 * 1024 * 1024;

interface HashParams {
  n: number;
  r: number;
  p: number;
}

function derive(password: string, salt: Buffer, params: HashParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { N: params.n, r: params.r, p: params.p, maxmem: MAX_MEM }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Returns a self-describing hash: scrypt$N$r$p$salt$key (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const n = scryptN();
  const key = await derive(password, salt, { n, r: R, p: P });
  return ["scrypt", n, R, P, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function parseHash(stored: string): (HashParams & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  const params = { n: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== "scrypt" || !salt || !key) return null;
  if (![params.n, params.r, params.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  if (128 * params.n * params.r > MAX_MEM) return null;
  return { ...params, salt: Buffer.from(salt, "base64url"), key: Buffer.from(key, "base64url") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed);
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** True when the hash was made with weaker parameters than today's (rehash it at sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.n < scryptN() || parsed.r < R;
}

let dummyHash: Promise<string> | undefined;

/**
 * A hash of a random secret with today's parameters: verified against when the email is unknown,
 * so a sign-in costs the same time whether the account exists or not.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return dummyHash;
}
