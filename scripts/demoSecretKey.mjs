// The embedded database's FAULTLINE_SECRET_KEY: generated once into .faultline/secret.key (mode 600,
// git-ignored) beside the database files it protects. `npm start` passes it to the app; the admin CLI
// (scripts/faultline.ts) reads the same file when it works on the embedded database, so what either
// seals (ingest keys' copies) the other opens.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { StartupError } from "./startupChecks.mjs";

export const SECRET_KEY_FILE = path.join(".faultline", "secret.key");

/** The key, generating the file first when there is none (`onGenerated` is told so). */
export function demoSecretKey(root, onGenerated = () => {}) {
  const file = path.join(root, SECRET_KEY_FILE);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
      onGenerated(file);
    } catch (error) {
      // Another process (a CLI command beside `npm start`) wrote it first: use theirs.
      if (error.code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * The embedded database's key, as demoSecretKey, except that a missing key file is generated only
 * while the database holds nothing sealed: a database restored without its key (a cold copy of
 * pgdata alone, a fresh checkout) would otherwise start with a new key that opens none of its
 * authenticator, channel, forwarding-rule and uptime secrets nor its ingest keys' copies — silently.
 * `sealedRows` counts them (countSealedRows, on the migrated database); throws a StartupError saying
 * what to do instead.
 */
export async function embeddedSecretKey(root, { sealedRows, onGenerated = () => {} }) {
  const file = path.join(root, SECRET_KEY_FILE);
  const keyFileExists = fs.existsSync(file);
  const counts = keyFileExists ? null : await sealedRows();
  if (secretKeyPlan({ keyFileExists, sealed: counts?.total ?? 0 }) === "refuse") throw new StartupError(missingKeyMessage(file, counts));
  return demoSecretKey(root, onGenerated);
}

/** With no key given: read the key file when there is one; else generate one only if nothing is sealed yet. */
export function secretKeyPlan({ keyFileExists, sealed }) {
  if (keyFileExists) return "read";
  return sealed > 0 ? "refuse" : "generate";
}

export function missingKeyMessage(file, counts) {
  const what = [
    [counts.twoFactor, "authenticator secret", "authenticator secrets"],
    [counts.channels, "notification channel", "notification channels"],
    [counts.forwardingRules, "forwarding rule", "forwarding rules"],
    [counts.uptimeMonitors, "uptime monitor", "uptime monitors"],
    [counts.ingestKeys, "ingest key copy", "ingest key copies"],
  ]
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`)
    .join(", ");
  return (
    `The database holds values sealed with its FAULTLINE_SECRET_KEY (${what}), but ${file} is missing and FAULTLINE_SECRET_KEY is not set: ` +
    `a new key would open none of them, so none is made. Put back the secret.key backed up with the database (docs/operations.md → Backup and restore), ` +
    `or set FAULTLINE_SECRET_KEY to that key. If it is lost for good, write a new one yourself (openssl rand -hex 32 > ${file}) and start again with FAULTLINE_SECRET_KEY_LOST=1: ` +
    `people with two-factor sign-in then need npm run faultline -- user:reset-two-factor, channel, forwarding-rule and uptime-monitor secrets must be entered again, ` +
    `and ingest keys keep working but can no longer be shown again.`
  );
}

/** Rows holding values sealed with FAULTLINE_SECRET_KEY (lib/security/resealAllSecrets.ts), per table; all 0 before the migrations. */
export async function countSealedRows(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM "TwoFactor" WHERE secrets ? 'sealed')::int AS "twoFactor",
      (SELECT count(*) FROM "NotificationChannel" WHERE secrets ? 'sealed')::int AS channels,
      (SELECT count(*) FROM "ForwardingRule" WHERE secrets ? 'sealed')::int AS "forwardingRules",
      (SELECT count(*) FROM "CronMonitor" WHERE "uptimeSecrets" ? 'sealed')::int AS "uptimeMonitors",
      (SELECT count(*) FROM "IngestKey" WHERE "keySealed" IS NOT NULL)::int AS "ingestKeys"`);
    const counts = rows[0];
    return { ...counts, total: counts.twoFactor + counts.channels + counts.forwardingRules + counts.uptimeMonitors + counts.ingestKeys };
  } catch (error) {
    // 42P01 undefined_table: a database the migrations have not reached yet holds nothing sealed.
    if (error.code === "42P01") return { twoFactor: 0, channels: 0, forwardingRules: 0, uptimeMonitors: 0, ingestKeys: 0, total: 0 };
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
