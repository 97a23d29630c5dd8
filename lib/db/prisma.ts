import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/db/pool";

const globalForPrisma = globalThis as unknown as { faultlinePrisma?: PrismaClient };

/**
 * The one Prisma client per process, over the shared pg pool. Only lib/ imports this. Interactive
 * transactions get more room than Prisma's defaults (2 s to start, 5 s to finish): some wait on a
 * lock by design (setup, last-admin checks), and a busy server must not turn that wait into a 500.
 */
export function db(): PrismaClient {
  globalForPrisma.faultlinePrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()), transactionOptions: { maxWait: 15_000, timeout: 60_000 } });
  return globalForPrisma.faultlinePrisma;
}
