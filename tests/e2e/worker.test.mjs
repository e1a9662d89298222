// End-to-end: large input is tagged in a web worker, with progress and a way to cancel (issue 7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, start } from './harness.mjs';
import { backup, corpus } from '../../scripts/scale/generate.mjs';

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

/** About 400 KB of realistic news text as one article. */
function bigArticle() {
  const parts = corpus(90, 7).map((a) => a.text);
  return `The long read: a year of reporting in one file\n\n${parts.join('\n')}`;
}

/** A short article to paste; it names places of the full gazetteer (Daquq, Tuz Khurmatu). */
const PASTED = 'Floods reach Daquq\n\nWater reached Daquq and Tuz Khurmatu on Monday, officials in Kirkuk said.';

/**
 * Pastes PASTED while the worker cannot answer and checks that the import is answered with
 * `why` (a regular expression's source) instead of "Reading the article…" for ever, that the
 * pasted text stays in the box, and that nothing was added.
 */
async function pastedWhileStopped(p, why) {
  await p.fill('[data-testid="import-text"]', PASTED);
  await p.click('[data-testid="import-submit"]');
  const message = await p.waitForSelector('[data-testid="import-message"].bad');
  assert.match(await message.textContent(), new RegExp(`stopped before it answered \\(${why}\\)\\. Nothing was added`));
  assert.equal(await p.inputValue('[data-testid="import-text"]'), PASTED, 'the pasted text stays in the box');
  assert.equal(await p.$$eval('[data-article^="user-"]', (els) => els.length), 0);
}

/**
 * Holds the page's requests to analyse an imported article (the first message to the worker
 * carrying its metadata; the import itself carries only the file) until `window.releaseAnalyses()`.
 */
function holdAnalyses() {
  const post = Worker.prototype.postMessage;
  const held = [];
  let holding = true;
  const marker = new TextEncoder().encode('imported by the user from');
  const carries = (bytes) => {
    outer: for (let i = 0; i + marker.length <= bytes.length; i++) {
      for (let j = 0; j < marker.length; j++) if (bytes[i + j] !== marker[j]) continue outer;
      return true;
    }
    return false;
  };
  Worker.prototype.postMessage = function (data, ...rest) {
    // A copy: the page frees a message's bytes once it has posted them (src/worker_codec.rs).
    if (holding && data instanceof Uint8Array && carries(data)) held.push([this, data.slice(), rest]);
    else post.call(this, data, ...rest);
  };
  window.releaseAnalyses = () => {
    holding = false;
    for (const [w, data, rest] of held.splice(0)) post.call(w, data, ...rest);
  };
}

test('a large article is tagged off the main thread, with progress, cancel and resume', async () => {
  const p = await env.page();
  // The worker reads the import, then analyses it. Hold its module first, then the request
  // to analyse, so that each step below happens while the next is pending, whatever the
  // machine's speed.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.context().route('**/newslens-worker_bg.wasm', async (route) => { await held; await route.continue(); });
  await p.addInitScript(holdAnalyses);
  await start(p, env);
  const text = bigArticle();
  assert.ok(text.length > 300_000, `${text.length} bytes`);
  await p.setInputFiles('[data-testid="import-file"]', {
    name: 'long-read.txt', mimeType: 'text/plain', buffer: Buffer.from(text),
  });
  // Until the worker has read it, the panel says so; nothing else changes.
  await p.waitForSelector('.import-message[role="status"]:has-text("Reading")');
  assert.equal(await p.$$eval('[data-article^="user-"]', (els) => els.length), 0);
  release();
  await p.waitForSelector('[data-testid="tagging-progress"]');
  // The article is listed and readable at once, as plain text, while the worker tags it.
  await p.waitForSelector('.reader[data-analysis="waiting"]');
  assert.match(await p.textContent('.reader h1'), /The long read/);
  assert.equal(await p.$$eval('.reader mark', (m) => m.length), 0);
  // The page answers while the analysis is pending: switching views works.
  await p.click('[data-view="entities"]');
  await p.waitForSelector('.entities-view');
  assert.ok(await p.isVisible('[data-testid="tagging-progress"]'), 'still pending after the view switch');
  assert.equal(await p.getAttribute('[data-testid="tagging-progress"]', 'data-total'), '1');
  await shot(p, 'worker-progress-1280');
  await p.click('[data-testid="tagging-cancel"]');
  await p.waitForSelector('[data-testid="tagging-cancelled"]');
  assert.match(await p.textContent('[data-testid="tagging-cancelled"]'), /1 article is shown without highlights/);
  await p.click('[data-view="read"]');
  await p.waitForSelector('.reader[data-analysis="waiting"]');
  await p.evaluate(() => window.releaseAnalyses());
  // Nothing is lost: the article stays, and "Analyse now" tags it after all.
  await p.click('[data-testid="tagging-resume"]');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  await p.waitForSelector('[data-testid="tagging-progress"]', { state: 'detached' });
  assert.deepEqual(env.errors, []);
});

test('reading the bundled articles starts no worker; moving to add an article starts it, with the full gazetteer', async () => {
  const p = await env.page();
  await start(p, env);
  // The bundled articles were analysed when the app was built: nothing to tag, so no worker
  // (and no second parse of the gazetteer) once the page has loaded everything it loads.
  await p.waitForLoadState('networkidle');
  assert.equal(p.workers().length, 0, 'no tagging worker for the bundled articles');
  // Focusing the box to paste an article starts it, before anything is submitted.
  const started = p.waitForEvent('worker');
  await p.focus('[data-testid="import-text"]');
  await started;
  assert.equal(p.workers().length, 1);
  await p.fill('[data-testid="import-text"]', PASTED);
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  assert.equal(p.workers().length, 1, 'one worker');
  // Every analysis, the new one included, was made with the full gazetteer.
  await p.waitForSelector('.app[data-gazetteer="full"]');
  assert.deepEqual(env.errors, []);
});

test('a worker that cannot start: the import and the analyses say so, nothing is lost, and the next try starts a new one', async () => {
  const p = await env.page();
  // The worker's module cannot be fetched (a partial deploy, a network gone mid-load).
  const failing = (route) => route.abort();
  await p.context().route('**/newslens-worker_bg.wasm', failing);
  await start(p, env);
  await pastedWhileStopped(p, 'its code could not be loaded: .+');
  // Restored articles are listed as text; the analyses the worker could not make are reported.
  const articles = corpus(3, 11);
  await p.setInputFiles('[data-testid="restore-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup(articles)) });
  const status = await p.waitForSelector('[data-testid="tagging-cancelled"][data-stopped="true"]');
  assert.match(await status.textContent(), /The worker that analyses articles stopped \(its code could not be loaded: .+\): 3 articles are shown without highlights/);
  assert.equal(await status.getAttribute('role'), 'alert');
  const listed = () => p.$eval('.article-list .count', (el) => Number(el.textContent));
  assert.equal(await listed(), 2 + 3);
  await shot(p, 'worker-stopped-1280');
  // Once the module can be fetched again, the next use starts a new worker: both succeed.
  await p.context().unroute('**/newslens-worker_bg.wasm', failing);
  await p.click('[data-testid="tagging-resume"]');
  await p.waitForSelector('[data-testid="tagging-cancelled"]', { state: 'detached', timeout: 60000 });
  await p.waitForSelector('[data-testid="tagging-progress"]', { state: 'detached', timeout: 60000 });
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('[data-testid="import-message"].ok');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  assert.equal(await listed(), 2 + 3 + 1);
  // The only errors are the failed fetches and the reports of the code not loading.
  const unexpected = env.errors.filter((e) => !/newslens-worker_bg\.wasm|its code could not be loaded|Failed to fetch|ERR_FAILED/.test(e));
  assert.deepEqual(unexpected, []);
  env.errors.length = 0;
});

test('a worker whose own script is missing: the import says so instead of waiting for ever, and the next try works', async () => {
  const p = await env.page();
  // A deploy that left out the worker's loader: the browser tells only the Worker object.
  const missing = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
  await p.context().route('**/worker-loader.js', missing);
  await start(p, env);
  await pastedWhileStopped(p, 'its script could not be fetched \\(HTTP 404\\)');
  // Once the script is there again, the next try starts a new worker and adds the article.
  await p.context().unroute('**/worker-loader.js', missing);
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('[data-testid="import-message"].ok');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  const unexpected = env.errors.filter((e) => !/worker-loader\.js|404/.test(e));
  assert.deepEqual(unexpected, []);
  env.errors.length = 0;
});

test('a worker that crashes mid-analysis: the article stays as text, the status says why, and "Analyse now" starts a new worker', { timeout: 120000 }, async () => {
  const p = await env.page();
  await p.addInitScript(holdAnalyses);
  const started = p.waitForEvent('worker');
  await start(p, env);
  await p.fill('[data-testid="import-text"]', PASTED);
  const worker = await started;
  await p.click('[data-testid="import-submit"]');
  // Read and listed; its analysis is held on the page, so the worker is busy with it as far
  // as the page knows.
  await p.waitForSelector('[data-testid="import-message"].ok');
  await p.waitForSelector('[data-testid="tagging-progress"]');
  // The worker's module traps (a panic), as a real crash would: outside any request, and
  // from then on fails on every message, as a module left mid-update would.
  const closed = new Promise((resolve) => worker.once('close', resolve));
  await worker.evaluate(() => {
    self.onmessage = () => { throw new Error('a message to a crashed worker'); };
    const trap = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 7, 5, 1, 1, 0x66, 0, 0, 0x0a, 5, 1, 3, 0, 0, 0x0b]);
    const f = new WebAssembly.Instance(new WebAssembly.Module(trap)).exports.f;
    setTimeout(f);
  });
  const status = await p.waitForSelector('[data-testid="tagging-cancelled"][data-stopped="true"]');
  assert.match(await status.textContent(), /stopped \(it crashed with RuntimeError: unreachable\): 1 article is shown without highlights/);
  await p.waitForSelector('.reader[data-analysis="waiting"]');
  // The crashed worker closed itself (its memory is freed); it was not left running, broken.
  await closed;
  assert.equal(p.workers().length, 0, 'the crashed worker is gone');
  await p.evaluate(() => window.releaseAnalyses());
  await p.click('[data-testid="tagging-resume"]');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  assert.equal(p.workers().length, 1, 'one new worker');
  const unexpected = env.errors.filter((e) => !/RuntimeError: unreachable/.test(e));
  assert.deepEqual(unexpected, []);
  env.errors.length = 0;
});

test('a worker idle for a minute is stopped (its memory freed); the next article starts a new one', { timeout: 120000 }, async () => {
  const p = await env.page();
  // The page's clock is Playwright's: it runs as usual until fast-forwarded below.
  await p.clock.install();
  await start(p, env);
  const started = p.waitForEvent('worker');
  await p.fill('[data-testid="import-text"]', PASTED);
  const worker = await started;
  const closed = new Promise((resolve) => worker.once('close', resolve));
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  assert.equal(p.workers().length, 1);
  // Not stopped while a minute has not passed since it was last used.
  await p.clock.fastForward(50_000);
  await p.fill('[data-testid="import-text"]', 'Rain in Erbil\n\nHeavy rain fell on Erbil and Sulaymaniyah on Tuesday, officials said.');
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.reader[data-analysis="done"] h1:has-text("Rain in Erbil")', { timeout: 60000 });
  await p.clock.fastForward(50_000);
  assert.equal(p.workers().length, 1, 'used 50 s ago: still running');
  await p.clock.fastForward(11_000);
  await closed;
  assert.equal(p.workers().length, 0, 'idle for a minute: stopped');
  // The next article starts a new worker, with the full gazetteer, and nothing was lost.
  const again = p.waitForEvent('worker');
  await p.fill('[data-testid="import-text"]', 'Talks in Baghdad\n\nOfficials in Kifri reported calm on Wednesday, ministers in Baghdad said.');
  await again;
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.reader[data-analysis="done"] h1:has-text("Talks in Baghdad")', { timeout: 60000 });
  // Kifri (30,000 people) is only in the full gazetteer.
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"][data-canonical="Kifri"]');
  assert.equal(await p.$eval('.article-list .count', (el) => Number(el.textContent)), 2 + 3);
  assert.deepEqual(env.errors, []);
});
