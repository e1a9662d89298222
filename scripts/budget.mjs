// Trunk post-build hook (after csp.mjs and sw.mjs): fails a release build whose first load is
// over issue 8's budget, 400,000 bytes gzipped (level 9) before the first highlighted article.
// The first load is index.html and every file it names: the style sheet, the icon, the page's
// JavaScript and its WebAssembly. The tagging worker, the gazetteer and the service worker come
// later and are not counted. The end-to-end test `first load stays within the size budget`
// (tests/e2e/app.test.mjs) measures the same from the files the browser actually fetched.
//
// Usage: run by Trunk (TRUNK_STAGING_DIR, release builds only: a debug build's module is
// several times larger), or `node scripts/budget.mjs DIR` on a built site. A profiling build
// (names kept, no wasm-opt; see BENCHMARKS.md) is not a site to ship: build it with
// `NEWSLENS_BUDGET=off` in the environment, and the check says it was skipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Bytes, gzipped at level 9, that the first load may transfer. */
export const FIRST_LOAD_BUDGET = 400_000;

/**
 * The files of the built site in `dir` that the first load needs, each with its gzipped size.
 * @param {string} dir the site's directory (with index.html)
 * @returns {{ file: string, gzipped: number }[]}
 */
export function firstLoad(dir) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = new Set();
  // Links to the site's own files (style sheet, icon, module preload, wasm preload) and the
  // loader's import and module_or_path; addresses are relative ("./x") under public_url "./".
  // (quoted or not: a minified page drops the quotes).
  for (const m of html.matchAll(/<link\b[^>]*\bhref="?\.\/([^"\s>#?]+)/g)) named.add(m[1]);
  for (const m of html.matchAll(/(?:from|module_or_path:)\s*'\.\/([^'#?]+)'/g)) named.add(m[1]);
  return ['index.html', ...named].map((file) => ({
    file,
    gzipped: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length,
  }));
}

function main() {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('budget.mjs: give the site directory, or run it as a Trunk post_build hook');
    process.exit(1);
  }
  if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') return;
  if (process.env.NEWSLENS_BUDGET === 'off') {
    console.log('budget.mjs: skipped (NEWSLENS_BUDGET=off: a build not to ship)');
    return;
  }
  const files = firstLoad(dir);
  const total = files.reduce((n, f) => n + f.gzipped, 0);
  const list = files.map((f) => `${f.file} ${f.gzipped} B`).join(', ');
  if (total > FIRST_LOAD_BUDGET) {
    console.error(`budget.mjs: the first load is ${total} B gzipped, over the ${FIRST_LOAD_BUDGET} B budget (${list})`);
    process.exit(1);
  }
  console.log(`budget.mjs: first load ${total} B gzipped of ${FIRST_LOAD_BUDGET} B (${list})`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
