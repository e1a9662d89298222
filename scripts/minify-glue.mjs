// Trunk post-build hook (release builds): minifies the page's wasm-bindgen glue with terser,
// which Trunk's own minifier (minify-js) fails to parse and leaves as it is, and updates its
// Subresource Integrity hash in index.html to match. Runs before csp.mjs, sw.mjs and
// budget.mjs, so that the service worker and the size check see the final file.
// Usage: node scripts/minify-glue.mjs [DIR] (default: Trunk's staging directory).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';

/**
 * Minifies the glue module that `dir`/index.html imports and rewrites the integrity hash of
 * its link. Returns the glue's file name and its size before and after, in bytes.
 * @param {string} dir the built site's directory
 */
export async function minifyGlue(dir) {
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  const glue = /import init[^'"]*from\s*'\.\/([^'#?]+\.js)'/.exec(html)?.[1];
  if (!glue) throw new Error('no glue module imported by index.html');
  const source = readFileSync(join(dir, glue), 'utf8');
  // A module: its exports keep their names; the wasm's imports are object keys, never mangled.
  const out = await minify(source, { module: true, compress: true, mangle: true });
  if (!out.code) throw new Error(`terser returned nothing for ${glue}`);
  writeFileSync(join(dir, glue), out.code);
  const integrity = `sha384-${createHash('sha384').update(out.code).digest('base64')}`;
  // Trunk adds an integrity hash to the glue's modulepreload link; keep it true, or the
  // browser refuses the module.
  let stale = 0;
  const updated = html.replace(/<link\b[^>]*>/g, (tag) => {
    if (!tag.includes(`./${glue}`)) return tag;
    return tag.replace(/\bintegrity=("?)sha[0-9]+-[A-Za-z0-9+/=]+\1/, () => {
      stale += 1;
      return `integrity="${integrity}"`;
    });
  });
  if (!stale && /\bintegrity=/.test(html)) throw new Error(`no integrity attribute found for ${glue}`);
  writeFileSync(page, updated);
  return { glue, before: Buffer.byteLength(source), after: Buffer.byteLength(out.code) };
}

async function main() {
  const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error('minify-glue.mjs: no directory (run it as a Trunk post_build hook, or pass one)');
    process.exit(1);
  }
  // A debug build keeps readable glue.
  if (!process.argv[2] && process.env.TRUNK_PROFILE !== 'release') return;
  try {
    const { glue, before, after } = await minifyGlue(dir);
    console.log(`minify-glue.mjs: ${glue} ${before} → ${after} B`);
  } catch (e) {
    console.error(`minify-glue.mjs: ${e.message}`);
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
