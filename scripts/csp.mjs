// Trunk post-build hook: adds a Content-Security-Policy to the built index.html that allows
// only what the app needs: its own files, WebAssembly compilation ('wasm-unsafe-eval', not
// 'unsafe-eval'), and the one inline module script Trunk emits, by its SHA-256 hash.
// Style attributes are allowed (the comparison's overlap bars set widths); style sheets and
// everything else come from the site itself. Runs in Trunk's staging directory.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)');
  process.exit(1);
}
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
// Release builds are minified (attribute quotes dropped), debug builds are not.
const scripts = [...html.matchAll(/<script(?: type="?module"?)?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error('csp.mjs: no inline script found in index.html');
  process.exit(1);
}
const hashes = scripts.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
const charset = /<meta charset="?utf-8"?(?: \/)?>/i;
if (!charset.test(html)) {
  console.error('csp.mjs: no <meta charset="utf-8"> in index.html to put the policy after');
  process.exit(1);
}
writeFileSync(file, html.replace(charset, (m) => `${m}\n    ${meta}`));
console.log(`csp.mjs: policy with ${hashes.length} script hash(es) added`);
