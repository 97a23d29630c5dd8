import { leaseDueRows } from "@/lib/db/leaseDueRows";

/** Leases due forwarded copies to this instance (lib/db/leaseDueRows.ts), optionally of some projects only. */
export function claimForwardingDeliveries(input: { now: Date; ids?: string[]; projectIds?: string[]; limit: number; leaseSeconds: number }): Promise<string[]> {
  return leaseDueRows({ table: "ForwardingDelivery", scope: "projectId" }, { ...input, scopeIds: input.projectIds });
}
