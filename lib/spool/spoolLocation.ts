import path from "node:path";
import { envText } from "@/scripts/envValues.mjs";

export interface SpoolLocation {
  /** Where this process spools. */
  dir: string;
  /**
   * The folder earlier versions spooled in by default, when this one's default moved away from it:
   * read once at start-up for what it still holds of this database (lib/intake/spoolReplayer.ts).
   */
  earlierDir: string | null;
}

/**
 * Where the spool is: FAULTLINE_SPOOL_DIR; by default, with the embedded database (`npm start`
 * without DATABASE_URL marks it with FAULTLINE_EMBEDDED_DATABASE=1), a folder next to its data
 * directory — `<FAULTLINE_DATA_DIR>-spool`, `.faultline/pgdata-spool` by default — so that instances
 * started from one checkout on different data directories have a spool each; otherwise
 * `.faultline/spool` in the working directory. Until 2026-12-08 the default was `.faultline/spool`
 * whatever the database: with the embedded database that folder is `earlierDir`.
 */
export function spoolLocation(env: Record<string, string | undefined>, cwd: string): SpoolLocation {
  // Runtime locations, not build inputs: the ignore comments keep the bundler from tracing the
  // whole project into the standalone output because of these paths.
  const cwdDefault = path.resolve(/*turbopackIgnore: true*/ cwd, ".faultline", "spool");
  const configured = envText(env, "FAULTLINE_SPOOL_DIR");
  if (configured) return { dir: path.resolve(/*turbopackIgnore: true*/ cwd, configured), earlierDir: null };
  const dataDir = envText(env, "FAULTLINE_DATA_DIR");
  if (env.FAULTLINE_EMBEDDED_DATABASE === "1" && dataDir) {
    const dir = `${path.resolve(/*turbopackIgnore: true*/ cwd, dataDir)}-spool`;
    return { dir, earlierDir: dir === cwdDefault ? null : cwdDefault };
  }
  return { dir: cwdDefault, earlierDir: null };
}
