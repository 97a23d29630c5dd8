import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { build } from "esbuild";
import { startCrossOriginSite } from "@/e2e/support/crossOriginSite";
import { query } from "@/e2e/support/dbCounts";
import { runSentryCli, sentryCliTarget } from "@/e2e/support/sentryCliRunner";
import { BASE_URL, createTenant } from "@/e2e/support/tenant";

// The whole modern path, with no release anywhere: a minified esbuild bundle, `sentry-cli sourcemaps
// inject` and `upload` (the npm package's binary), then the real @sentry/browser SDK in Chromium
// reporting an error thrown in that bundle — its debug_meta, built by the SDK from the injected
// snippet, finds the map by debug ID.
test("the real @sentry/browser SDK's error in a sentry-cli-processed bundle reads as written", async ({ page }) => {
  const t = await createTenant("debugids");
  const cli = await sentryCliTarget(t);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faultline-bundle-"));
  fs.mkdirSync(path.join(dir, "src"));
  fs.writeFileSync(path.join(dir, "src/cart.ts"), "export function totalOf(cart: { items: { price: number }[] }): number {\n  return cart.items.reduce((sum, item) => sum + item.price, 0);\n}\n");
  fs.writeFileSync(path.join(dir, "src/main.ts"), 'import { totalOf } from "./cart";\n\n(window as unknown as { pay: () => number }).pay = function pay() {\n  return totalOf(undefined as never);\n};\n');
  await build({ entryPoints: [path.join(dir, "src/main.ts")], bundle: true, minify: true, sourcemap: true, format: "iife", outfile: path.join(dir, "dist/static/js/app.js"), logLevel: "silent" });
  for (const step of ["inject", "upload"]) {
    const run = runSentryCli(cli, ["sourcemaps", step, path.join(dir, "dist")]);
    expect(run.status, run.stderr).toBe(0);
  }

  const app = new URL(BASE_URL);
  const site = await startCrossOriginSite(`http://${t.key}@${app.host}/${t.projectPublicId}`, { appScript: fs.readFileSync(path.join(dir, "dist/static/js/app.js"), "utf8") });
  try {
    await page.goto(site.url);
    await page.click("#pay");
    await expect
      .poll(async () => (await query<{ id: string }>(`SELECT id::text FROM "ErrorGroup" WHERE "projectId" = $1::uuid AND type = 'TypeError'`, [t.projectId])).length, { timeout: 15_000 })
      .toBe(1);
    const [{ id }] = await query<{ id: string }>(`SELECT id::text FROM "ErrorGroup" WHERE "projectId" = $1::uuid AND type = 'TypeError'`, [t.projectId]);
    const event = await (await fetch(`${BASE_URL}/api/v1/errors/${id}/events/latest`, { headers: { cookie: cli.member } })).json();
    const frames = event.exceptions[0].frames as { function?: string; filename?: string; lineno?: number; contextLine?: string; minified?: unknown }[];
    const raised = frames[frames.length - 1];
    expect(raised).toMatchObject({ function: "totalOf", filename: "src/cart.ts", lineno: 2, contextLine: "  return cart.items.reduce((sum, item) => sum + item.price, 0);" });
    expect(raised.minified).toBeDefined();
    expect(frames.map((f) => f.function)).toContain("pay");
  } finally {
    await site.close();
  }
});
