// A browser check of what `infra/run.sh` started, as a newcomer would see it: the SPA really
// renders (not just "Đang tải…"), the login goes through the real Keycloak, and the overview
// shows who is logged in with figures from the API. Drives Debian's Chromium with playwright-core
// (the frontend's own dev dependency). Exits non-zero, saying what it saw, on any failure.
//   node infra/check/run-check.mjs [http://localhost:5173]
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../..",
);
const require = createRequire(path.join(root, "frontend/package.json"));
const { chromium } = require("@playwright/test");

const base = process.argv[2] ?? "http://localhost:5173";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
  ],
});
let failed = false;
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(base);
  // The app itself must run: its login page, not the loading text of index.html.
  await page.getByRole("button", { name: "Đăng nhập" }).waitFor();
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // The local run is on the map of today: Hương Sơn's reporter reports for Xã Phú Bình, the
  // commune that took over its code on 01/07/2025.
  await page.locator("#username").fill("xa.huongson");
  await page.locator("#password").fill("Demo@2026-lhpn");
  await page.locator("#kc-login").click();
  await page.getByText("Xã Phú Bình").first().waitFor();
  console.log(
    `[check] ${base}: the SPA renders, the demo login works, the overview shows the unit of today's map`,
  );
} catch (error) {
  failed = true;
  console.error(`[check] ${base} failed: ${error.message}`);
  const pages = browser.contexts().flatMap((c) => c.pages());
  if (pages[0]) {
    console.error(`[check] the page at ${pages[0].url()} shows:`);
    console.error(
      (
        await pages[0]
          .locator("body")
          .innerText()
          .catch(() => "")
      ).slice(0, 600),
    );
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
