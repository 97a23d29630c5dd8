/**
 * `npm run secrets:rotate`: re-seals every stored secret (notification channels, forwarding rules, uptime monitors' headers, authenticator secrets,
 * ingest keys' copies)
 * under the current FAULTLINE_SECRET_KEY, sealing legacy plain rows on the way.
 * Rotation: set the new key as FAULTLINE_SECRET_KEY and the old one in FAULTLINE_SECRET_KEY_PREVIOUS
 * (on every instance), restart, run this once (start-up does the same in the background), then drop
 * FAULTLINE_SECRET_KEY_PREVIOUS. Exits 1 when some row opens with none of the keys. Finds the database
 * as the admin CLI does (scripts/cliDatabase.ts): DATABASE_URL, else the embedded one, started for the
 * run when `npm start` is not running it, with `.faultline/secret.key` unless FAULTLINE_SECRET_KEY is set.
 */
import { connectDatabase } from "./cliDatabase";
import { db } from "@/lib/db/prisma";
import { pool } from "@/lib/db/pool";
import { keyring } from "@/lib/security/keyring";
import { resealAllSecrets } from "@/lib/security/resealAllSecrets";
import { errorMessage } from "@/lib/text/errorMessage";

async function main() {
  // DATABASE_URL, else the embedded database with its .faultline/secret.key, as the admin CLI finds them.
  const embedded = await connectDatabase();
  let unreadable = 0;
  try {
    const ring = keyring();
    const { channels, forwardingRules, uptimeMonitors, twoFactor, ingestKeys, total } = await resealAllSecrets();
    unreadable = total.unreadable;
    process.stdout.write(
      `current key ${ring.current.id}; previous ${ring.previous.map((k) => k.id).join(", ") || "none"}; ` +
        `re-sealed ${total.resealed} (channels ${channels.resealed}, forwarding rules ${forwardingRules.resealed}, uptime monitors ${uptimeMonitors.resealed}, two-factor ${twoFactor.resealed}, ingest keys ${ingestKeys.resealed}); ` +
        `unreadable ${total.unreadable} (channels ${channels.unreadable}, forwarding rules ${forwardingRules.unreadable}, uptime monitors ${uptimeMonitors.unreadable}, two-factor ${twoFactor.unreadable}, ingest keys ${ingestKeys.unreadable})\n`,
    );
  } finally {
    await db().$disconnect().catch(() => undefined);
    await pool().end().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
  }
  process.exit(unreadable > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`secrets:rotate failed: ${errorMessage(error)}\n`);
  process.exit(1);
});
