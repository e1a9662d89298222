// The browser's own cost of showing a view again, with no script at all (not a test; see
// BENCHMARKS.md, "Twelfth pass"). At the bundled corpus, in the read view, each part of the
// page is taken out of the document and put back 15 times; each sample is the bench's "work"
// (bench.mjs): from the change, through style and layout forced at once, plus the paint of
// the next frame. For the whole layout it also measures two ways of keeping a view in the
// page while another shows: `display: none` and `content-visibility: hidden` (the latter
// keeps the view's layout, so showing it again is cheap).
//   node tests/e2e/view_floor.mjs
import { open, ready } from './harness.mjs';

const env = await open('/');
const p = await env.page();
await p.goto(env.url);
await ready(p);
await p.waitForSelector('.app[data-gazetteer="full"]');

const PARTS = ['.layout', 'main.main', '.panel', '.article-list', '.legend'];
const results = await p.evaluate(async (parts) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const channel = new MessageChannel();
  const task = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  const settle = async () => { await frame(); await task(); await frame(); await task(); };
  /** One sample: `change()`, style and layout at once, then the next frame's paint. */
  const work = async (change) => {
    const t0 = performance.now();
    change();
    void document.documentElement.offsetHeight;
    const laidOut = performance.now();
    await frame();
    const frameStart = performance.now();
    await task();
    return laidOut - t0 + (performance.now() - frameStart);
  };
  const out = {};
  for (const selector of parts) {
    const el = document.querySelector(selector);
    const parent = el.parentNode;
    const next = el.nextSibling;
    out[`${selector} put back`] = [];
    if (selector === '.layout') {
      out[`${selector} display: none → shown`] = [];
      out[`${selector} content-visibility: hidden → shown`] = [];
    }
    for (let i = 0; i < 15; i++) {
      el.remove();
      await settle();
      out[`${selector} put back`].push(await work(() => parent.insertBefore(el, next)));
      if (selector !== '.layout') continue;
      el.style.display = 'none';
      await settle();
      out[`${selector} display: none → shown`].push(await work(() => { el.style.display = ''; }));
      el.style.contentVisibility = 'hidden';
      await settle();
      out[`${selector} content-visibility: hidden → shown`].push(await work(() => { el.style.contentVisibility = ''; }));
    }
  }
  out.elements = Object.fromEntries(parts.map((s) => [s, document.querySelector(s).querySelectorAll('*').length]));
  return out;
}, PARTS);

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f) => s[Math.min(s.length - 1, Math.floor(f * s.length))].toFixed(1);
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms (n=${s.length})`;
};
for (const [what, samples] of Object.entries(results)) {
  if (what === 'elements') continue;
  const selector = what.split(' ')[0];
  console.log(`${what} (${results.elements[selector]} elements): ${stats(samples)}`);
}
await env.close();
