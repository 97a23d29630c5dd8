/**
 * `npm run faultline -- <command> [--flags] [--json]`: the admin CLI for operators without a browser.
 * Uses DATABASE_URL, else the embedded PostgreSQL in .faultline/pgdata (FAULTLINE_DATA_DIR): when that
 * is not running (no `npm start`), it is started (and initialised and migrated on first use) for the
 * command and stopped afterwards. Failures are one sentence on stderr with an exit code (see usage).
 */
import { connectDatabase } from "./cliDatabase";
import { instanceUrl } from "./envValues.mjs";
import { CLI_COMMANDS } from "@/lib/cli/commands/commandList";
import { CliError, EXIT } from "@/lib/cli/CliError";
import { parseCommandLine, usage } from "@/lib/cli/parseCommandLine";
import { ApiError } from "@/lib/http/ApiError";

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), CLI_COMMANDS);
  if (parsed.help || !parsed.command) {
    // As it was started: `npm run faultline -- …` in a checkout, the `faultline` command in the image.
    const program = process.env.npm_lifecycle_event === "faultline" ? "npm run faultline --" : "faultline";
    process.stdout.write(usage(CLI_COMMANDS, parsed.command, program) + "\n");
    return EXIT.ok;
  }
  const embedded = await connectDatabase();
  try {
    const result = await parsed.command.run(parsed.flags, { publicUrl: instanceUrl(process.env) });
    process.stdout.write((parsed.json ? JSON.stringify(result.data, null, 2) : result.lines.join("\n")) + "\n");
    return EXIT.ok;
  } finally {
    const { db } = await import("@/lib/db/prisma");
    await db().$disconnect().catch(() => undefined);
    const { pool } = await import("@/lib/db/pool");
    await pool().end().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
  }
}

function exitCodeOf(error: unknown): { code: number; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  if (error instanceof ApiError) {
    const code = error.status === 404 ? EXIT.notFound : error.status === 409 ? EXIT.conflict : error.status === 422 || error.status === 400 ? EXIT.usage : EXIT.failure;
    return { code, message: error.message };
  }
  const pgCode = (error as { code?: string })?.code;
  if (pgCode === "P2002") return { code: EXIT.conflict, message: "already exists" };
  if (pgCode === "P1001" || pgCode === "ECONNREFUSED") return { code: EXIT.failure, message: "the database is not reachable" };
  return { code: EXIT.failure, message: error instanceof Error ? error.message.split("\n")[0] : String(error) };
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    const { code, message } = exitCodeOf(error);
    process.stderr.write(`faultline: ${message}\n`);
    process.exit(code);
  });
