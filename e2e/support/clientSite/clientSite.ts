import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/**
 * A customer's site on another origin than Faultline (localhost vs 127.0.0.1) that serves the
 * browser build of @faultline/client exactly as `npm install` built it (packages/client/dist/
 * browser.js), and a React page bundled with esbuild (React's development build, StrictMode).
 */
export async function startClientSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const browserBuild = fs.readFileSync(path.join(ROOT, "packages/client/dist/browser.js"), "utf8");
  const reactApp = await build({
    entryPoints: [path.join(import.meta.dirname, "reactApp.tsx")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    // The page loads the client from /faultline.js; the React entry finds that client on globalThis.
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "silent",
  });
  const pages: Record<string, string> = {
    "/": `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<script type="module">import * as Faultline from "/faultline.js"; window.Faultline = Faultline; window.dispatchEvent(new Event("faultline-ready"));</script>
</head><body><h1>Shop</h1></body></html>`,
    "/react": `<!doctype html><html><head><meta charset="utf-8"><title>Shop (React)</title></head><body><div id="root"></div>
<script type="module">
  import * as Faultline from "/faultline.js";
  window.Faultline = Faultline;
  const config = JSON.parse(new URLSearchParams(location.search).get("config"));
  Faultline.init(config);
  await import("/react-app.js");
</script></body></html>`,
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://site.local");
    if (url.pathname === "/faultline.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(browserBuild);
    if (url.pathname === "/react-app.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(reactApp.outputFiles[0].text);
    if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
    const page = pages[url.pathname];
    if (page) return void res.writeHead(200, { "content-type": "text/html" }).end(page);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
