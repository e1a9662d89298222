// The entity engine's own speed inside headless Chromium (not a test; see BENCHMARKS.md):
//   node tests/e2e/engine_bench.mjs
// Builds examples/engine_speed (the engine behind an exported `analyse`: boilerplate,
// paragraphs and tagging, as Document::analyse does for the app) for wasm32 with the tagging
// worker's profile and wasm-opt level, serves it with a bare page on 127.0.0.1, and times
// `analyse` inside the page with performance.now(), with the compiled-in core gazetteer and
// then with the full one (www/data/gazetteer.tsv, as the worker tags once it has it):
//   - the bundled articles one by one, round after round (the app's per-article path);
//   - the bench text as one document (the bundled articles repeated to 1 MiB, the text of
//     `cargo bench --bench engine -- engine/tag`).
// Each figure is the best and the median of 15 rounds, in MB/s (10^6 bytes) of UTF-8 text,
// the copy of each text into the module included. The app's figure ("engine in the page" in
// bench.mjs) adds place resolution and the wire form, on generated articles.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, ROOT } from './harness.mjs';

const OUT = join(ROOT, 'target', 'engine-bench');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
run('cargo', ['build', '--profile', 'worker', '--target', 'wasm32-unknown-unknown', '--example', 'engine_speed']);
const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
mkdirSync(OUT, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--out-dir', OUT, join(target, 'wasm32-unknown-unknown', 'worker', 'examples', 'engine_speed.wasm')]);
// The flags index.html gives wasm-opt for the worker.
run('wasm-opt', ['-O3', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--enable-simd',
  join(OUT, 'engine_speed_bg.wasm'), '-o', join(OUT, 'engine_speed_bg.wasm')]);
writeFileSync(join(OUT, 'index.html'), `<!doctype html><meta charset="utf-8"><title>engine bench</title>
<link rel="icon" href="data:,">
<script type="module">import init, { analyse, use_gazetteer } from './engine_speed.js'; await init(); Object.assign(window, { analyse, use_gazetteer }); window.ready = true;</script>`);
copyFileSync(join(ROOT, 'www', 'data', 'gazetteer.tsv'), join(OUT, 'gazetteer.tsv'));

const manifest = readFileSync(join(ROOT, 'www', 'corpus', 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const articles = manifest.map((m) => ({ text: readFileSync(join(ROOT, 'www', 'corpus', m.file), 'utf8'), published: m.published ?? null }));
const one = articles.map((a) => `${a.text}\n`).join('');
let benchText = '';
while (Buffer.byteLength(benchText) < 1 << 20) benchText += one;

const env = await open('/', { root: OUT });
const p = await env.page();
await p.goto(env.url);
await p.waitForFunction(() => window.ready === true);
const measure = () => p.evaluate(({ articles, benchText }) => {
  const bytes = (s) => new TextEncoder().encode(s).length;
  const rounds = (n, body) => {
    const ms = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      body();
      ms.push(performance.now() - t0);
    }
    return ms.sort((a, b) => a - b);
  };
  const articleBytes = articles.reduce((n, a) => n + bytes(a.text), 0);
  // Articles: enough passes over the bundled ones per round to tag about 1 MiB.
  const passes = Math.ceil((1 << 20) / articleBytes);
  let mentions = 0;
  const perArticle = rounds(15, () => {
    for (let k = 0; k < passes; k++) for (const a of articles) mentions += window.analyse(a.text, a.published);
  });
  const whole = rounds(15, () => { mentions += window.analyse(benchText, '2017-10-17'); });
  return {
    articleBytes: articleBytes * passes, perArticle, benchBytes: bytes(benchText), whole,
    mentionsPerPass: articles.reduce((n, a) => n + window.analyse(a.text, a.published), 0),
  };
}, { articles, benchText });
const mbs = (b, ms) => (b / 1e3 / ms).toFixed(1);
for (const gazetteer of ['core', 'full']) {
  if (gazetteer === 'full') {
    const installed = await p.evaluate(async () => window.use_gazetteer(await (await fetch('gazetteer.tsv')).text()));
    if (!installed) throw new Error('the full gazetteer was not installed');
  }
  const r = await measure();
  console.log(`${gazetteer} gazetteer: bundled articles one by one (${r.articleBytes} B per round, ${r.mentionsPerPass} mentions per pass): best ${mbs(r.articleBytes, r.perArticle[0])} MB/s, median ${mbs(r.articleBytes, r.perArticle[7])} MB/s`);
  console.log(`${gazetteer} gazetteer: bench text as one document (${r.benchBytes} B): best ${mbs(r.benchBytes, r.whole[0])} MB/s, median ${mbs(r.benchBytes, r.whole[7])} MB/s`);
}
console.log(`errors: ${JSON.stringify(env.errors)}`);
await env.close();
