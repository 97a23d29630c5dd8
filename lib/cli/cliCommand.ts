export interface FlagSpec {
  description: string;
  required?: boolean;
  /** A boolean switch rather than `--flag value`. */
  boolean?: boolean;
  /** May also be given as the command's one argument, without its flag (`workspace:delete acme`); one flag of a command at most. */
  positional?: boolean;
}

export interface CliContext {
  /** Where links point (reset links): PUBLIC_URL, else http://HOST:PORT of `npm start`. */
  publicUrl: string;
}

/** One `npm run faultline -- <name>` command: flags in, a result object out (printed as lines or JSON). */
export interface CliCommand {
  name: string;
  summary: string;
  flags: Record<string, FlagSpec>;
  run(flags: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<CliResult>;
}

export interface CliResult {
  /** Human-readable lines. */
  lines: string[];
  /** The same as data, for --json. */
  data: Record<string, unknown>;
}
