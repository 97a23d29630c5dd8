import { pool } from "@/lib/db/pool";

export async function pingDatabase(): Promise<boolean> {
  try {
    await pool().query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
