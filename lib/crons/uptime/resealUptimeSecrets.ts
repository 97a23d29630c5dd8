import { pool } from "@/lib/db/pool";
import { openUptimeHeaders, sealUptimeSecrets, uptimeSecretsNeedReseal } from "@/lib/crons/uptime/uptimeSecrets";
import { resealRows } from "@/lib/security/resealRows";

/** Re-seals uptime monitors' request headers sealed under a previous key (lib/security/resealRows.ts). */
export function resealUptimeSecrets(): Promise<{ resealed: number; unreadable: number }> {
  return resealRows({
    what: "uptime monitor headers",
    idField: "monitorId",
    rows: async () => (await pool().query<{ id: string; secrets: unknown }>(`SELECT id, "uptimeSecrets" AS secrets FROM "CronMonitor" WHERE "uptimeSecrets" IS NOT NULL`)).rows,
    needsReseal: (stored) => uptimeSecretsNeedReseal(stored),
    open: (id, stored) => ({ headers: openUptimeHeaders(id, stored) }),
    seal: (id, plain) => sealUptimeSecrets(id, plain.headers as Record<string, string>) ?? {},
    replace: async (id, expected, sealed) =>
      (await pool().query(`UPDATE "CronMonitor" SET "uptimeSecrets" = $3 WHERE id = $1 AND "uptimeSecrets" = $2::jsonb`, [id, JSON.stringify(expected), JSON.stringify(sealed)])).rowCount ?? 0,
  });
}
