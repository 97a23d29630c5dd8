/**
 * `npm run secrets:rotate`: re-seals every channel secret under the current FAULTLINE_SECRET_KEY.
 * Rotation: set the new key as FAULTLINE_SECRET_KEY and the old one in FAULTLINE_SECRET_KEY_PREVIOUS
 * (on every instance), restart, run this once (start-up does the same in the background), then drop
 * FAULTLINE_SECRET_KEY_PREVIOUS. Exits 1 when some row opens with none of the keys.
 */
import { resealChannelSecrets } from "@/lib/alerts/channels/resealChannelSecrets";
import { pool } from "@/lib/db/pool";
import { keyring } from "@/lib/security/keyring";

async function main() {
  const ring = keyring();
  const { resealed, unreadable } = await resealChannelSecrets();
  process.stdout.write(
    `current key ${ring.current.id}; previous ${ring.previous.map((k) => k.id).join(", ") || "none"}; re-sealed ${resealed}; unreadable ${unreadable}\n`,
  );
  await pool().end();
  process.exit(unreadable > 0 ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`secrets:rotate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
