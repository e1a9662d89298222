// The release build's size check (scripts/budget.mjs, a Trunk post_build hook): a first load
// over 400,000 B gzipped fails the build with a message naming the files; one within passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_LOAD_BUDGET } from '../../scripts/budget.mjs';

const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'budget.mjs');

/** A site whose index.html loads `app_bg.wasm` of `size` random (incompressible) bytes, the
 * way Trunk's index.html does, and names an icon; runs the check as Trunk would. */
function build(size, profile = 'release', extra = { NEWSLENS_BUDGET: '' }, icon = '<link rel="icon" href="./icon.png"/>') {
  const dir = mkdtempSync(join(tmpdir(), 'budget-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html>${icon}
<script type="module">import init from './app.js'; await init({ module_or_path: './app_bg.wasm' });</script>`);
  writeFileSync(join(dir, 'icon.png'), 'png');
  writeFileSync(join(dir, 'app.js'), 'export default async function init() {}');
  writeFileSync(join(dir, 'app_bg.wasm'), randomBytes(size));
  writeFileSync(join(dir, 'not-loaded.wasm'), randomBytes(FIRST_LOAD_BUDGET));
  const run = spawnSync('node', [SCRIPT], { env: { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile, ...extra }, encoding: 'utf8' });
  rmSync(dir, { recursive: true });
  return run;
}

test('a release build over the first-load budget fails, naming what it counted', () => {
  const run = build(FIRST_LOAD_BUDGET);
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /first load is \d+ B gzipped, over the 400000 B budget \(index\.html \d+ B, icon\.png \d+ B, app\.js \d+ B, app_bg\.wasm \d+ B\)/);
});

test('a release build within the budget passes; files the page does not name are not counted', () => {
  const run = build(FIRST_LOAD_BUDGET / 2);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /first load \d+ B gzipped of 400000 B/);
  assert.doesNotMatch(run.stdout, /not-loaded/);
});

test('a minified page (attributes unquoted) has the same files counted', () => {
  const run = build(FIRST_LOAD_BUDGET, 'release', { NEWSLENS_BUDGET: '' }, '<link href=./icon.png rel=icon>');
  assert.equal(run.status, 1, run.stdout + run.stderr);
  assert.match(run.stderr, /\(index\.html \d+ B, icon\.png \d+ B, app\.js \d+ B, app_bg\.wasm \d+ B\)/);
});

test('a debug build is not checked (its module is unoptimised)', () => {
  const run = build(FIRST_LOAD_BUDGET, 'debug');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout + run.stderr, '');
});

test('a profiling build (NEWSLENS_BUDGET=off) is let through, and says so', () => {
  const run = build(FIRST_LOAD_BUDGET, 'release', { NEWSLENS_BUDGET: 'off' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /skipped \(NEWSLENS_BUDGET=off/);
});
