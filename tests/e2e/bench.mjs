// In-browser measurements of the built site (not a test; see BENCHMARKS.md): cold load,
// interaction latencies at the bundled corpus and the page's memory after them, and the same
// at scale. Commands:
//   node tests/e2e/bench.mjs                     # bundled corpus
//   node tests/e2e/bench.mjs --scale 1000,10000  # then again with N generated articles
//   node tests/e2e/bench.mjs --only entity,search # only the interactions whose names contain
//                                                 # one of these words (for A/B comparisons)
//   node tests/e2e/bench.mjs --samples            # also every sample's work, in order
//   node tests/e2e/bench.mjs --rounds 5           # the bundled interactions in 5 fresh pages,
//                                                 # then each one's samples pooled (a p95 of
//                                                 # 10 openings is in effect their slowest)
//   node tests/e2e/bench.mjs --scale 10000 --idle # at scale, also the memory once the idle
//                                                 # worker has stopped (a minute later)
//   node tests/e2e/bench.mjs --settled            # each action only once the page is
//                                                 # idle (its last action's deferred work done,
//                                                 # as at a reader's pace), not one frame after
//   node tests/e2e/bench.mjs --throttle 2         # the measured pages' CPU slowed down twice
//                                                 # over (Chromium's CPU throttling): a busy
//                                                 # hour on demand, for A/B comparisons
// At scale, N articles from scripts/scale/generate.mjs are restored from one backup file (the
// user's own import path), and it reports: time until all are analysed and listed, the engine's
// in-page throughput (measured in its web worker), every main-thread task over 50 ms meanwhile,
// peak memory of the page's renderer process (the page and its worker: proportional set size,
// so shared libraries count once), and the same interaction latencies.
// Serves dist/ on 127.0.0.1, drives headless Chromium, and prints medians and 95th
// percentiles of the time from a user action until the first paint after which the DOM no
// longer changes (a MutationObserver records changes, but not those inside a hidden part; a
// frame is awaited with requestAnimationFrame and a task after it, so style, layout and paint
// are included).
// With each interaction it prints, from Linux's schedstat of the page's renderer main thread,
// its CPU time per sample (the whole run of samples, the frames and tasks between them too,
// divided by their number) and the time it was ready to run but waited for a core: on this
// 2-core machine the browser's other processes and threads (raster, compositing) and other
// tenants take cores too, and the wait is the part of `work` the page itself did not cost.
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { open, ready, DIST } from './harness.mjs';
import { backupFile, restore } from './scale_restore.mjs';

const scaleArg = process.argv.indexOf('--scale');
const SCALES = scaleArg > 0 ? process.argv[scaleArg + 1].split(',').map(Number) : [];
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1].split(',') : null;
const SAMPLES = process.argv.includes('--samples'); // also print every sample, in order
const IDLE = process.argv.includes('--idle'); // at scale, wait for the idle worker to stop
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 1;
const SETTLED = process.argv.includes('--settled');
const throttleArg = process.argv.indexOf('--throttle');
const THROTTLE = throttleArg > 0 ? Number(process.argv[throttleArg + 1]) : 1;
/** Every sample of each bundled interaction (and direction), over the rounds. */
const pooled = new Map();
let pooling = true;

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

const beforeBundled = renderers();
/** Renderer processes before the measured page was made (its own is the busiest new one). */
let renderersBefore = new Set();
/** The measured page's renderer main thread: the busiest renderer started since
 * `measuredPage` (its main thread has the process's id); found at its first measurement. */
let mainThread = null;
/** A new page for interactions, its CPU slowed by `--throttle`. */
async function measuredPage() {
  renderersBefore = new Set(renderers().keys());
  mainThread = null;
  const page = await env.page();
  if (THROTTLE !== 1) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  }
  return page;
}
let p = await measuredPage();
await p.goto(env.url);
await ready(p);
await p.waitForSelector('.app[data-gazetteer="full"]');

/** Runs `action` in the page n times and prints two figures per sample:
 * - work: the main thread's time for the interaction, from the action until its DOM changes
 *   are done and laid out (style and layout forced synchronously), plus the paint of the next
 *   frame (its rAF callback until a task after it). Waiting for the display's next frame is not
 *   work and is not counted: work ≤ 16 ms means the change is on screen in the next frame.
 *   If the DOM still changes after that frame, the sample counts to the final paint instead.
 * - to paint: from the action until the first paint after which the DOM no longer changes
 *   (frames are awaited until one passes without a change), vsync waits included. */
async function measure(name, action, n = 30, parts = null, before = null) {
  if (ONLY && !ONLY.some((w) => name.includes(w))) return;
  const thread0 = mainThreadTimes();
  const samples = await p.evaluate(async ({ action, n, before, atRest }) => {
    const act = new Function('i', action);
    const prepare = before && new Function('i', before);
    const idle = () => new Promise((r) => requestIdleCallback(() => r()));
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const channel = new MessageChannel();
    const task = () => new Promise((r) => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
    const work = [];
    const paint = [];
    let last = 0;
    // A change inside a hidden kept part (re-rendered while the page is idle) is not seen,
    // and is not waited for.
    const visible = (r) => !(r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest('.kept-hidden');
    const observer = new MutationObserver((records) => { if (records.some(visible)) last = performance.now(); });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    for (let i = 0; i < n; i++) {
      if (prepare) {
        // Not measured: a change made before the action, and the idle time a user leaves
        // between the two (the browser's idle callbacks twice over).
        observer.disconnect();
        prepare(i);
        await idle();
        await idle();
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      if (atRest) {
        // The last action's deferred work (hidden parts re-rendered, the address written) done.
        await idle();
        await idle();
      }
      await frame();
      await task(); // after the frame's paint, before the next
      const t0 = performance.now();
      last = t0;
      act(i);
      for (let seen = NaN, k = 0; last !== seen && k < 100; k++) {
        seen = last;
        await task();
      }
      void document.documentElement.offsetHeight; // style and layout, now
      const laidOut = performance.now();
      const settled = last;
      await frame();
      const frameStart = performance.now();
      await task();
      let end = performance.now();
      const firstPaint = end;
      for (let seen = settled, k = 0; last !== seen && k < 100; k++) {
        seen = last;
        await frame();
        await task();
        end = performance.now();
      }
      work.push(end === firstPaint ? (laidOut - t0) + (end - frameStart) : end - t0);
      paint.push(end - t0);
    }
    observer.disconnect();
    return { work, paint };
  }, { action, n, before, atRest: SETTLED });
  const thread1 = mainThreadTimes();
  const perSample = (k) => ((thread1[k] - thread0[k]) / n).toFixed(1);
  const thread = thread0 && thread1 ? `; main thread per sample: ${perSample('cpu')} ms CPU, ${perSample('wait')} ms waiting for a core` : '';
  console.log(`${name}: work ${stats(samples.work)}; to paint ${stats(samples.paint)}${thread}`);
  const pool = (key, work, paint) => {
    if (!pooling) return;
    const all = pooled.get(key) ?? { work: [], paint: [] };
    all.work.push(...work);
    all.paint.push(...paint);
    pooled.set(key, all);
  };
  pool(name, samples.work, samples.paint);
  if (SAMPLES) console.log(`  work in order: ${samples.work.map((x) => x.toFixed(0)).join(' ')}`);
  // An action that alternates between two views also reports each direction on its own.
  parts?.forEach((part, k) => {
    const of = (xs) => xs.filter((_, i) => i % parts.length === k);
    console.log(`  ${part}: work ${stats(of(samples.work))}; to paint ${stats(of(samples.paint))}`);
    pool(`${name}: ${part}`, of(samples.work), of(samples.paint));
  });
}

async function interactions() {
// Every click opens the other of the first two listed articles, and the last the first again.
await measure('open another article', `document.querySelectorAll('[data-article]')[(i + 1) % 2].click()`);
await measure('label toggle (PLACE)', `document.querySelector('[data-toggle="PLACE"]').click()`);
await measure('entity selection', `const b = document.querySelectorAll('[data-entity] .entity-name'); b[i % 8].click()`);
await measure('search keystroke', `const s = document.getElementById('search'); s.value = i % 2 ? 'minister' : 'forces'; s.dispatchEvent(new InputEvent('input', { bubbles: true }))`);
await measure('open comparison view', `document.querySelector(i % 2 ? '[data-view="read"]' : '[data-view="compare"]').click()`, 20, ['opening it', 'back to reading']);
// The comparison, kept hidden, opened after a change in the read view: every other sample
// first switches the PLACE label there (not measured), which adds or removes marks in the
// comparison's two texts, and waits for the page to be idle, as a user would leave it for a
// moment; then it opens the comparison. The samples between go back.
await measure('open comparison after a label toggle', `document.querySelector(i % 2 ? '[data-view="read"]' : '[data-view="compare"]').click()`, 20,
  ['opening it', 'back to reading'], `if (i % 2 === 0) document.querySelector('[data-toggle="PLACE"]').click()`);
await measure('open place list', `document.querySelector(i % 2 ? '[data-view="read"]' : '[data-view="places"]').click()`, 20, ['opening it', 'back to reading']);
}
for (let round = 1; round <= ROUNDS; round++) {
  if (round > 1) {
    await p.context().close();
    p = await measuredPage();
    await p.goto(env.url);
    await ready(p);
    await p.waitForSelector('.app[data-gazetteer="full"]');
    console.log(`-- round ${round}, ${new Date().toISOString().slice(11, 16)} UTC`);
  }
  await interactions();
  // The bundled corpus needs no tagging worker: its memory is the page's alone.
  if (round === 1) console.log(`page renderer after these interactions: ${(pageKb(beforeBundled).pss / 1024).toFixed(0)} MB PSS, ${p.workers().length} worker(s)`);
}
if (ROUNDS > 1) {
  console.log(`\nbundled, every sample of the ${ROUNDS} rounds:`);
  for (const [name, all] of pooled) console.log(`${name}: work ${stats(all.work)}; to paint ${stats(all.paint)}`);
}
pooling = false;

/** Chromium's renderer processes that can host a page: pid → resident KB. The renderer of
 * Chromium's own interface (`--top-chrome-webui`, about 70 MB) starts with each browser
 * context too, but holds none of the page's memory, so it is left out. */
function renderers() {
  const out = execFileSync('ps', ['-eo', 'pid=,rss=,args='], { encoding: 'utf8' });
  return new Map(out.split('\n').filter((l) => l.includes('--type=renderer') && !l.includes('--top-chrome-webui')).map((l) => {
    const [pid, rss] = l.trim().split(/\s+/);
    return [Number(pid), Number(rss)];
  }));
}

/** CPU time and time spent runnable but waiting for a core (ms) of the measured page's main
 * thread so far (Linux `schedstat`), or null where there is none. The wait is time other
 * processes (the browser's own, the machine's other tenants) held both cores. */
function mainThreadTimes() {
  try {
    const read = (pid) => readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    if (mainThread === null) {
      const fresh = [...renderers().keys()].filter((pid) => !renderersBefore.has(pid));
      mainThread = fresh.sort((x, y) => read(y)[0] - read(x)[0])[0] ?? null;
    }
    if (mainThread === null) return null;
    const [cpu, wait] = read(mainThread);
    return { cpu: cpu / 1e6, wait: wait / 1e6 };
  } catch {
    return null;
  }
}

/** Proportional set size (KB) of a process: its private pages plus its share of shared ones. */
function pssKb(pid) {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))[1]);
  } catch {
    return 0; // gone
  }
}

/** Memory of the renderer processes started since `before` (the page's, which runs its
 * worker too): PSS in KB, and their resident total as `ps` shows it (shared pages counted in
 * full, as earlier figures in BENCHMARKS.md were). */
function pageKb(before) {
  const mine = [...renderers()].filter(([pid]) => !before.has(pid));
  return { pss: mine.reduce((n, [pid]) => n + pssKb(pid), 0), rss: mine.reduce((n, [, rss]) => n + rss, 0) };
}

for (const n of SCALES) {
  await p.context().close();
  const file = backupFile(n);
  const before = renderers();
  p = await measuredPage();
  await p.goto(env.url);
  await ready(p);
  await p.waitForSelector('.app[data-gazetteer="full"]');
  await p.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => { window.__long.push([e.startTime, e.duration]); }))
      .observe({ type: 'longtask', buffered: false });
  });
  const peak = { pss: 0, rss: 0 };
  const sample = () => {
    const now = pageKb(before);
    peak.pss = Math.max(peak.pss, now.pss);
    peak.rss = Math.max(peak.rss, now.rss);
  };
  sample();
  const sampler = setInterval(sample, 250);
  const pageT0 = await p.evaluate(() => performance.now());
  // Interactions are sampled once the restored articles are written to storage too.
  const { listed, analysed } = await restore(p, file, n);
  clearInterval(sampler);
  sample();
  const engine = await p.evaluate(() => {
    const a = document.querySelector('.app').dataset;
    return { bytes: Number(a.engineBytes), ms: Number(a.engineMs), mentions: Number(a.engineMentions) };
  });
  // Every main-thread task over 50 ms during the import, longest first, as start:duration in
  // ms since the backup was chosen.
  const long = await p.evaluate((start) => window.__long.map(([at, ms]) => [at - start, ms]), pageT0);
  long.sort((x, y) => y[1] - x[1]);
  const longest = long.length ? long[0][1] : 0;
  console.log(`\n${n} articles (${(engine.bytes / 1e6).toFixed(1)} MB): listed after ${listed} ms, all analysed after ${analysed} ms; longest main-thread task ${longest.toFixed(0)} ms; peak memory of the page's renderer ${(peak.pss / 1024).toFixed(0)} MB PSS (${(peak.rss / 1024).toFixed(0)} MB resident)`);
  console.log(`main-thread tasks over 50 ms while importing: ${long.length}${long.length ? ` (${long.slice(0, 8).map(([at, ms]) => `${ms.toFixed(0)} ms at ${(at / 1000).toFixed(1)} s`).join(', ')})` : ''}`);
  console.log(`engine in the page (web worker): ${(engine.bytes / 1e3 / engine.ms).toFixed(1)} MB/s, ${Math.round(engine.mentions / engine.ms * 1000)} mentions/s (${engine.bytes} B, ${engine.mentions} mentions in ${engine.ms.toFixed(0)} ms)`);
  await interactions();
  if (IDLE) {
    // The tagging worker stops after a minute without work (src/ui/tagger.rs, IDLE_STOP_MS).
    const settledKb = pageKb(before).pss;
    const worker = p.workers()[0];
    if (worker) await new Promise((resolve) => worker.once('close', resolve));
    // The worker's thread is gone; its pages go back to the system within a second or so.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stoppedKb = pageKb(before).pss;
    console.log(`page's renderer after these interactions: ${(settledKb / 1024).toFixed(0)} MB PSS with its worker, ${(stoppedKb / 1024).toFixed(0)} MB once the idle worker stopped`);
  }
}
await env.close();
