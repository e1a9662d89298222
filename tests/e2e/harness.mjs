// Shared set-up for the end-to-end tests: serve dist/ (or the directory named by DIST) like a
// static host and drive Debian's headless Chromium through playwright-core. Screenshots go to
// target/e2e/.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DIST || join(ROOT, 'dist');
export const SHOTS = join(ROOT, 'target', 'e2e');
mkdirSync(SHOTS, { recursive: true });

/** Starts a server for `root` (default dist/) under `prefix` (gzip-compressing when `gzip`)
 * and a browser; returns helpers, the server (`server.stop()`, `server.setRoot(dir)`,
 * `server.requests`) and a `close()`. */
export async function open(prefix = '/', { root = DIST, gzip = false } = {}) {
  const server = await startServer({ root, prefix, gzip });
  const { url } = server;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const errors = [];
  /** A fresh page at `width`×`height` in a fresh profile, collecting page errors into
   * `errors`. Service workers are blocked unless `serviceWorkers: 'allow'`: a worker would
   * answer requests that tests intercept with `page.route` (e.g. blocking data/).
   * `colorScheme` emulates a light or dark preference; `bypassCSP` lets a test inject its own
   * script (axe). */
  async function page({ width = 1280, height = 900, serviceWorkers = 'block', colorScheme = 'light', bypassCSP = false } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, serviceWorkers, colorScheme, bypassCSP });
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(String(e)));
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    return p;
  }
  async function close() {
    await browser.close();
    await server.stop();
  }
  return { url, page, close, errors, server };
}

/** Saves a full-page screenshot as target/e2e/NAME.png. */
export async function shot(p, name) {
  await p.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Waits until the app has rendered the reader. */
export async function ready(p) {
  await p.waitForSelector('[data-reader]', { timeout: 20000 });
}

/** Waits until the page has fetched the full gazetteer and re-analysed the corpus with it, so
 * canonical names are final (before that the compiled-in core table serves). */
export async function settled(p) {
  await p.waitForSelector('.app[data-gazetteer="full"]', { timeout: 30000 });
}

/** Opens `env`'s app at `query`, and waits until the corpus is final and the browser's
 * storage has opened (so that what the test adds is stored, and what was stored is shown). */
export async function start(p, env, query = '') {
  await p.goto(`${env.url}${query}`);
  await settled(p);
  await p.waitForFunction(() => !document.querySelector('[data-testid="storage-status"]')?.textContent.includes('Opening'));
}
