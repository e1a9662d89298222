// End-to-end: large input is tagged in a web worker, with progress and a way to cancel (issue 7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, start } from './harness.mjs';
import { corpus } from '../../scripts/scale/generate.mjs';

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

/** About 400 KB of realistic news text as one article. */
function bigArticle() {
  const parts = corpus(90, 7).map((a) => a.text);
  return `The long read: a year of reporting in one file\n\n${parts.join('\n')}`;
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
    if (holding && data instanceof Uint8Array && carries(data)) held.push([this, data, rest]);
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
  await p.fill('[data-testid="import-text"]', 'Floods reach Daquq\n\nWater reached Daquq and Tuz Khurmatu on Monday, officials in Kirkuk said.');
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.reader[data-analysis="done"] mark[data-label="PLACE"]', { timeout: 60000 });
  assert.equal(p.workers().length, 1, 'one worker');
  // Every analysis, the new one included, was made with the full gazetteer.
  await p.waitForSelector('.app[data-gazetteer="full"]');
  assert.deepEqual(env.errors, []);
});
