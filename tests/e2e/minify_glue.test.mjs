// The release build's glue minifier (scripts/minify-glue.mjs, a Trunk post_build hook): the
// page's module gets smaller, still exports what the loader imports, and its integrity hash
// in index.html is the new file's, or the browser would refuse it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minifyGlue } from '../../scripts/minify-glue.mjs';

const GLUE = `let wasm;
function passStringToWasm(argument, malloc) { const encoded = new TextEncoder().encode(argument); const pointer = malloc(encoded.length); return pointer; }
export function greet(name) { const longVariableName = 'Hello, ' + name; return longVariableName; }
export default async function __wbg_init(options) { wasm = options; return passStringToWasm; }
`;
const sri = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

/** A site like Trunk's release output (minified page, unquoted attributes). */
function site() {
  const dir = mkdtempSync(join(tmpdir(), 'glue-'));
  writeFileSync(join(dir, 'app-1.js'), GLUE);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><link href=./style.css integrity=sha384-STYLEHASH rel=stylesheet>`
    + `<script type=module>import init, * as bindings from './app-1.js';\nawait init({ module_or_path: './app-1_bg.wasm' });</script>`
    + `<link crossorigin href=./app-1.js integrity=${sri(GLUE)} rel=modulepreload>`);
  return dir;
}

test('the glue is minified, keeps its exports, and its integrity hash follows it', async () => {
  const dir = site();
  try {
    const { glue, before, after } = await minifyGlue(dir);
    assert.equal(glue, 'app-1.js');
    const code = readFileSync(join(dir, glue), 'utf8');
    assert.ok(after < before && code.length === after, `${before} → ${after} B`);
    assert.doesNotMatch(code, /longVariableName/, 'local names are shortened');
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.ok(html.includes(`integrity="${sri(code)}"`), 'the glue link carries the new hash');
    assert.ok(html.includes('integrity=sha384-STYLEHASH'), 'other links are untouched');
    const module = await import(pathToFileURL(join(dir, glue)).href);
    assert.equal(module.greet('Kirkuk'), 'Hello, Kirkuk');
    assert.equal(typeof module.default, 'function');
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('a page that imports no glue is an error, not a silent pass', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'glue-'));
  try {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>no module</title>');
    await assert.rejects(minifyGlue(dir), /no glue module/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
