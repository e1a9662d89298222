// Where one interaction's work goes, in the page (a measurement, not a test; BENCHMARKS.md,
// Twenty-second pass). Each of N samples, once the page is idle: the action's handler, then
// until the next task (Yew renders in a microtask), then style and layout forced at once, then
// the frame: from its animation-frame callback to a task after it (pre-paint, paint, layerise,
// commit). Medians and 95th percentiles of each, and of their sum ("work", as in bench.mjs).
//   node tests/e2e/interaction_split.mjs [N]                        # entity selection
//   ACT="document.querySelector('[data-toggle=\"PLACE\"]').click()" node tests/e2e/interaction_split.mjs
//   CSS=".kwic > li { content-visibility: auto }" node tests/e2e/interaction_split.mjs  # a style rule tried first
//   DIST=/tmp/dist-old node tests/e2e/interaction_split.mjs         # another build
// ACT is the body of a function of the sample's number `i`.
import { open, ready } from './harness.mjs';

const N = Number(process.argv[2] || 60);
const ACT = process.env.ACT || `const b = document.querySelectorAll('.pane-panel [data-entity] .entity-name'); b[i % 8].click()`;
const env = await open('/', process.env.DIST ? { root: process.env.DIST } : {});
// The action and the style rule are the measurer's own script and style, which the page's
// content security policy would refuse.
const p = await env.page({ bypassCSP: true });
await p.goto(env.url);
await ready(p);
await p.waitForSelector('.app[data-gazetteer="full"]');
if (process.env.CSS) await p.addStyleTag({ content: process.env.CSS });
const rows = await p.evaluate(async ([act, n]) => {
  const idle = () => new Promise((r) => requestIdleCallback(() => r()));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const channel = new MessageChannel();
  const task = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
  const run = new Function('i', act);
  const out = [];
  for (let i = 0; i < n; i++) {
    await idle();
    await idle();
    await frame();
    await task();
    const t0 = performance.now();
    run(i);
    const t1 = performance.now();
    await task();
    await task();
    const t2 = performance.now();
    void document.documentElement.offsetHeight;
    const t3 = performance.now();
    await frame();
    const t4 = performance.now();
    await task();
    const t5 = performance.now();
    out.push([t1 - t0, t2 - t1, t3 - t2, t5 - t4, (t3 - t0) + (t5 - t4)]);
  }
  return out;
}, [ACT, N]);
const q = (xs, f) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(f * xs.length))].toFixed(1);
['handler', 'to the next task', 'style and layout', 'frame', 'work'].forEach((k, j) => {
  const xs = rows.map((r) => r[j]);
  console.log(`${k}: median ${q(xs, 0.5)} ms, p95 ${q(xs, 0.95)} ms`);
});
await env.close();
