// End-to-end: the built site from a static server in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { open, shot, ready, DIST } from './harness.mjs';
import { FIRST_LOAD_BUDGET, firstLoad } from '../../scripts/budget.mjs';

const FIRST = '000_d9b921036b694c82';
const SECOND = '002_08ae971f51795d28';
let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

test('lists both articles and shows the first one, boilerplate set apart', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  const ids = await p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids, [FIRST, SECOND]);
  assert.equal(await p.getAttribute('[data-reader]', 'data-reader'), FIRST);
  const h1 = await p.textContent('.reader h1');
  assert.equal(h1.trim(), 'Fleeing Iraqi Invasion, Thousands Flee Kirkuk into Kurdish Territory');
  const body = await p.textContent('.reader .reader-body');
  assert.match(body, /Advancing Iraqi troops, backed by Iran-allied Shiite militias/);
  // Boilerplate is kept, but apart from the story paragraphs.
  const storyText = (await p.$$eval('.reader .reader-body .para', (els) => els.map((e) => e.textContent))).join('\n');
  assert.doesNotMatch(storyText, /AP Photo|having issues with commenting/);
  const furniture = await p.$$eval('.reader .boilerplate .bp-line', (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(furniture, ['AP Photo', "Please let us know if you're having issues with commenting."]);
  await shot(p, 'reader-1280');
  await p.setViewportSize({ width: 375, height: 800 });
  await shot(p, 'reader-375');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow}px)`);
  assert.deepEqual(env.errors, []);
});

test('?article= opens that article and clicking the list changes it and the URL', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?article=${SECOND}`);
  await ready(p);
  assert.equal(await p.getAttribute('[data-reader]', 'data-reader'), SECOND);
  assert.equal((await p.textContent('.reader h1')).trim(), 'Iraqi military enters Kirkuk');
  const promo = await p.$$eval('.reader .boilerplate .bp-line', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(promo.includes('Subscribe to The Week') && promo.includes('Explore More'));
  await shot(p, 'reader-second-1280');
  await p.click(`[data-article="${FIRST}"]`);
  await p.waitForSelector(`[data-reader="${FIRST}"]`);
  await p.waitForURL(new RegExp(`article=${FIRST}`));
  await p.goBack();
  await p.waitForSelector(`[data-reader="${SECOND}"]`);
});

test('unknown or invalid URL values are ignored', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=nonsense&article=missing&types=BOGUS&zzz=1`);
  await ready(p);
  assert.equal(await p.getAttribute('[data-reader]', 'data-reader'), FIRST);
  assert.deepEqual(env.errors, []);
});

// Issue 8's budget: 400 KB gzipped before the first highlighted article (BENCHMARKS.md),
// read strictly: 400,000 bytes, not 400 KiB. The tagging worker (which also reads imports)
// and the gazetteer come later and are not part of it. The release build checks the same
// budget from index.html (scripts/budget.mjs); this test checks what the browser fetched.

test('first load stays within the size budget and needs no data file', async () => {
  const p = await env.page();
  const files = [];
  p.on('response', (r) => files.push(new URL(r.url()).pathname));
  // Data files (the full gazetteer) follow lazily: with them blocked, the first article must
  // still appear highlighted.
  await p.route('**/data/**', (route) => route.abort());
  await p.goto(env.url);
  await ready(p);
  await p.waitForSelector('.reader mark[data-label="PLACE"]');
  let total = 0;
  const rows = [];
  const fetched = files.map((path) => decodeURIComponent(path.replace(/^\//, '')) || 'index.html');
  for (const rel of fetched) {
    const bytes = readFileSync(join(DIST, rel));
    const gz = gzipSync(bytes, { level: 9 }).length;
    rows.push(`${rel}: ${bytes.length} B raw, ${gz} B gzipped`);
    total += gz;
  }
  console.log(`first load: ${total} B gzipped\n  ${rows.join('\n  ')}`);
  assert.ok(!rows.some((r) => r.startsWith('newslens-worker')), 'the tagging worker waits until it is needed');
  assert.ok(total <= FIRST_LOAD_BUDGET, `first load ${total} B gzipped exceeds the ${FIRST_LOAD_BUDGET} B budget`);
  // The build's own check (scripts/budget.mjs) counts the same files, so it fails a build
  // exactly when this test would.
  const named = firstLoad(DIST);
  assert.deepEqual(named.map((f) => f.file).sort(), [...fetched].sort());
  assert.equal(named.reduce((n, f) => n + f.gzipped, 0), total);
});

test('dist/ works under a sub-path', async () => {
  const sub = await open('/newslens/');
  try {
    const p = await sub.page();
    await p.goto(sub.url);
    await ready(p);
    assert.equal((await p.$$('[data-article]')).length, 2);
    await p.goto(`${sub.url}?article=${SECOND}`);
    await p.waitForSelector(`[data-reader="${SECOND}"]`);
    assert.deepEqual(sub.errors, []);
  } finally {
    await sub.close();
  }
});

test('a Content-Security-Policy is in force and no view violates it', async () => {
  const p = await env.page();
  await p.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await p.goto(env.url);
  await ready(p);
  const policy = await p.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(policy, /'unsafe-eval'|script-src[^;]*'unsafe-inline'/);
  await p.waitForSelector('.app[data-gazetteer="full"]');
  for (const view of ['entities', 'places', 'compare', 'read']) {
    await p.click(`[data-view="${view}"]`);
    await p.waitForSelector(view === 'read' ? '[data-reader]' : `.${view === 'entities' ? 'entities-view' : view}`);
  }
  // An inline script injected the way an attacker would try is refused.
  await p.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = 1';
    document.body.append(s);
  });
  assert.equal(await p.evaluate(() => window.__ran), undefined);
  const violations = await p.evaluate(() => window.__violations);
  assert.deepEqual(violations.filter((v) => !v.startsWith('script-src-elem inline')), []);
});
