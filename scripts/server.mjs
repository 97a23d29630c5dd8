#!/usr/bin/env node
// The production server (`npm start`, the test runner, benchmarks): one node:http server that serves
// the ingest endpoints from the fast path (lib/intake/fastPath.ts, bundled at build time) and hands
// every other request to Next.js. FAULTLINE_FAST_PATH=0 sends ingest to Next.js (route handlers) too.
// Needs a build (`npm run build`); HOST and PORT say where to listen.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import next from "next";
import { apiRouteTableFile, fastPathBundle } from "./buildPaths.mjs";
import { envFlag, envPort, envText } from "./envValues.mjs";
import { keepServingWhenOutputCloses, SERVER_V8_FLAGS } from "./serverProcess.mjs";

keepServingWhenOutputCloses();
for (const flag of SERVER_V8_FLAGS) v8.setFlagsFromString(flag);

const root = path.resolve(import.meta.dirname, "..");
// Trimmed, empty = unset, a bad value stops the start naming it (scripts/envValues.mjs).
const { host, port, useFastPath } = settings();
process.env.NODE_ENV = "production";

// The build's resolved config (what Next's own standalone server.js hands it the same way): the
// server neither loads next.config.ts nor the SWC compiler that transpiles it (≈ 26 MB resident).
const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(JSON.parse(fs.readFileSync(path.join(distDir, "required-server-files.json"), "utf8")).config);

const app = next({ dev: false, dir: root, hostname: host, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();

// The fast path's bundle answers ingest (unless FAULTLINE_FAST_PATH=0) and, either way, what Next.js
// answers badly on API paths: undecodable paths (Next: bare 500) and methods a route does not take
// (Next: empty 405), from the route table built with the app (lib/intake/fastPath.ts, serveApiEdges).
const bundle = fastPathBundle();
if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build`);
const fastPath = await import(pathToFileURL(bundle).href);
if (!fs.existsSync(apiRouteTableFile())) throw new Error(`${apiRouteTableFile()} is missing: run npm run build`);
fastPath.useApiRoutes(JSON.parse(fs.readFileSync(apiRouteTableFile(), "utf8")));
const serveFirst = useFastPath ? fastPath.serveIngest : fastPath.serveApiEdges;

// The client's address as this server sees it: the socket's. Set on every request (a client's own
// copy replaced), read by lib/auth/clientAddress.ts, which trusts X-Forwarded-For only behind
// PROXY_HOPS trusted proxies (a client connected directly writes that header as it likes).
const PEER_HEADER = "x-faultline-peer";
globalThis.faultlineSetsPeerHeader = true;

const server = http.createServer((req, res) => {
  const peer = req.socket.remoteAddress;
  if (peer) req.headers[PEER_HEADER] = peer;
  else delete req.headers[PEER_HEADER];
  if (serveFirst(req, res)) return;
  handleWithNext(req, res);
});
// A request node:http cannot parse — a request line and headers over 16 KB (a long `query=`), a
// malformed header — is answered in the API's JSON error shape (431, 400…) instead of node's bare
// status line, then the connection closed; never logged with its bytes (lib/http/clientError.ts).
server.on("clientError", fastPath.answerClientError);
// Idle keep-alive connections are kept longer than clients (and load balancers, typically 60 s) keep
// theirs: a server closing first races with a client reusing the connection for its next request,
// which then fails (EPIPE) — a lost event for SDKs that never retry.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, host, () => {
  console.log(`Faultline listening on http://${host}:${port} (ingest fast path ${useFastPath ? "on" : "off"})`);
});

// The app's graceful shutdown first (lib/lifecycle/gracefulShutdown.ts, installed by instrumentation.ts:
// new requests 503, those in flight finish, jobs and the spool replayer stop with the spool on disk,
// pools closed), then the server closes.
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  await globalThis.faultlineShutDownGracefully?.(signal).catch(() => undefined);
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

function settings() {
  try {
    return { host: envText(process.env, "HOST") ?? "127.0.0.1", port: envPort(process.env, "PORT", 3000), useFastPath: envFlag(process.env, "FAULTLINE_FAST_PATH", true) };
  } catch (error) {
    process.stderr.write(`Faultline failed to start: ${error.message}\n`);
    process.exit(1);
  }
}
