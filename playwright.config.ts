import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where present (Playwright's own download is unreachable here); otherwise
// Playwright's bundled browser on machines that have it.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e/ui",
  outputDir: "test-results",
  // Generous waits: a condition that holds within a second on an idle machine may take many seconds
  // on a loaded 2-core one; waiting longer costs nothing when it passes.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  // One worker: the stage is CPU-bound (Chromium's renderer, compositor and browser processes take
  // ≈ 3/4 of it); two workers on two cores measured no faster (8.5 min either way) and each test slower.
  workers: 1,
  reporter: process.env.CI ? "list" : "line",
  use: {
    baseURL: process.env.APP_URL ?? "http://127.0.0.1:3100",
    trace: "retain-on-failure",
    launchOptions: {
      ...(systemChromium && { executablePath: systemChromium }),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
