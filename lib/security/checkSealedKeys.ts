import { boundedQuery } from "@/lib/db/boundedQuery";
import { env } from "@/lib/env";
import { isDatabaseUnavailable } from "@/lib/http/databaseUnavailable";
import { logger } from "@/lib/logger";
import { keyring } from "@/lib/security/keyring";
import { sealedKeyMismatchMessage, sealedKeyVerdict, type SealedByKey } from "@/lib/security/sealedKeyCheck";
import { errorMessage } from "@/lib/text/errorMessage";

/** Every value sealed under FAULTLINE_SECRET_KEY (the tables lib/security/resealAllSecrets.ts covers), counted per key id: a few small tables. */
const SEALED_BY_KEY_SQL = `
  SELECT split_part(v, ':', 2) AS "keyId", count(*)::int AS n FROM (
    SELECT secrets ->> 'sealed' AS v FROM "TwoFactor" WHERE secrets ? 'sealed'
    UNION ALL SELECT secrets ->> 'sealed' FROM "NotificationChannel" WHERE secrets ? 'sealed'
    UNION ALL SELECT secrets ->> 'sealed' FROM "ForwardingRule" WHERE secrets ? 'sealed'
    UNION ALL SELECT "uptimeSecrets" ->> 'sealed' FROM "CronMonitor" WHERE "uptimeSecrets" ? 'sealed'
    UNION ALL SELECT "keySealed" FROM "IngestKey" WHERE "keySealed" IS NOT NULL
  ) s WHERE v LIKE 'v1:%' GROUP BY 1`;

/**
 * At start-up: the sentence to stop with when the database's sealed values all name keys this
 * instance does not have (sealedKeyVerdict), else null. FAULTLINE_SECRET_KEY_LOST=1 accepts that
 * (the key is lost for good). While PostgreSQL is unavailable the check is skipped with a warning
 * (the instance spools meanwhile; the next start checks again).
 */
export async function checkSealedKeys(): Promise<string | null> {
  const ring = keyring();
  let sealed: SealedByKey[];
  try {
    sealed = (await boundedQuery<SealedByKey>(SEALED_BY_KEY_SQL, [])).rows;
  } catch (error) {
    // Not a reason to refuse to start: the instance spools while PostgreSQL is away (a database not
    // migrated yet has nothing sealed either).
    const why = isDatabaseUnavailable(error) ? "the database is unavailable" : "the query failed";
    logger.warn(`${why}: the sealed values were not checked against FAULTLINE_SECRET_KEY`, { error: errorMessage(error) });
    return null;
  }
  const verdict = sealedKeyVerdict(sealed, ring);
  if (verdict.ok) return null;
  if (env().FAULTLINE_SECRET_KEY_LOST) {
    logger.warn("starting with FAULTLINE_SECRET_KEY_LOST: no stored secret opens with the configured keys", { sealed: verdict.sealed, keyIds: verdict.keyIds });
    return null;
  }
  return sealedKeyMismatchMessage(verdict, ring);
}
