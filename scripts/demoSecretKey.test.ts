import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { embeddedSecretKey, secretKeyPlan, type SealedRowCounts } from "@/scripts/demoSecretKey.mjs";
import { StartupError } from "@/scripts/startupChecks.mjs";

const none: SealedRowCounts = { twoFactor: 0, channels: 0, forwardingRules: 0, uptimeMonitors: 0, ingestKeys: 0, total: 0 };
const restored: SealedRowCounts = { twoFactor: 2, channels: 1, forwardingRules: 0, uptimeMonitors: 0, ingestKeys: 5, total: 8 };

const roots: string[] = [];
function projectRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-key-"));
  roots.push(root);
  return root;
}
const keyFile = (root: string) => path.join(root, ".faultline", "secret.key");

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe("secretKeyPlan", () => {
  it("reads a key file, generates one for a database with nothing sealed, refuses for one that holds sealed values", () => {
    expect(secretKeyPlan({ keyFileExists: true, sealed: 12 })).toBe("read");
    expect(secretKeyPlan({ keyFileExists: false, sealed: 0 })).toBe("generate");
    expect(secretKeyPlan({ keyFileExists: false, sealed: 1 })).toBe("refuse");
  });
});

describe("embeddedSecretKey (npm start and the admin CLI on the embedded database)", () => {
  it("first start: generates .faultline/secret.key (mode 600) and says so", async () => {
    const root = projectRoot();
    const generated: string[] = [];
    const key = await embeddedSecretKey(root, { sealedRows: async () => none, onGenerated: (file) => generated.push(file) });
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readFileSync(keyFile(root), "utf8").trim()).toBe(key);
    expect(fs.statSync(keyFile(root)).mode & 0o777).toBe(0o600);
    expect(generated).toEqual([keyFile(root)]);
  });

  it("later starts: the file's key, without asking the database", async () => {
    const root = projectRoot();
    fs.mkdirSync(path.dirname(keyFile(root)));
    fs.writeFileSync(keyFile(root), `${"ab".repeat(32)}\n`);
    const key = await embeddedSecretKey(root, {
      sealedRows: async () => {
        throw new Error("not asked");
      },
    });
    expect(key).toBe("ab".repeat(32));
  });

  it("a database restored without its key file: refuses, naming the file, FAULTLINE_SECRET_KEY and what is sealed, and makes no key", async () => {
    const root = projectRoot();
    const refused = await embeddedSecretKey(root, { sealedRows: async () => restored }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StartupError);
    const message = (refused as Error).message;
    expect(message).toContain(keyFile(root));
    expect(message).toContain("FAULTLINE_SECRET_KEY");
    expect(message).toContain("2 authenticator secrets, 1 notification channel, 5 ingest key copies");
    expect(message).toContain("user:reset-two-factor");
    expect(message).not.toContain("\n");
    expect(fs.existsSync(keyFile(root))).toBe(false);
  });
});
