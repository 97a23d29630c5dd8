// The embedded database's FAULTLINE_SECRET_KEY: generated once into .faultline/secret.key (mode 600,
// git-ignored) beside the database files it protects. `npm start` passes it to the app; the admin CLI
// (scripts/faultline.ts) reads the same file when it works on the embedded database, so what either
// seals (ingest keys' copies) the other opens.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** The key, generating the file first when there is none (`onGenerated` is told so). */
export function demoSecretKey(root, onGenerated = () => {}) {
  const file = path.join(root, ".faultline", "secret.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${crypto.randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
      onGenerated(file);
    } catch (error) {
      // Another process (a CLI command beside `npm start`) wrote it first: use theirs.
      if (error.code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}
