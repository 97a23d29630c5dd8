import { parseArgs } from "node:util";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError, EXIT } from "@/lib/cli/CliError";

export interface ParsedCommandLine {
  command: CliCommand | null;
  flags: Record<string, string | boolean | undefined>;
  json: boolean;
  help: boolean;
}

/**
 * `<command> [argument] --flag value …`: unknown commands or flags, an argument the command takes
 * none of (or two), and missing required flags are usage errors (exit 2). The argument is the value
 * of the command's `positional` flag.
 */
export function parseCommandLine(argv: string[], commands: CliCommand[]): ParsedCommandLine {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") return { command: null, flags: {}, json: false, help: true };
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(EXIT.usage, `unknown command "${name}". Commands: ${commands.map((c) => c.name).join(", ")}`);
  const options: Record<string, { type: "string" | "boolean" }> = { json: { type: "boolean" }, help: { type: "boolean" } };
  for (const [flag, spec] of Object.entries(command.flags)) options[flag] = { type: spec.boolean ? "boolean" : "string" };
  const positional = Object.entries(command.flags).find(([, spec]) => spec.positional)?.[0];
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: positional !== undefined });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
  } catch (error) {
    throw new CliError(EXIT.usage, `${name}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
  }
  const { json, help, ...flags } = values;
  if (positional && positionals.length > 0) {
    if (positionals.length > 1 || flags[positional] !== undefined) throw new CliError(EXIT.usage, `${name}: give the ${positional} once (${positionals.join(" ")})`);
    flags[positional] = positionals[0];
  }
  if (help) return { command, flags: {}, json: false, help: true };
  const missing = Object.entries(command.flags)
    .filter(([flag, spec]) => spec.required && (flags[flag] === undefined || flags[flag] === ""))
    .map(([flag]) => `--${flag}`);
  if (missing.length) throw new CliError(EXIT.usage, `${name}: missing ${missing.join(", ")}`);
  return { command, flags, json: Boolean(json), help: false };
}

/** The help text; `program` is how the CLI was started (`npm run faultline --`, or `faultline` in the image). */
export function usage(commands: CliCommand[], only?: CliCommand | null, program = "npm run faultline --"): string {
  const list = only ? [only] : commands;
  const lines = [`Usage: ${program} <command> [--flags] [--json]`, ""];
  for (const c of list) {
    lines.push(`  ${c.name.padEnd(20)} ${c.summary}`);
    for (const [flag, spec] of Object.entries(c.flags)) {
      const form = spec.positional ? `<${flag}> or --${flag} <value>` : `--${flag}${spec.boolean ? "" : " <value>"}`;
      lines.push(`      ${form}${spec.required ? "" : " (optional)"}  ${spec.description}`);
    }
  }
  lines.push("", "Database: DATABASE_URL, else the embedded one in .faultline/pgdata (started when not running).");
  lines.push("Exit codes: 0 ok, 1 failure (e.g. database unreachable), 2 usage or invalid value, 3 not found, 4 conflict.");
  return lines.join("\n");
}
