// End-to-end: the user's own articles, corrections, exports, backups and bad input (issue 7).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { open, shot, ready, settled, ROOT, SHOTS, start } from './harness.mjs';
import { corpus, backup } from '../../scripts/scale/generate.mjs';

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

const STORY = `Floods hit Valencia as Spain sends troops

Spanish soldiers arrived in Valencia on Wednesday after floods killed at least 200 people, the government said.
Prime Minister Pedro Sánchez told reporters in Madrid that 5,000 troops would help the Red Cross.
`;

const ids = (p) => p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
async function paste(p, text) {
  await p.fill('[data-testid="import-text"]', text);
  await p.click('[data-testid="import-submit"]');
}
async function message(p) {
  await p.waitForSelector('[data-testid="import-message"]');
  return p.textContent('[data-testid="import-message"]');
}
/** Starts `p` afresh, pastes STORY and waits for its highlights; gives the article's id. */
async function storyPasted(p) {
  await start(p, env);
  await paste(p, STORY);
  await message(p);
  const mine = (await ids(p)).find((id) => id.startsWith('user-'));
  await p.waitForSelector(`[data-reader="${mine}"] mark[data-label]`);
  return mine;
}
test('import by paste: listed, highlighted, and still there after a reload', async () => {
  const p = await env.page();
  await start(p, env);
  await paste(p, STORY);
  const said = await message(p);
  assert.match(said, /Added/);
  assert.doesNotMatch(said, /only \d+ words? long/, 'a story of 40 words is not called short');
  const list = await ids(p);
  assert.equal(list.length, 3);
  const mine = list.find((id) => id.startsWith('user-'));
  assert.ok(mine);
  // The tagging worker analyses it; until then it shows as plain text.
  await p.waitForSelector(`[data-reader="${mine}"][data-analysis="done"]`);
  assert.equal((await p.textContent('.reader h1')).trim(), 'Floods hit Valencia as Spain sends troops');
  const labels = await p.$$eval('.reader mark[data-label]', (els) => els.map((e) => `${e.dataset.label}:${e.textContent}`));
  assert.ok(labels.includes('PLACE:Valencia') && labels.includes('PERSON:Pedro Sánchez'), labels.join(' '));
  await shot(p, 'import-pasted-1280');
  await p.reload();
  await ready(p);
  await p.waitForSelector(`[data-article="${mine}"]`);
  await p.click(`[data-article="${mine}"]`);
  await p.waitForSelector(`[data-reader="${mine}"] mark[data-label="PLACE"]`);
});

test('a text of a few words is added, with a note that there is little to find in it', async () => {
  const p = await env.page();
  await start(p, env);
  await paste(p, 'hello');
  assert.match(await message(p), /^Added “.+”\. .* It is only 1 word long, so there is little to find in it/);
  assert.equal((await ids(p)).length, 3);
});

test('imports wait for the worker that reads them: a second copy is refused, text typed meanwhile stays', async () => {
  const p = await env.page();
  // The tagging worker reads imports; hold its module so that both clicks below are answered
  // only once the first has not yet been added.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await p.context().route('**/newslens-worker_bg.wasm', async (route) => { await held; await route.continue(); });
  await start(p, env);
  await paste(p, STORY);
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.import-message[role="status"]:has-text("Reading the article")');
  const NOTES = `${STORY}\nMy notes: ask the Red Cross for figures.`;
  await p.fill('[data-testid="import-text"]', NOTES);
  release();
  await p.waitForFunction(() => /already in NewsLens/.test(document.querySelector('[data-testid="import-message"]')?.textContent ?? ''));
  assert.equal((await ids(p)).filter((id) => id.startsWith('user-')).length, 1, 'the same text is added once');
  assert.equal(await p.inputValue('[data-testid="import-text"]'), NOTES, 'what was typed while the import was read stays');
  assert.deepEqual(env.errors, []);
});

test('import by file: HTML is reduced to inert text and runs nothing', async () => {
  const p = await env.page();
  await start(p, env);
  await p.evaluate(() => { window.__pwned = 0; });
  p.on('dialog', (d) => { env.errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  const html = `<!doctype html><html><head><title>Hostile page</title><script>window.__pwned=1;alert(1)</script>
    <style>body{display:none}</style></head><body><nav>Home | News</nav>
    <h1>Protest in Basra over water</h1>
    <p>Residents of Basra marched on Friday &lt;script&gt;window.__pwned=2&lt;/script&gt; demanding clean water.</p>
    <p><img src=x onerror="window.__pwned=3"> The governor of Basra said 300 people were treated.</p>
    <p><a href="javascript:window.__pwned=4">click</a> <svg onload="window.__pwned=5"></svg> Iraq's government promised help.</p>
    </body></html>`;
  await p.setInputFiles('[data-testid="import-file"]', { name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  assert.match(await message(p), /Added/);
  const mine = (await ids(p)).find((id) => id.startsWith('user-'));
  await p.waitForSelector(`[data-reader="${mine}"]`);
  const body = await p.textContent('.reader .reader-body');
  assert.match(body, /Residents of Basra marched/);
  assert.match(body, /<script>window.__pwned=2<\/script>/, 'escaped markup in the text is shown as text');
  assert.equal(await p.$$eval('.reader script, .reader img, .reader svg, .reader a[href^="javascript"]', (els) => els.length), 0);
  assert.equal(await p.evaluate(() => window.__pwned), 0);
  assert.ok(!env.errors.some((e) => e.startsWith('dialog')));
});

test('each bad input gets its own message and changes nothing', async () => {
  const p = await env.page();
  await start(p, env);
  await paste(p, STORY);
  await message(p);
  const before = await ids(p);
  const cases = [
    ['empty', async () => paste(p, '   \n  '), /nothing to import/i],
    ['duplicate', async () => paste(p, readFileSync(join(ROOT, 'www/corpus/002_08ae971f51795d28.txt'), 'utf8')), /already/i],
    ['only boilerplate', async () => paste(p, 'Sign up for our newsletter\nSubscribe to The Daily\nhttps://example.com/a.jpg'), /page furniture|No article text/i],
    ['binary', async () => p.setInputFiles('[data-testid="import-file"]', { name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0, 1, 2]) }), /not text/i],
    ['not UTF-8', async () => p.setInputFiles('[data-testid="import-file"]', { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from('Caf\xe9 in Bogot\xe1 reopened on Monday after the protests ended.', 'latin1') }), /not UTF-8/i],
    ['50 MB', async () => {
      const big = join(SHOTS, 'huge.txt');
      writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
      await p.setInputFiles('[data-testid="import-file"]', big);
    }, /too large/i],
  ];
  for (const [name, act, expected] of cases) {
    await act();
    await p.waitForFunction(([src, flags]) => new RegExp(src, flags).test(document.querySelector('[data-testid="import-message"]')?.textContent ?? ''), [expected.source, expected.flags]);
    const text = await message(p);
    assert.match(text, expected, `${name}: ${text}`);
    assert.deepEqual(await ids(p), before, `${name} changed nothing`);
  }
  // A corrupt backup is refused and restores nothing.
  await p.setInputFiles('[data-testid="restore-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"newslens-backup","version":1,"articles":[{"meta":') });
  await p.waitForSelector('[data-testid="restore-message"]');
  assert.match(await p.textContent('[data-testid="restore-message"]'), /not|cannot|could not/i);
  assert.deepEqual(await ids(p), before);
  // So is a backup that is not UTF-8 text (Latin-1 bytes in a title), with the reason.
  const latin1 = Buffer.from('{"format":"newslens-backup","version":1,"articles":[{"meta":{"title":"Caf\xe9"}}]}', 'latin1');
  await p.setInputFiles('[data-testid="restore-file"]', { name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  await p.waitForFunction(() => /not UTF-8/.test(document.querySelector('[data-testid="restore-message"]')?.textContent ?? ''));
  assert.match(await p.textContent('[data-testid="restore-message"]'), /latin1\.json could not be read \(it is not UTF-8 text\)\. Nothing was changed\./);
  assert.deepEqual(await ids(p), before);
  // The pasted text box keeps the last refused text (nothing the user typed is lost).
  assert.match(await p.inputValue('[data-testid="import-text"]'), /Sign up for our newsletter/);
});

test('a large backup is read in slices: the page keeps painting and says it is reading', async () => {
  const p = await env.page();
  await start(p, env);
  // A slower processor (4×) makes the reading of 1,000 articles (4.4 MB) last several frames.
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // Counts the frames drawn while the page says it is reading. Read in one task, as before,
  // the file would give none: the message would come and go before any frame.
  await p.evaluate(() => {
    window.framesWhileReading = 0;
    const tick = () => {
      if (document.querySelector('[data-testid="restore-progress"]')) window.framesWhileReading++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await p.setInputFiles('[data-testid="restore-file"]', { name: 'big-backup.json', mimeType: 'application/json', buffer: Buffer.from(backup(corpus(1000))) });
  await p.waitForFunction(() => Number(document.querySelector('.article-list .count')?.textContent) === 1002, null, { timeout: 60000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.equal(await p.$('[data-testid="restore-progress"]'), null, 'the reading message goes once the articles are listed');
  const frames = await p.evaluate(() => window.framesWhileReading);
  assert.ok(frames >= 2, `${frames} frame(s) drawn while the backup was read`);
  assert.match(await p.textContent('.notice-bar'), /Restored 1000 articles/);
  // Pasted at once, before the panel has hashed the restored texts ahead: the check waits
  // for the rest of them, hashed in slices too, and still finds the copy.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const restored = corpus(1000)[999];
  await paste(p, restored.text);
  await p.waitForFunction(() => /already in NewsLens/.test(document.querySelector('[data-testid="import-message"]')?.textContent ?? ''), null, { timeout: 60000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.match(await message(p), new RegExp(restored.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await p.textContent('.article-list .count'), '1002', 'nothing was added');
});

test('a correction survives a reload and shows in every view', async () => {
  const p = await env.page();
  await start(p, env);
  const target = await p.$eval('.reader mark[data-label="PLACE"]', (e) => ({ start: e.dataset.start, canonical: e.dataset.canonical }));
  const countBefore = Number(await p.getAttribute(`[data-entity="${target.canonical}"]`, 'data-count'));
  await p.click(`.reader mark[data-start="${target.start}"]`);
  await p.click('[data-action="remove"]');
  await p.waitForFunction((s) => !document.querySelector(`.reader mark[data-start="${s}"]`), target.start);
  const check = async () => {
    assert.equal(await p.$$eval(`.reader mark[data-start="${target.start}"]`, (e) => e.length), 0);
    assert.equal(Number(await p.getAttribute(`[data-entity="${target.canonical}"]`, 'data-count')), countBefore - 1);
  };
  await check();
  await p.reload();
  await ready(p);
  await settled(p);
  await p.waitForFunction((s) => document.querySelector('[data-action="undo"]'), null);
  await check();
  // Entities view and place list reflect it too.
  await p.click('[data-view="entities"]');
  assert.equal(Number(await p.getAttribute(`[data-entity="${target.canonical}"]`, 'data-count')), countBefore - 1);
  // Undo brings it back.
  await p.click('[data-view="read"]');
  await ready(p);
  await p.click('[data-action="undo"]');
  await p.waitForSelector(`.reader mark[data-start="${target.start}"]`);
});

test('backup then restore in a fresh browser profile gives the same articles and corrections', async () => {
  const p = await env.page();
  const mine = await storyPasted(p);
  const first = await p.$eval('.reader mark[data-label]', (e) => e.dataset.start);
  await p.click(`.reader mark[data-start="${first}"]`);
  await p.click('[data-action="remove"]');
  await p.waitForFunction((s) => !document.querySelector(`.reader mark[data-start="${s}"]`), first);
  const marks = await p.$$eval('.reader mark[data-label]', (els) => els.map((e) => e.dataset.start));
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-action="backup"]')]);
  const file = join(SHOTS, 'backup.json');
  await download.saveAs(file);
  const fresh = await env.page();
  await start(fresh, env);
  assert.equal((await ids(fresh)).length, 2, 'a fresh profile has only the bundled articles');
  await fresh.setInputFiles('[data-testid="restore-file"]', file);
  await fresh.waitForSelector(`[data-article="${mine}"]`);
  await fresh.click(`[data-article="${mine}"]`);
  await fresh.waitForSelector(`[data-reader="${mine}"] mark[data-label]`);
  assert.deepEqual(await fresh.$$eval('.reader mark[data-label]', (els) => els.map((e) => e.dataset.start)), marks);
  await shot(fresh, 'restored-1280');
});

test('a backup that brings another text under a known id: that text is shown and analysed', async () => {
  const p = await env.page();
  const mine = await storyPasted(p);
  await p.waitForSelector(`[data-reader="${mine}"] mark[data-canonical="Valencia"]`);
  // The app's own backup, edited by hand: the same id, another text.
  const [download] = await Promise.all([p.waitForEvent('download'), p.click('[data-action="backup"]')]);
  const edited = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const record = edited.articles.find((a) => a.meta.id === mine);
  record.text = 'Floods hit Mosul\n\nIraqi soldiers arrived in Mosul on Thursday, the governor said.';
  await p.setInputFiles('[data-testid="restore-file"]', { name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) });
  await p.waitForFunction(() => /Restored 1 article/.test(document.querySelector('.notice-bar')?.textContent ?? ''));
  await p.click(`[data-article="${mine}"]`);
  // Before, the analysis of the old text was kept for the id: the new text stayed without
  // highlights (or, as long as the old one, was shown with the old text's).
  await p.waitForSelector(`[data-reader="${mine}"][data-analysis="done"] mark[data-canonical="Mosul"]`);
  assert.equal(await p.$(`[data-reader="${mine}"] mark[data-canonical="Valencia"]`), null);
  assert.match(await p.textContent(`[data-reader="${mine}"]`), /Iraqi soldiers arrived in Mosul/);
  await shot(p, 'restored-edited-1280');
});

test('storage that is disabled or full loses nothing and says so', async () => {
  // Disabled (private mode, blocked): the app works from memory and tells the user.
  const off = await env.page();
  await off.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await off.goto(env.url);
  await ready(off);
  await off.waitForFunction(() => /not letting NewsLens store/.test(document.querySelector('[data-testid="storage-status"]')?.textContent ?? ''));
  await paste(off, STORY);
  assert.match(await message(off), /Added/);
  assert.equal((await ids(off)).length, 3);
  // Full: a quota error on save keeps the article on screen and explains.
  const full = await env.page();
  await full.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await start(full, env);
  await paste(full, STORY);
  assert.match(await message(full), /Added/);
  await full.waitForFunction(() => /storage for this site is full/.test(document.querySelector('[data-testid="storage-status"]')?.textContent ?? ''));
  assert.equal((await ids(full)).length, 3, 'the article stays');
  await shot(full, 'storage-full-1280');
});
