// In-browser measurements of the built site (not a test; see BENCHMARKS.md):
//   node tests/e2e/bench.mjs
// Serves dist/ on 127.0.0.1, drives headless Chromium, and prints medians and 95th
// percentiles of the time from a user action until Yew's last DOM change for it (recorded by a
// MutationObserver; Yew renders in microtasks, so a following macrotask sees them all; style,
// layout and paint are not included).
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, ready, DIST } from './harness.mjs';

const env = await open('/');
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms (n=${s.length})`;
};

// Cold load: navigation to the first highlighted article, and the bytes it needed.
const loads = [];
let bytes = 0;
for (let i = 0; i < 5; i++) {
  const p = await env.page();
  const files = new Set();
  p.on('response', (r) => files.add(new URL(r.url()).pathname));
  await p.route('**/data/**', (route) => route.abort());
  const t0 = Date.now();
  await p.goto(env.url);
  await p.waitForSelector('.reader mark[data-label]');
  loads.push(Date.now() - t0);
  bytes = [...files].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f.slice(1) || 'index.html')), { level: 9 }).length, 0);
  await p.context().close();
}
console.log(`cold load to first highlighted article: ${stats(loads)}; ${bytes} B gzipped transferred`);

const p = await env.page();
await p.goto(env.url);
await ready(p);
await p.waitForSelector('.app[data-gazetteer="full"]');

/** Runs `action` in the page n times; each sample is action → last DOM mutation it caused. */
async function measure(name, action, n = 30) {
  const samples = await p.evaluate(async ({ action, n }) => {
    const act = new Function('i', action);
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const out = [];
    let last = 0;
    const observer = new MutationObserver(() => { last = performance.now(); });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    for (let i = 0; i < n; i++) {
      await frame();
      const t0 = performance.now();
      last = t0;
      act(i);
      await new Promise((r) => setTimeout(r, 0));
      out.push(last - t0);
    }
    observer.disconnect();
    return out;
  }, { action, n });
  console.log(`${name}: ${stats(samples)}`);
}

await measure('label toggle (PLACE)', `document.querySelector('[data-toggle="PLACE"]').click()`);
await measure('entity selection', `const b = document.querySelectorAll('[data-entity] .entity-name'); b[i % 8].click()`);
await measure('search keystroke', `const s = document.getElementById('search'); s.value = i % 2 ? 'Kirkuk' : 'Kirku'; s.dispatchEvent(new InputEvent('input', { bubbles: true }))`);
await measure('open comparison view', `document.querySelector(i % 2 ? '[data-view="read"]' : '[data-view="compare"]').click()`, 20);
await measure('open place list', `document.querySelector(i % 2 ? '[data-view="read"]' : '[data-view="places"]').click()`, 20);
await env.close();
