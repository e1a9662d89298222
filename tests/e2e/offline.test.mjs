// End-to-end: offline use through the service worker, and its update path (issue 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { open, shot, ready, settled, DIST, ROOT } from './harness.mjs';

const STORY = `Floods hit Valencia as Spain sends troops

Spanish soldiers arrived in Valencia on Wednesday after floods killed at least 200 people, the government said.
Prime Minister Pedro Sánchez told reporters in Madrid that 5,000 troops would help the Red Cross.
`;

const ids = (p) => p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));

/** Waits until the service worker controls the page (it has precached every file: a worker
 * activates only after its install stored them all), and returns its cache's name and paths. */
async function controlled(p) {
  await p.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
  return p.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('newslens:'));
    const paths = {};
    for (const n of names) paths[n] = (await (await caches.open(n)).keys()).map((r) => new URL(r.url).pathname).sort();
    return paths;
  });
}

/** The ids of the articles stored in the app's IndexedDB. */
const storedIds = (p) => p.evaluate(() => new Promise((ok, fail) => {
  const req = indexedDB.open('newslens');
  req.onerror = () => fail(req.error);
  req.onsuccess = () => {
    const all = req.result.transaction('articles').objectStore('articles').getAllKeys();
    all.onsuccess = () => { req.result.close(); ok(all.result); };
    all.onerror = () => fail(all.error);
  };
}));

test('after a first visit the app works with the server stopped (under a sub-path, gzip)', async () => {
  const env = await open('/newslens/', { gzip: true });
  try {
    const p = await env.page({ serviceWorkers: 'allow' });
    await p.goto(env.url);
    await ready(p);
    await settled(p);
    const caches = await controlled(p);
    const names = Object.keys(caches);
    assert.equal(names.length, 1, names.join(' '));
    const cached = caches[names[0]];
    for (const f of ['index.html', 'data/gazetteer.tsv', 'data/ATTRIBUTION.txt']) assert.ok(cached.includes(`/newslens/${f}`), `${f} is cached: ${cached}`);
    assert.ok(cached.some((f) => f.endsWith('_bg.wasm')) && cached.some((f) => f.endsWith('.css')));
    assert.ok(!cached.includes('/newslens/sw.js'), 'the worker does not cache itself');
    // Import an article and wait until it is in IndexedDB.
    await p.waitForFunction(() => !document.querySelector('[data-testid="storage-status"]')?.textContent.includes('Opening'));
    await p.fill('[data-testid="import-text"]', STORY);
    await p.click('[data-testid="import-submit"]');
    await p.waitForSelector('[data-testid="import-message"]');
    const mine = (await ids(p)).find((id) => id.startsWith('user-'));
    assert.ok(mine);
    await p.waitForFunction(async (id) => {
      const req = indexedDB.open('newslens');
      const keys = await new Promise((ok) => { req.onsuccess = () => { const r = req.result.transaction('articles').objectStore('articles').getAllKeys(); r.onsuccess = () => { req.result.close(); ok(r.result); }; }; });
      return keys.includes(id);
    }, mine);

    await env.server.stop();
    const before = env.server.requests.length;
    await p.reload();
    await ready(p);
    await settled(p);
    assert.equal(env.server.requests.length, before, 'nothing reached the stopped server');
    const list = await ids(p);
    assert.ok(list.includes('000_d9b921036b694c82') && list.includes('002_08ae971f51795d28') && list.includes(mine), list.join(' '));
    await p.click(`[data-article="${mine}"]`);
    await p.waitForSelector(`[data-reader="${mine}"] mark[data-label="PLACE"]`);
    const labels = await p.$$eval('.reader mark[data-label]', (els) => els.map((e) => `${e.dataset.label}:${e.textContent}`));
    assert.ok(labels.includes('PLACE:Valencia') && labels.includes('PERSON:Pedro Sánchez'), labels.join(' '));
    assert.deepEqual(await storedIds(p), [mine]);
    // The place list resolves with the full gazetteer, from the cache.
    await p.click('[data-view="places"]');
    await p.waitForSelector('[data-place="Taza Khurmatu"]');
    assert.equal(await p.getAttribute('.app', 'data-gazetteer'), 'full');
    const lat = await p.getAttribute('[data-place="Taza Khurmatu"]', 'data-lat');
    assert.ok(Math.abs(Number(lat) - 35.30) < 0.01, `Taza Khurmatu resolved (lat ${lat})`);
    await shot(p, 'offline-places-1280');
    // A link into the app with a query string works offline too.
    await p.goto(`${env.url}?article=${mine}`);
    await p.waitForSelector(`[data-reader="${mine}"] mark[data-label]`);
    assert.deepEqual(env.errors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await env.close();
  }
});

test('a new version waits, never mixes with the old one, and takes over on Reload', async () => {
  // v2: the same build with three files changed (the page, a style sheet, a data file) and its
  // own worker, as a new deploy would have.
  const v2 = mkdtempSync(join(tmpdir(), 'newslens-v2-'));
  cpSync(DIST, v2, { recursive: true });
  const edit = (file, f) => writeFileSync(join(v2, file), f(readFileSync(join(v2, file), 'utf8')));
  edit('index.html', (s) => s.replace('<title>', '<meta name="newslens-test-build" content="v2" />\n    <title>'));
  edit('data/ATTRIBUTION.txt', (s) => `${s}\nv2\n`);
  // (The release build's page is minified: its attributes may be unquoted.)
  const css = readFileSync(join(DIST, 'index.html'), 'utf8').match(/href="?\.\/(style-[^"\s>]+\.css)/)[1];
  edit(css, (s) => `${s}\n/* v2 */\n`);
  // The hashed style sheet's integrity attribute no longer matches a changed file: drop it.
  edit('index.html', (s) => s.replace(/(href="?\.\/style-[^"\s>]+\.css"?) integrity="?[^"\s>]+"?/, '$1'));
  execFileSync('node', [join(ROOT, 'scripts/sw.mjs'), v2]);
  assert.notEqual(readFileSync(join(v2, 'sw.js'), 'utf8'), readFileSync(join(DIST, 'sw.js'), 'utf8'));

  const env = await open('/', { root: DIST });
  try {
    const p = await env.page({ serviceWorkers: 'allow' });
    await p.goto(env.url);
    await ready(p);
    await settled(p);
    const [v1Cache] = Object.keys(await controlled(p));
    const fetched = () => p.evaluate(async (file) => Promise.all(
      ['data/ATTRIBUTION.txt', file].map((f) => fetch(f).then((r) => r.text())),
    ), css);

    // Deploy v2, then reload: the page is v1's, every file from v1's cache.
    env.server.setRoot(v2);
    const responses = [];
    p.on('response', (r) => responses.push(r));
    await p.reload();
    await ready(p);
    await p.waitForSelector('[data-testid="update-notice"] [data-action="update-reload"]', { timeout: 60000 });
    assert.equal(await p.$('meta[name="newslens-test-build"]'), null, 'the page is still v1');
    const own = responses.filter((r) => new URL(r.url()).origin === new URL(env.url).origin);
    assert.ok(own.length >= 4);
    assert.deepEqual(own.filter((r) => !r.fromServiceWorker()).map((r) => r.url()), [], 'v1 files come from the worker');
    for (const text of await fetched()) assert.doesNotMatch(text, /v2/, 'no v2 file in a v1 page');
    assert.match(await p.textContent('[data-testid="update-notice"]'), /new version of NewsLens is ready/);
    const names = Object.keys(await controlled(p));
    assert.equal(names.length, 2, `v1 and the waiting v2 are cached apart: ${names}`);
    await shot(p, 'update-ready-1280');

    // Reload through the notice: the new worker takes over, the page is v2 throughout.
    responses.length = 0;
    const loaded = p.waitForEvent('load');
    await p.click('[data-action="update-reload"]');
    await loaded;
    await ready(p);
    await p.waitForSelector('meta[name="newslens-test-build"]', { state: 'attached' });
    for (const text of await fetched()) assert.match(text, /v2/);
    const after = Object.keys(await controlled(p));
    assert.equal(after.length, 1);
    assert.notEqual(after[0], v1Cache, 'the old version is gone');
    const stray = responses.filter((r) => new URL(r.url()).origin === new URL(env.url).origin && !r.fromServiceWorker());
    assert.deepEqual(stray.map((r) => r.url()), [], 'v2 files come from v2 cache');
    assert.equal(await p.textContent('[data-testid="update-notice"]'), '');
  } finally {
    await env.close();
    rmSync(v2, { recursive: true, force: true });
  }
});

test('a half-deployed server (files of two builds) is never installed', async () => {
  // The worker of a new build, but the old build's index.html: the install must fail and the
  // working version keep serving.
  const mixed = mkdtempSync(join(tmpdir(), 'newslens-mixed-'));
  cpSync(DIST, mixed, { recursive: true });
  writeFileSync(join(mixed, 'data/ATTRIBUTION.txt'), 'changed\n');
  execFileSync('node', [join(ROOT, 'scripts/sw.mjs'), mixed]);
  writeFileSync(join(mixed, 'data/ATTRIBUTION.txt'), readFileSync(join(DIST, 'data/ATTRIBUTION.txt')));
  const env = await open('/', { root: DIST });
  try {
    const p = await env.page({ serviceWorkers: 'allow' });
    await p.goto(env.url);
    await ready(p);
    await settled(p);
    const [v1Cache] = Object.keys(await controlled(p));
    env.server.setRoot(mixed);
    const failed = p.evaluate(() => new Promise((ok) => {
      navigator.serviceWorker.getRegistration().then((reg) => {
        reg.addEventListener('updatefound', () => {
          const w = reg.installing;
          w.addEventListener('statechange', () => w.state === 'redundant' && ok(true));
        });
        reg.update().catch(() => ok(false));
      });
    }));
    assert.equal(await failed, true, 'the mixed build was refused');
    assert.deepEqual(Object.keys(await controlled(p)), [v1Cache]);
    await p.reload();
    await ready(p);
    assert.equal(await p.textContent('[data-testid="update-notice"]'), '');
  } finally {
    await env.close();
    rmSync(mixed, { recursive: true, force: true });
  }
});
