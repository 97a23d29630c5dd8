import http from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";

/**
 * A customer's web page on another origin than Faultline, using the real @sentry/browser SDK
 * (bundled from node_modules with esbuild, unmodified) with a Faultline DSN. `appScript`: the
 * customer's own bundle, served at /static/js/app.js and loaded by the page (its `window.pay()`
 * behind the "Pay" button).
 */
export async function startCrossOriginSite(dsn: string, options: { appScript?: string } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const bundle = await build({
    stdin: { contents: `import * as Sentry from "@sentry/browser"; window.Sentry = Sentry;`, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0].text;
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<script src="/sentry.js"></script>
<script>
  Sentry.init({ dsn: ${JSON.stringify(dsn)}, release: "shop-web@3.1.0", environment: "browser-test" });
  Sentry.setUser({ id: "shopper-42" });
</script></head>
<body>
  <button id="buy" onclick="checkout()">Buy</button>
  <button id="reject" onclick="loadCart()">Load cart</button>
  <button id="order" onclick="placeOrder()">Place order</button>
  ${options.appScript === undefined ? "" : `<script src="/static/js/app.js"></script><button id="pay" onclick="pay()">Pay</button>`}
  <script>
    function checkout() { const cart = undefined; return cart.items.length; }
    function loadCart() { Promise.reject(new Error("cart service unavailable")); }
    function reserveStock() { throw new TypeError("stock service answered 503"); }
    function placeOrder() { try { reserveStock(); } catch (cause) { throw new Error("order could not be placed", { cause }); } }
  </script>
</body></html>`;
  const server = http.createServer((req, res) => {
    if (req.url === "/sentry.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    } else if (req.url === "/static/js/app.js" && options.appScript !== undefined) {
      res.writeHead(200, { "content-type": "text/javascript" }).end(options.appScript);
    } else if (req.url === "/favicon.ico") {
      res.writeHead(204).end();
    } else if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html" }).end(page);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  // "localhost" vs the app's "127.0.0.1": a different origin, so the SDK's requests are cross-origin.
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
