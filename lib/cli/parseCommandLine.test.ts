import { describe, expect, it } from "vitest";
import type { CliCommand } from "@/lib/cli/cliCommand";
import { CliError } from "@/lib/cli/CliError";
import { parseCommandLine, usage } from "@/lib/cli/parseCommandLine";

const cmd: CliCommand = {
  name: "user:create",
  summary: "create a user",
  flags: { email: { description: "email", required: true }, name: { description: "name", required: true }, admin: { description: "x", boolean: true } },
  run: async () => ({ lines: [], data: {} }),
};

function usageError(fn: () => unknown): CliError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected a CliError");
}

describe("parseCommandLine", () => {
  it("parses flags and --json", () => {
    const parsed = parseCommandLine(["user:create", "--email", "a@b.c", "--name", "Ann", "--json"], [cmd]);
    expect(parsed.command?.name).toBe("user:create");
    expect(parsed.flags).toEqual({ email: "a@b.c", name: "Ann" });
    expect(parsed.json).toBe(true);
  });

  it("reports unknown commands, unknown flags and missing flags with exit code 2", () => {
    expect(usageError(() => parseCommandLine(["user:delete"], [cmd])).exitCode).toBe(2);
    expect(usageError(() => parseCommandLine(["user:create", "--email", "a@b.c", "--name", "A", "--bogus", "1"], [cmd])).message).toMatch(/bogus/);
    const missing = usageError(() => parseCommandLine(["user:create", "--email", "a@b.c"], [cmd]));
    expect(missing.exitCode).toBe(2);
    expect(missing.message).toContain("--name");
  });

  it("help needs no database and lists every flag", () => {
    expect(parseCommandLine([], [cmd]).help).toBe(true);
    expect(parseCommandLine(["user:create", "--help"], [cmd]).help).toBe(true);
    expect(usage([cmd])).toContain("--email <value>");
    expect(usage([cmd])).toMatch(/^Usage: npm run faultline -- <command>/);
    expect(usage([cmd], null, "faultline")).toMatch(/^Usage: faultline <command>/);
  });
});

describe("parseCommandLine: a command's argument", () => {
  const del: CliCommand = {
    name: "workspace:delete",
    summary: "delete a workspace",
    flags: { workspace: { description: "id or slug", required: true, positional: true }, confirm: { description: "its name", required: true } },
    run: async () => ({ lines: [], data: {} }),
  };

  it("is the value of the command's positional flag, given either way", () => {
    expect(parseCommandLine(["workspace:delete", "acme", "--confirm", "Acme"], [del]).flags).toEqual({ workspace: "acme", confirm: "Acme" });
    expect(parseCommandLine(["workspace:delete", "--confirm", "Acme", "acme"], [del]).flags).toEqual({ workspace: "acme", confirm: "Acme" });
    expect(parseCommandLine(["workspace:delete", "--workspace", "acme", "--confirm", "Acme"], [del]).flags).toEqual({ workspace: "acme", confirm: "Acme" });
  });

  it("is a usage error twice over, or for a command that takes none", () => {
    expect(usageError(() => parseCommandLine(["workspace:delete", "acme", "other", "--confirm", "Acme"], [del])).exitCode).toBe(2);
    expect(usageError(() => parseCommandLine(["workspace:delete", "acme", "--workspace", "other", "--confirm", "Acme"], [del])).message).toMatch(/give the workspace once/);
    expect(usageError(() => parseCommandLine(["user:create", "stray", "--email", "a@b.c", "--name", "A"], [cmd])).exitCode).toBe(2);
    const missing = usageError(() => parseCommandLine(["workspace:delete", "--confirm", "Acme"], [del]));
    expect(missing.message).toContain("--workspace");
  });

  it("is shown in the help as an argument", () => {
    expect(usage([del])).toContain("<workspace> or --workspace <value>");
  });
});
