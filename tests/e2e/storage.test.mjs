// End-to-end: faults in the browser's stored data (issue 9). Records are written straight into
// the app's IndexedDB, as an older or newer NewsLens, a crash or a broken disk would leave them;
// the app must start, keep and show every readable item, say what it could not read and why,
// offer the raw records for export, and never delete or overwrite one.
// (Storage disabled or full from the start: tests/e2e/import.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, shot, ready, settled, SHOTS, start } from './harness.mjs';

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

const FIRST = '000_d9b921036b694c82';
const SECOND = '002_08ae971f51795d28';
const meta = (id, title) => ({ id, file: `${id}.txt`, title, outlet: 'Test Wire', certainty: 'user', evidence: 'test' });
const TEXT = 'Protesters gathered in Basra on Friday, and the governor of Basra promised clean water.';

// Records any JSON can carry, written as they are.
const RECORDS = {
  articles: [
    { version: 1, meta: meta('user-current', 'A current record'), text: TEXT, added_at: '2026-11-20T10:00:00.000Z' },
    // Written before records had versions: no `version`, no `added_at`.
    { meta: meta('user-old', 'An older record'), text: `Older. ${TEXT}` },
    { version: 2, meta: { id: 'user-newer', title: 'From a newer NewsLens' }, body: { parts: ['Text in a format to come.'] } },
    { version: 1, meta: meta('user-no-text', 'Cut short'), added_at: '2026-11-20T10:00:00.000Z' },
    { version: 1, meta: meta('user-wrong-type', 'Text is a number'), text: 42, added_at: '2026-11-20T10:00:00.000Z' },
  ],
  corrections: [
    { version: 9, article: FIRST, items: [{ op: 'rewrite_history', at: 3 }] },
    { version: 1, article: SECOND, items: [{ op: 'remove_mention', span: { start: 0, end: 4 } }, { op: 'teleport', span: { start: 0, end: 4 } }] },
  ],
};

/** Every record of both stores, key and value, as the page sees them. */
const dump = (p) => p.evaluate(() => new Promise((ok, fail) => {
  const req = indexedDB.open('newslens');
  req.onerror = () => fail(req.error);
  req.onsuccess = () => {
    const db = req.result;
    const tx = db.transaction(['articles', 'corrections']);
    const out = {};
    for (const store of ['articles', 'corrections']) {
      const keys = tx.objectStore(store).getAllKeys();
      const values = tx.objectStore(store).getAll();
      values.onsuccess = () => { out[store] = keys.result.map((k, i) => [k, values.result[i]]); };
    }
    tx.oncomplete = () => { db.close(); ok(out); };
    tx.onerror = () => fail(tx.error);
  };
}));

test('older, newer, corrupt and odd records: the app keeps every readable one, names the rest, exports them, deletes nothing', async () => {
  const p = await env.page();
  await start(p, env);
  // The app has created its database on this first visit; add records straight to it, some of
  // which JSON cannot even describe (built in the page).
  await p.evaluate((records) => new Promise((ok, fail) => {
    const req = indexedDB.open('newslens');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(['articles', 'corrections'], 'readwrite');
      const articles = tx.objectStore('articles');
      for (const r of records.articles) articles.put(r);
      // Text that is not valid Unicode (a lone surrogate), binary "text", and an array.
      const m = (id) => ({ id, file: `${id}.txt`, title: id, outlet: '', certainty: 'user' });
      articles.put({ version: 1, meta: m('user-bad-unicode'), text: 'Broken \uD800 text', added_at: '' });
      articles.put({ version: 1, meta: m('user-binary'), text: new Uint8Array([1, 2, 255]).buffer, added_at: '' });
      articles.put(Object.assign(['not', 'an', 'article'], { meta: { id: 'user-array' } }));
      for (const r of records.corrections) tx.objectStore('corrections').put(r);
      tx.oncomplete = () => { db.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }), RECORDS);
  const written = await dump(p);
  assert.equal(written.articles.length, 8);

  await p.reload();
  await ready(p);
  await settled(p);
  // Every readable article is there, the older one upgraded, and highlighted.
  await p.waitForSelector('[data-article="user-old"]');
  const ids = await p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
  assert.deepEqual(ids.sort(), [FIRST, SECOND, 'user-current', 'user-old'].sort());
  await p.click('[data-article="user-old"]');
  await p.waitForSelector('[data-reader="user-old"] mark[data-label="PLACE"]');
  assert.equal((await p.textContent('.reader h1')).trim(), 'An older record');

  // What could not be read is listed with the reason, and counted.
  const panel = '[data-testid="unreadable"]';
  await p.waitForSelector(panel);
  assert.equal(await p.getAttribute(panel, 'data-count'), '8');
  const reason = async (key) => p.textContent(`${panel} li[data-key="${key}"]`);
  assert.match(await reason('user-newer'), /newer version of NewsLens \(record version 2\)/);
  assert.match(await reason('user-no-text'), /article text is missing/);
  assert.match(await reason('user-wrong-type'), /article text is a number, not text/);
  assert.match(await reason('user-bad-unicode'), /not valid Unicode/);
  assert.match(await reason('user-binary'), /article text is an object, not text/);
  assert.match(await reason('user-array'), /not an article record \(it holds a list\)/);
  assert.match(await reason(FIRST), /newer NewsLens \(corrections version 9\)/);
  assert.match(await reason(SECOND), /1 of its corrections cannot be read/);
  assert.match(await p.textContent('.notice-bar'), /8 stored items could not be read/);
  await shot(p, 'storage-unreadable-1280');

  // The raw records can be downloaded, exactly as stored.
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-action="export-unreadable"]')]);
  const file = join(SHOTS, 'unreadable.json');
  await download.saveAs(file);
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  assert.equal(exported.length, 8);
  const entry = (key) => exported.find((e) => e.key === key);
  assert.deepEqual(entry('user-newer').record, RECORDS.articles[2]);
  assert.equal(entry('user-newer').store, 'articles');
  assert.equal(entry('user-bad-unicode').record.text, 'Broken \uD800 text', 'the lone surrogate survives the export');
  assert.deepEqual(entry('user-binary').record.text, { $bytes_hex: '0102ff' });
  assert.deepEqual(entry('user-array').record, ['not', 'an', 'article']);
  assert.deepEqual(entry(FIRST).record, RECORDS.corrections[0]);
  assert.match(entry('user-wrong-type').reason, /not text/);

  // Nothing was deleted; the older record was upgraded in place.
  const after = await dump(p);
  const byKey = (store) => Object.fromEntries(after[store].map(([k, v]) => [k, v]));
  assert.deepEqual(Object.keys(byKey('articles')).sort(), written.articles.map(([k]) => k).sort());
  assert.deepEqual(byKey('articles')['user-newer'], RECORDS.articles[2]);
  assert.equal(byKey('articles')['user-old'].version, 1);
  assert.deepEqual(byKey('corrections')[FIRST], RECORDS.corrections[0]);

  // A correction on the article whose stored corrections came from a newer NewsLens: the new
  // list is saved, and the unreadable one is set aside under a new key, untouched.
  await p.click(`[data-article="${FIRST}"]`);
  await p.waitForSelector(`[data-reader="${FIRST}"] mark[data-label]`);
  const at = await p.$eval('.reader mark[data-label]', (e) => e.dataset.start);
  await p.click(`.reader mark[data-start="${at}"]`);
  await p.click('[data-action="remove"]');
  await p.waitForFunction((s) => !document.querySelector(`.reader mark[data-start="${s}"]`), at);
  await p.waitForFunction(async (id) => {
    const db = await new Promise((ok) => { const r = indexedDB.open('newslens'); r.onsuccess = () => ok(r.result); });
    const list = await new Promise((ok) => { const r = db.transaction('corrections').objectStore('corrections').get(id); r.onsuccess = () => ok(r.result); });
    db.close();
    return list?.version === 1;
  }, FIRST);
  const kept = (await dump(p)).corrections.find(([k]) => String(k).startsWith('kept:'));
  assert.ok(kept, 'the unreadable list was set aside');
  assert.deepEqual(kept[1].kept.record, RECORDS.corrections[0]);
  assert.equal(kept[1].kept.key, FIRST);
  // After a reload the set-aside record is still listed (and exportable).
  await p.reload();
  await ready(p);
  await p.waitForSelector(panel);
  assert.match(await p.textContent(panel), /set aside on .* when “000_d9b921036b694c82” was saved again/);
  assert.deepEqual(env.errors, []);
});

const STORY = (place) => `Floods hit ${place} as soldiers arrive

Soldiers arrived in ${place} on Wednesday after floods killed at least 200 people, the government said.
`;

test('a quota error while saving a second article: both stay on screen, the user is told, the first stays saved', async () => {
  const p = await env.page();
  await start(p, env);
  const paste = async (text) => {
    await p.fill('[data-testid="import-text"]', text);
    await p.click('[data-testid="import-submit"]');
    await p.waitForFunction(() => /Added/.test(document.querySelector('[data-testid="import-message"]')?.textContent ?? ''));
  };
  await paste(STORY('Valencia'));
  const first = (await p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article))).find((id) => id.startsWith('user-'));
  await p.waitForFunction(async (id) => {
    const db = await new Promise((ok) => { const r = indexedDB.open('newslens'); r.onsuccess = () => ok(r.result); });
    const keys = await new Promise((ok) => { const r = db.transaction('articles').objectStore('articles').getAllKeys(); r.onsuccess = () => ok(r.result); });
    db.close();
    return keys.includes(id);
  }, first);
  // The disk fills up now.
  await p.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'articles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await p.fill('[data-testid="import-text"]', '');
  await paste(STORY('Basra'));
  await p.waitForFunction(() => /storage for this site is full/.test(document.querySelector('[data-testid="storage-status"]')?.textContent ?? ''));
  const ids = await p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
  const mine = ids.filter((id) => id.startsWith('user-'));
  assert.equal(mine.length, 2, 'both articles stay on screen');
  // The unsaved one can still be kept: the backup has both.
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-action="backup"]')]);
  const file = join(SHOTS, 'backup-when-full.json');
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  assert.deepEqual(backup.articles.map((a) => a.meta.id).sort(), [...mine].sort());
  await shot(p, 'storage-full-second-1280');
  // What was saved before the error is still saved.
  const stored = (await dump(p)).articles.map(([k]) => k);
  assert.deepEqual(stored, [first]);
  await p.reload();
  await ready(p);
  await p.waitForSelector(`[data-article="${first}"]`);
});
