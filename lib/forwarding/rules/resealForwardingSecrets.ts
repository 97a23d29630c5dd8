import { db } from "@/lib/db/prisma";
import { forwardingSecretsNeedReseal, openForwardingSecrets, sealForwardingSecrets } from "@/lib/forwarding/rules/forwardingSecrets";
import { resealRows } from "@/lib/security/resealRows";

/** Seals forwarding-rule secrets still in plain and re-seals those under a previous key (lib/security/resealRows.ts). */
export function resealForwardingSecrets(): Promise<{ resealed: number; unreadable: number }> {
  return resealRows({
    what: "forwarding rule secrets",
    idField: "ruleId",
    rows: () => db().forwardingRule.findMany({ select: { id: true, secrets: true } }),
    // Called with the server's keyring (their optional last parameter).
    needsReseal: (stored) => forwardingSecretsNeedReseal(stored),
    open: (id, stored) => openForwardingSecrets(id, stored),
    seal: (id, plain) => sealForwardingSecrets(id, plain),
    replace: async (id, expected, sealed) =>
      (await db().forwardingRule.updateMany({ where: { id, secrets: { equals: expected as object } }, data: { secrets: sealed } })).count,
  });
}
