// The main thread's time in each of four openings of a view after load (not a test; see
// BENCHMARKS.md, "Eighteenth pass"), from a Chromium trace: script, style (and the number of
// elements restyled), layout, pre-paint, paint (and raster, on other threads). The view is
// built ahead, hidden, before the first.
//   node tests/e2e/trace_open.mjs [compare|places|entities]   (DIST=… serves another build)
import { open, ready } from './harness.mjs';
const view = process.argv[2] || 'compare';
const env = await open('/');
const p = await env.page();
await p.goto(env.url); await ready(p);
await p.waitForSelector('.app[data-gazetteer="full"]');
await p.waitForSelector(`.kept-hidden.layout-compare`, { state: 'attached', timeout: 30000 });
await p.waitForSelector(`.kept-hidden.pane-places`, { state: 'attached', timeout: 30000 });
const idle = () => p.evaluate(async () => { for (let i = 0; i < 4; i++) await new Promise((r) => requestIdleCallback(r)); });
await idle();
const cdp = await p.context().newCDPSession(p);
for (let round = 0; round < 4; round++) {
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await p.evaluate(async (view) => {
    performance.mark('t0');
    document.querySelector(`[data-view="${view}"]`).click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  }, view);
  await cdp.send('Tracing.end');
  await done;
  cdp.removeAllListeners('Tracing.dataCollected');
  const main = events.filter((e) => e.ph === 'X' && e.dur);
  const sum = (names) => main.filter((e) => names.includes(e.name)).reduce((n, e) => n + e.dur, 0) / 1000;
  // Elements restyled: a whole view restyled on showing is a sign of its style depending on
  // something that changed while it was hidden (as `inert` did; BENCHMARKS.md, Nineteenth pass).
  const restyled = main.filter((e) => e.name === 'UpdateLayoutTree').reduce((n, e) => n + (e.args?.elementCount ?? 0), 0);
  console.log(`${view} opening ${round + 1}: script ${sum(['FunctionCall', 'EventDispatch', 'RunMicrotasks']).toFixed(1)}, style ${sum(['UpdateLayoutTree']).toFixed(1)} (${restyled} elements), layout ${sum(['Layout']).toFixed(1)}, prepaint ${sum(['PrePaint']).toFixed(1)}, paint ${sum(['Paint']).toFixed(1)}, layerize ${sum(['Layerize']).toFixed(1)}, commit ${sum(['Commit']).toFixed(1)}, raster ${sum(['RasterTask']).toFixed(1)}`);
  await p.click('[data-view="read"]');
  await idle();
}
await env.close();
