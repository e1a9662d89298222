// How long an import takes to show, now that the tagging worker reads it (not a test; see
// BENCHMARKS.md, "Thirteenth pass"). Each sample opens the app afresh, pastes a news article
// into the box (focusing the box starts the worker, as a user's paste does) and clicks "Add
// pasted text"; it reports the time from the click to the "Added" message, and to the
// article's first highlight. "warm" is a second article pasted in the same page.
//   node tests/e2e/import_latency.mjs [samples, default 9]
import { open, start } from './harness.mjs';
import { corpus } from '../../scripts/scale/generate.mjs';

const samples = Number(process.argv[2] ?? 9);
const env = await open('/');
const texts = corpus(2 * samples, 11).map((a) => a.text);
const rows = { 'cold: listed': [], 'cold: highlighted': [], 'warm: listed': [], 'warm: highlighted': [] };

async function add(p, text) {
  await p.fill('[data-testid="import-text"]', text);
  const mine = () => p.$$eval('[data-article^="user-"]', (els) => els.map((e) => e.dataset.article));
  const known = await mine();
  const before = known.length;
  const t0 = await p.evaluate(() => {
    const t = performance.now();
    document.querySelector('[data-testid="import-submit"]').click();
    return t;
  });
  const listed = await p.evaluate(async ([n, t0]) => {
    while (document.querySelectorAll('[data-article^="user-"]').length <= n
      || !/Added/.test(document.querySelector('[data-testid="import-message"]')?.textContent ?? '')) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now() - t0;
  }, [before, t0]);
  const id = (await mine()).find((a) => !known.includes(a));
  await p.click(`[data-article="${id}"]`);
  const highlighted = await p.evaluate(async (t0) => {
    while (!document.querySelector('.reader[data-analysis="done"] mark[data-label]')) {
      await new Promise((r) => requestAnimationFrame(r));
    }
    return performance.now() - t0;
  }, t0);
  return [listed, highlighted];
}

for (let i = 0; i < samples; i++) {
  const p = await env.page();
  await start(p, env);
  await p.waitForSelector('.app[data-gazetteer="full"]');
  const [l1, h1] = await add(p, texts[2 * i]);
  rows['cold: listed'].push(l1);
  rows['cold: highlighted'].push(h1);
  const [l2, h2] = await add(p, texts[2 * i + 1]);
  rows['warm: listed'].push(l2);
  rows['warm: highlighted'].push(h2);
  await p.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of Object.entries(rows)) {
  console.log(`${name.padEnd(18)} median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms (${xs.length} samples)`);
}
await env.close();
