// How long the page works in its idle callbacks after one change in the reader (not a test;
// see BENCHMARKS.md, "Eighteenth pass"): each idle callback is timed from its start to the
// next task (the callback and the microtasks it starts, Yew's renders among them), with every
// view visited once, so that each kept part is in the page and refreshed at idle.
//   node tests/e2e/idle_cost.mjs [N]   (N generated articles restored first; default none)
import { open, ready } from './harness.mjs';
import { backupFile, restore } from './scale_restore.mjs';
const n = Number(process.argv[2] || 0);
const env = await open('/'); // DIST=/path/to/a/dist serves another build
// The changes below are code strings run in the page, which its CSP forbids.
const p = await env.page({ bypassCSP: true });
await p.addInitScript(() => {
  window.__idle = [];
  const ric = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (cb, o) => ric((d) => {
    const t0 = performance.now();
    const ch = new MessageChannel();
    ch.port1.onmessage = () => window.__idle.push([t0, performance.now() - t0]);
    ch.port2.postMessage(0);
    cb(d);
  }, o);
});
await p.goto(env.url);
await ready(p);
await p.waitForSelector('.app[data-gazetteer="full"]');
if (n > 0) await restore(p, backupFile(n), n);
await p.waitForSelector('.layout-compare', { state: 'attached', timeout: 60000 });
const idle = () => p.evaluate(async () => { for (let i = 0; i < 6; i++) await new Promise((r) => requestIdleCallback(r)); });
// Visit every view once, back to reading.
for (const v of ['compare', 'entities', 'places', 'read']) { await p.click(`[data-view="${v}"]`); await idle(); }
// The second article opened, so that the first is a hidden reader.
await p.locator('[data-article]').nth(1).click();
await idle();
const changes = {
  entity: (i) => `document.querySelectorAll('[data-entity] .entity-name')[${i} % 8].click()`,
  search: (i) => `const s = document.getElementById('search'); s.value = ${i} % 2 ? 'minister' : 'forces'; s.dispatchEvent(new InputEvent('input', { bubbles: true }))`,
  toggle: () => `document.querySelector('[data-toggle="PLACE"]').click()`,
};
for (const [name, change] of Object.entries(changes)) {
  const all = [];
  for (let i = 0; i < 4; i++) {
    await p.evaluate(() => { window.__idle = []; });
    await p.evaluate((a) => new Function(a)(), change(i));
    await idle();
    const got = await p.evaluate(() => window.__idle.map(([, d]) => d).filter((d) => d > 2));
    all.push(got.map((d) => d.toFixed(0)).join('+'));
  }
  console.log(`${n} articles, after ${name}: idle tasks over 2 ms: ${all.join(' | ')}`);
}
await env.close();
