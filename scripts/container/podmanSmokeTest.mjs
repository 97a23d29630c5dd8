#!/usr/bin/env node
// Builds the image with podman (Debian's package, OCI runtime runc) and runs it against a throwaway
// PostgreSQL, as a person would with Docker: `npm run test:container`. Not part of `npm test` (a full
// image build takes minutes). Where no registry is reachable, the base image is made here: Debian
// bookworm from mmdebstrap plus this machine's Node (and CA bundle, for npm behind a TLS proxy).
//   apt-get install -y podman runc mmdebstrap     (and, if crun rejects it: default_ulimits = [] in
//   /etc/containers/containers.conf, e.g. in a VM whose cgroups are in hybrid mode)
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../embeddedDb.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const runtime = process.env.PODMAN_RUNTIME ?? "runc";
const image = "localhost/faultline:smoke";
const port = Number(process.env.SMOKE_APP_PORT ?? 41850);
const pgPort = Number(process.env.SMOKE_PG_PORT ?? 41851);
const podman = (args, opts = {}) => execFileSync("podman", args, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...opts }).trim();
const exists = (ref) => spawnSync("podman", ["image", "exists", ref]).status === 0;

function ensureBase() {
  if (process.env.NODE_IMAGE) return process.env.NODE_IMAGE;
  const base = "localhost/faultline-node:20";
  if (exists(base)) return base;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-base-"));
  if (!exists("localhost/debian-bookworm:base")) {
    console.log("mmdebstrap: Debian bookworm (minbase)…");
    execFileSync("mmdebstrap", ["--variant=minbase", "--include=ca-certificates", "bookworm", path.join(dir, "rootfs.tar")], { stdio: "inherit" });
    podman(["import", path.join(dir, "rootfs.tar"), "localhost/debian-bookworm:base"]);
  }
  fs.copyFileSync(process.execPath, path.join(dir, "node"));
  fs.cpSync(path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm"), path.join(dir, "npm"), { recursive: true });
  fs.copyFileSync("/etc/ssl/certs/ca-certificates.crt", path.join(dir, "ca-bundle.crt"));
  fs.writeFileSync(
    path.join(dir, "Containerfile"),
    `FROM localhost/debian-bookworm:base
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca-bundle.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt NPM_CONFIG_CAFILE=/etc/ssl/certs/ca-certificates.crt
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
`,
  );
  execFileSync("podman", ["build", "--runtime", runtime, "-t", base, dir], { stdio: "inherit" });
  return base;
}

async function main() {
  const base = ensureBase();
  if (!process.env.SKIP_BUILD) {
    console.log(`Building ${image} from ${base}…`);
    // Docker format: the OCI image format has no HEALTHCHECK.
    execFileSync("podman", ["build", "--format", "docker", "--runtime", runtime, "--build-arg", `NODE_IMAGE=${base}`, "-t", image, root], { stdio: "inherit" });
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fl-smoke-pg-"));
  fs.chmodSync(dataDir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pgdata"), port: pgPort, database: "faultline" });
  let container;
  try {
    container = podman([
      "run", "--runtime", runtime, "-d", "--network", "host",
      "-e", `DATABASE_URL=${db.url}`, "-e", `PORT=${port}`, "-e", "HOSTNAME=127.0.0.1", "-e", "FAULTLINE_DISK_BUDGET=5GB", "-e", `FAULTLINE_SECRET_KEY=${crypto.randomBytes(32).toString("hex")}`,
      image,
    ]);
    const deadline = Date.now() + 180_000;
    let status = "starting";
    while (Date.now() < deadline) {
      // The image's HEALTHCHECK command (podman healthcheck run needs the Docker image format).
      const healthy = spawnSync("podman", ["exec", container, "node", "scripts/container/healthcheck.mjs"]).status === 0;
      if (healthy) {
        status = "healthy";
        break;
      }
      if (podman(["inspect", "--format", "{{.State.Running}}", container]) !== "true") throw new Error(`container exited:\n${podman(["logs", container])}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
    const uid = podman(["exec", container, "id", "-u"]);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    const openapi = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
    const results = { healthcheck: status, uid, health, openapi: openapi.status, user: podman(["image", "inspect", "--format", "{{.Config.User}}", image]), size: podman(["image", "inspect", "--format", "{{.Size}}", image]) };
    console.log(JSON.stringify(results, null, 2));
    if (status !== "healthy" || uid === "0" || !health.database || openapi.status !== 200) throw new Error("smoke test failed");
    console.log("container smoke test passed");
  } finally {
    if (container) {
      spawnSync("podman", ["stop", "-t", "10", container], { stdio: "ignore" });
      spawnSync("podman", ["rm", "-f", container], { stdio: "ignore" });
    }
    await db.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
