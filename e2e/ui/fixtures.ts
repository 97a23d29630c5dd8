import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { BASE_URL, login, type TestUser } from "@/e2e/support/tenant";

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "..", "screenshots");
export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 390, height: 844 };

interface ConsoleGuard {
  /** Lets through console errors this test expects (e.g. the 4xx of a request it makes fail). */
  allow: (pattern: RegExp) => void;
}

/** Every test fails on a console error or an uncaught page error anywhere in its browser context. */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ context }, use) => {
      const allowed: RegExp[] = [];
      const problems: string[] = [];
      context.on("console", (msg) => {
        if (msg.type() !== "error") return;
        const text = `${msg.text()} @ ${msg.location().url}`;
        if (!allowed.some((re) => re.test(text))) problems.push(`console.error: ${text}`);
      });
      context.on("weberror", (err) => problems.push(`pageerror: ${err.error().message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      expect(problems, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Signs in through the API and puts the session cookie into the browser context. */
export async function signInAs(context: BrowserContext, user: TestUser): Promise<void> {
  const cookie = await login(user);
  const [name, value] = cookie.split("=");
  await context.addCookies([{ name, value, url: BASE_URL }]);
}

/**
 * Full-page screenshots at 1280 and 390 px wide, saved as <dir, default e2e/screenshots>/<name>-<width>.png. At 390 px
 * a panel that opens as a full-screen overlay (`narrowOverlay`) is captured whole instead of the page.
 */
export async function screenshotBothWidths(page: Page, name: string, options: { narrowOverlay?: Locator; dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? SCREENSHOT_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const original = page.viewportSize() ?? WIDE;
  for (const size of [WIDE, NARROW]) {
    await page.setViewportSize(size);
    await layoutSettled(page);
    const file = path.join(dir, `${name}-${size.width}.png`);
    if (size === NARROW && options.narrowOverlay) {
      // A fixed full-screen sheet scrolls inside itself: make the viewport as tall as the sheet's content.
      const height = await options.narrowOverlay.evaluate((el) => el.scrollHeight + 24);
      await page.setViewportSize({ width: NARROW.width, height: Math.max(NARROW.height, height) });
      await layoutSettled(page);
      await page.screenshot({ path: file });
    } else {
      await page.screenshot({ path: file, fullPage: true });
    }
    if (size === NARROW) await expectNoSidewaysScroll(page, name);
  }
  await page.setViewportSize(original);
  await layoutSettled(page);
}

/** The page as it is, at 390 px wide: nothing widens it past the viewport (no screenshots; the viewport is put back). */
export async function expectNoSidewaysScrollWhenNarrow(page: Page, name: string): Promise<void> {
  const original = page.viewportSize() ?? WIDE;
  await page.setViewportSize(NARROW);
  await layoutSettled(page);
  await expectNoSidewaysScroll(page, name);
  await page.setViewportSize(original);
  await layoutSettled(page);
}

/**
 * At 390 px nothing may widen the page past the viewport (a table or a long unbroken value that
 * does would make the whole page scroll sideways): what is wider scrolls inside its own box.
 */
async function expectNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, `${name} at ${NARROW.width} px scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/**
 * After a viewport change: fonts loaded and two animation frames rendered, so resize observers
 * (the charts measure their width) have run and React has painted what they set.
 */
async function layoutSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  });
}
