import type { Frame } from "@/lib/ingest/stacktrace/frame";

/** Where only a server runtime runs code: Node's internals, a file system path, a file: URL. */
const SERVER_PATH = /^(?:node:|\/|[A-Za-z]:[\\/]|file:\/\/)/;
/** Where a browser loads code from. */
const BROWSER_URL = /^(?:https?|blob):/i;

/**
 * Whether a JavaScript trace sent without a platform ran on a server (Node, Deno, Bun): a frame in a
 * file system path or in Node's internals (`node:internal/…`), and none loaded from a URL.
 */
export function runsOnServer(frames: readonly Frame[]): boolean {
  let server = false;
  for (const frame of frames) {
    const path = frame.absPath || frame.filename || "";
    if (BROWSER_URL.test(path)) return false;
    server ||= SERVER_PATH.test(path);
  }
  return server;
}
