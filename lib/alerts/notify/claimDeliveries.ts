import { leaseDueRows } from "@/lib/db/leaseDueRows";

/** Leases due notification deliveries to this instance (lib/db/leaseDueRows.ts), optionally of some workspaces only. */
export function claimDeliveries(input: { now: Date; ids?: string[]; workspaceIds?: string[]; limit: number; leaseSeconds: number }): Promise<string[]> {
  return leaseDueRows({ table: "Delivery", scope: "workspaceId" }, { ...input, scopeIds: input.workspaceIds });
}
