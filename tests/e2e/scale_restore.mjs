// N generated articles (scripts/scale/generate.mjs) restored into a page through the user's
// own restore path: shared by the scripts that measure at scale (bench.mjs, idle_cost.mjs).
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';
import { corpus, backup } from '../../scripts/scale/generate.mjs';

/** Writes a backup file of `n` generated articles under target/scale/ and returns its path. */
export function backupFile(n) {
  const dir = join(ROOT, 'target', 'scale');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `backup-${n}.json`);
  writeFileSync(file, backup(corpus(n)));
  return file;
}

/** Restores `file` (of `n` articles) into page `p` and waits until they are listed, analysed
 * and written to storage. Returns the milliseconds from choosing the file until listed and
 * until analysed. */
export async function restore(p, file, n) {
  const t0 = Date.now();
  await p.setInputFiles('[data-testid="restore-file"]', file);
  await p.waitForFunction((n) => Number(document.querySelector('.article-list .count')?.textContent) >= n + 2, n, { timeout: 600000, polling: 100 });
  const listed = Date.now() - t0;
  await p.waitForSelector('.app[data-gazetteer="full"]', { timeout: 600000, polling: 500 });
  const analysed = Date.now() - t0;
  await p.waitForSelector('[data-testid="storage-status"][data-pending="0"]', { timeout: 600000 });
  return { listed, analysed };
}
