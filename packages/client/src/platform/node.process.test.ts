import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Node processes using the client (its sources, through tsx) in child processes: how long they
 * live after the script ends, after close(), after an uncaught exception — against a local ingest
 * stub whose answers each test chooses. The docs promise 2 s of flushing at exit; the assertions
 * leave headroom for a loaded machine (and tsx's start-up), not minutes.
 */
const ROOT = path.resolve(import.meta.dirname, "../../../..");
const ENTRY = path.join(ROOT, "packages/client/src/entry/node.ts");
const KILL_AFTER_MS = 15_000;
const EXITS_WITHIN_MS = 10_000;

interface Received {
  at: number;
  messages: string[];
}

interface Stub {
  url: string;
  received: Received[];
  answer: (nth: number, res: http.ServerResponse) => void;
  close: () => Promise<void>;
}

async function startStub(answer: Stub["answer"]): Promise<Stub> {
  const received: Received[] = [];
  const stub = { received, answer } as Stub;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      let messages: string[] = [];
      try {
        messages = (JSON.parse(body) as { events: { message: string }[] }).events.map((e) => e.message);
      } catch {
        // not a batch
      }
      received.push({ at: Date.now(), messages });
      stub.answer(received.length, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}

/** A URL nothing listens on: a port that was just free. */
async function downUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-client-process-"));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `body` (ESM, with the client's exports in scope as `F`) in a child Node; killed after KILL_AFTER_MS. */
function runChild(name: string, body: string, env: Record<string, string>): Promise<{ code: number | null; ms: number; stdout: string; stderr: string }> {
  const file = path.join(dir, `${name}.mjs`);
  fs.writeFileSync(file, `const F = await import(${JSON.stringify(ENTRY)});\n${body}\n`);
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const killer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, ms: Date.now() - started, stdout, stderr });
    });
  });
}

describe("a Node process using the client", () => {
  it("exits within seconds when the script ends while the server is down", async () => {
    const run = await runChild(
      "server-down",
      `F.init({ url: process.env.URL, key: "k", globalHandlers: false });
       F.captureMessage("captured while the server is down");`,
      { URL: await downUrl() },
    );
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(EXITS_WITHIN_MS);
  });

  it("exits within seconds when the script ends while the server never answers", async () => {
    const stub = await startStub(() => undefined);
    try {
      const run = await runChild(
        "server-hangs",
        `F.init({ url: process.env.URL, key: "k", globalHandlers: false });
         F.captureMessage("captured while the server hangs");`,
        { URL: stub.url },
      );
      expect(run.code).toBe(0);
      expect(run.ms).toBeLessThan(EXITS_WITHIN_MS);
      expect(stub.received.length).toBeGreaterThanOrEqual(1);
    } finally {
      await stub.close();
    }
  });

  it("close(timeout) stops the client: nothing is sent after it and the process exits", async () => {
    const stub = await startStub((_, res) => res.writeHead(503, { "retry-after": "20" }).end());
    try {
      const run = await runChild(
        "close-while-throttled",
        `F.init({ url: process.env.URL, key: "k", flushIntervalMs: 10 });
         F.captureMessage("job failed");
         const first = await F.flush(500);
         const closed = await F.close(1000);
         console.log(JSON.stringify({ first, closed }));`,
        { URL: stub.url },
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ first: false, closed: false });
      expect(run.ms).toBeLessThan(EXITS_WITHIN_MS);
      expect(stub.received).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });

  it("after a second init(), an uncaught exception is reported once and the process exits 1", async () => {
    // The first request (the first client's event) waits 30 s (503); everything after is accepted.
    const stub = await startStub((nth, res) => (nth === 1 ? res.writeHead(503, { "retry-after": "30" }).end() : res.writeHead(202).end("{}")));
    try {
      const run = await runChild(
        "reinit-crash",
        `F.init({ url: process.env.URL, key: "k", flushIntervalMs: 10 });
         F.captureMessage("queued by the first client");
         await F.flush(500);
         F.init({ url: process.env.URL, key: "k", flushIntervalMs: 10 });
         console.log(process.listenerCount("uncaughtException"));
         setTimeout(() => { throw new Error("fatal bug after re-init"); }, 10);`,
        { URL: stub.url },
      );
      expect(run.code).toBe(1);
      expect(run.stdout.trim()).toBe("1");
      expect(run.stderr).toContain("fatal bug after re-init");
      expect(run.ms).toBeLessThan(EXITS_WITHIN_MS);
      expect(stub.received.flatMap((r) => r.messages).filter((m) => m === "fatal bug after re-init")).toHaveLength(1);
    } finally {
      await stub.close();
    }
  });

  it("exits 1 after an uncaught exception even while an async beforeSend never settles", async () => {
    const stub = await startStub((_, res) => res.writeHead(202).end("{}"));
    try {
      const run = await runChild(
        "hung-before-send",
        `F.init({ url: process.env.URL, key: "k", beforeSend: () => new Promise(() => {}) });
         setTimeout(() => { throw new Error("fatal while beforeSend hangs"); }, 10);
         setInterval(() => {}, 1000);`,
        { URL: stub.url },
      );
      expect(run.code).toBe(1);
      expect(run.ms).toBeLessThan(EXITS_WITHIN_MS);
    } finally {
      await stub.close();
    }
  });
});
