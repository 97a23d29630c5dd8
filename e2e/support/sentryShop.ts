import http from "node:http";
import type { AddressInfo } from "node:net";
import { build } from "esbuild";

/**
 * A customer's shop page on its own origin using the real @sentry/browser SDK (bundled from
 * node_modules with esbuild, unmodified), with breadcrumbs and the ContextLines integration, so the
 * events it reports carry source lines of the page's inline script, and a scope attachment (the
 * cart's state as JSON).
 */
export async function startSentryShop(dsn: string, release: string): Promise<{ url: string; close: () => Promise<void> }> {
  const bundle = await build({
    stdin: { contents: `import * as Sentry from "@sentry/browser"; window.Sentry = Sentry;`, resolveDir: process.cwd(), loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0].text;
  // The SDK counts lines as "<!DOCTYPE html>", "<html>", then the document's innerHTML: keep that shape.
  const page = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"><title>Shop</title>
<script src="/sentry.js"></script>
<script>
  Sentry.init({ dsn: ${JSON.stringify(dsn)}, release: ${JSON.stringify(release)}, environment: "production", integrations: [Sentry.contextLinesIntegration()] });
  Sentry.setUser({ id: "shopper-42", email: "shopper@example.com" });
  Sentry.setTag("checkout_step", "payment");
  Sentry.getCurrentScope().addAttachment({ filename: "cart-state.json", data: JSON.stringify({ items: 1, step: "payment" }), contentType: "application/json" });
</script>
</head>
<body>
<button id="add" onclick="addToCart()">Add to cart</button>
<button id="buy" onclick="checkout()">Buy</button>
<script>
function addToCart() {
  console.log("added 1 item to the cart");
}
function checkout() {
  const cart = undefined;
  return cart.items.length;
}
</script>
</body>
</html>`;
  const server = http.createServer((req, res) => {
    if (req.url === "/sentry.js") res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else if (req.url === "/favicon.ico") res.writeHead(204).end();
    else if (req.url === "/") res.writeHead(200, { "content-type": "text/html" }).end(page);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
