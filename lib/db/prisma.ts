import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "@/lib/db/pool";

const globalForPrisma = globalThis as unknown as { faultlinePrisma?: PrismaClient };

/** The one Prisma client per process, over the shared pg pool. Only lib/ imports this. */
export function db(): PrismaClient {
  globalForPrisma.faultlinePrisma ??= new PrismaClient({ adapter: new PrismaPg(pool()) });
  return globalForPrisma.faultlinePrisma;
}
