// End-to-end: a corpus of hostile input (tests/e2e/hostile/) imported through every path (paste,
// file chooser, drop, restore of a backup) runs nothing and shows as text in every view and
// every export, and a 5,000-character word does not make a phone page scroll sideways (issue 9).
//
// Every payload sets `window.__pwned` (or opens a dialog); the pages also record Content-Security-
// Policy violations, so an injection the CSP blocks still fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { open, settled, ROOT, SHOTS } from './harness.mjs';

const DIR = join(ROOT, 'tests', 'e2e', 'hostile');
const LONG = ('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'.repeat(100)).slice(0, 5000);
const RLO = '\u202e';
const PDF = '\u202c';
const BUNDLED = '000_d9b921036b694c82';

/** The corpus, with strings each file's article text must show literally, whichever way it
 * came in (a pasted Markdown file is read as plain text, so only what both keep is listed). */
const FILES = [
  {
    name: 'script-tags.txt', type: 'text/plain', expect: [
      "<script>window.__pwned='txt-script';alert(1)</script>",
      `<img src=x onerror="window.__pwned='txt-img'">`,
      `<a href="javascript:window.__pwned='txt-js'">click me</a>`,
      "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0nZGF0YSc8L3NjcmlwdD4=",
      `<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned='txt-svg'"><script>window.__pwned='txt-svg-script'</script></svg>`,
      '</style><style>body{display:none}</style>',
      "width:expression(window.__pwned='txt-expr')",
      'Zero\u200bwidth\u200cnon\u200djoiners and\ufeffBOM',
      `${RLO}Mosul${PDF}`,
      LONG,
    ],
  },
  {
    name: 'markup.md', type: 'text/markdown', expect: [
      // (Markdown emphasis would eat "__", so these payloads spell it \x5f\x5f.)
      "<script>window['\\x5f\\x5fpwned']='md-script';alert('md')</script>",
      `<a href="javascript:window['\\x5f\\x5fpwned']='md-a'">raw anchor</a>`,
      `<iframe src="data:text/html,<script>parent['\\x5f\\x5fpwned']='md-iframe'</script>"></iframe>`,
      '</style><style>body{display:none}</style>',
      "expression(window['\\x5f\\x5fpwned']='md-expr')",
      `${RLO}Erbil${PDF}`,
      'zero\u200bwidth\u200dhere',
      LONG,
    ],
  },
  {
    name: 'page.html', type: 'text/html', expect: [
      "<script>window.__pwned='html-escaped'</script>",
      'a javascript: link',
      '</style><style>body{display:none}</style>',
      "width:expression(window.__pwned='html-expr')",
      `${RLO}Basra${PDF}`,
      'zero\u200bwidth\u200djoiners\ufeffhere',
      LONG,
    ],
  },
].map((f) => ({ ...f, content: readFileSync(join(DIR, f.name), 'utf8') }));

/** Hostile metadata written into the restored backup (the user can edit a backup by hand). */
const META = {
  title: `<img src=x onerror="window.__pwned='bk-title'"> ${RLO}eltiT${PDF} ${LONG}`,
  outlet: `<script>window.__pwned='bk-outlet'</script>\u200b Outlet`,
  section: `<svg onload="window.__pwned='bk-section'"></svg>`,
  standfirst: `</style><style>body{display:none}</style>`,
  url: "javascript:window.__pwned='bk-url'",
  evidence: `<iframe srcdoc="<script>parent.__pwned='bk-evidence'</script>"></iframe>`,
};
const CANONICAL = `<b onmouseover="window.__pwned='bk-canonical'">Basra</b>`;

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

/** Records anything a payload could do: `window.__pwned`, dialogs, CSP violations. */
async function guard(context) {
  const dialogs = [];
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} ${e.sample}`);
    });
  });
  context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); }));
  return async (p, where) => {
    const seen = await p.evaluate(() => ({ pwned: window.__pwned, csp: window.__csp ?? ['no guard'] }));
    assert.equal(seen.pwned, undefined, `${where}: a payload ran (window.__pwned = ${seen.pwned})`);
    assert.deepEqual(seen.csp, [], `${where}: Content-Security-Policy violations`);
    assert.deepEqual(dialogs, [], `${where}: dialogs opened`);
  };
}

async function fresh(width = 1280) {
  const p = await env.page({ width });
  const check = await guard(p.context());
  await p.goto(env.url);
  await settled(p);
  await p.waitForFunction(() => !document.querySelector('[data-testid="storage-status"]')?.textContent.includes('Opening'));
  return { p, check };
}

const ids = (p) => p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
const message = async (p) => {
  await p.waitForSelector('[data-testid="import-message"]');
  return p.textContent('[data-testid="import-message"]');
};
async function added(p, before) {
  await p.waitForFunction((n) => document.querySelectorAll('[data-article]').length > n, before.length);
  const now = await ids(p);
  return now.filter((id) => !before.includes(id));
}

/** The import paths: each brings in one file and returns the new article's id. */
const PATHS = {
  async paste(p, f) {
    const before = await ids(p);
    await p.fill('[data-testid="import-text"]', f.content);
    await p.click('[data-testid="import-submit"]');
    assert.match(await message(p), /Added/, f.name);
    return (await added(p, before))[0];
  },
  async file(p, f) {
    const before = await ids(p);
    await p.setInputFiles('[data-testid="import-file"]', { name: f.name, mimeType: f.type, buffer: Buffer.from(f.content) });
    return (await added(p, before))[0];
  },
  async drop(p, f) {
    const before = await ids(p);
    await p.evaluate(({ name, type, content }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      const zone = document.querySelector('.import');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name: f.name, type: f.type, content: f.content });
    return (await added(p, before))[0];
  },
};

/** Saves what clicking `selector` downloads; returns its text. */
async function download(p, selector, name) {
  const [d] = await Promise.all([p.waitForEvent('download'), p.click(selector)]);
  const file = join(SHOTS, `hostile-${name}`);
  await d.saveAs(file);
  return readFileSync(file, 'utf8');
}

/** No element that could run or load anything came from the content. */
async function inert(p, where) {
  const found = await p.evaluate(() => [...document.querySelectorAll(
    'main script, main img, main iframe, main object, main embed, main style, main svg, main link, main base, main form, '
    + '.sidebar script, .sidebar img, .sidebar iframe, .sidebar svg, .sidebar style, .tools-aside img, .tools-aside script, '
    + 'a[href^="javascript:" i], a[href^="data:" i], [onerror], [onload], [onclick], [onmouseover], [srcdoc]',
  )].map((e) => e.outerHTML.slice(0, 120)));
  assert.deepEqual(found, [], `${where}: elements from the content`);
  assert.equal(await p.evaluate(() => getComputedStyle(document.body).display), 'block', `${where}: the page is still shown`);
}

async function noOverflow(p, where) {
  const over = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(over <= 0, `${where}: the page scrolls sideways by ${over}px at ${await p.evaluate(() => window.innerWidth)} px`);
}

/** Opens an exported HTML file as its own page, with its CSP and without, and observes it. */
async function openExport(file, html, expect, where) {
  const path = join(SHOTS, `hostile-${file}`);
  writeFileSync(path, html);
  for (const bypassCSP of [false, true]) {
    const p = await env.page({ bypassCSP });
    const check = await guard(p.context());
    await p.goto(pathToFileURL(path).href);
    await p.waitForSelector('article');
    const text = await p.textContent('body');
    for (const s of expect) assert.ok(text.includes(s), `${where}: exported page shows ${JSON.stringify(s.slice(0, 60))} as text`);
    assert.equal(await p.$$eval('script, img, iframe, object, embed, svg, link, base, form, [onerror], [onload], [onclick], [srcdoc], a', (e) => e.length), 0, `${where}: exported page has no active element`);
    await check(p, `${where} (export page${bypassCSP ? ', CSP bypassed' : ''})`);
    await p.context().close();
  }
}

/** Visits every view with the hostile articles and checks every export. */
async function visitAll(p, check, articles, path) {
  for (const { id, f } of articles) {
    const where = `${path} ${f.name}`;
    await p.click(`[data-article="${await p.evaluate((s) => CSS.escape(s), id)}"]`);
    await p.waitForFunction((i) => document.querySelector('[data-reader]')?.dataset.reader === i, id);
    const text = await p.textContent('.reader');
    for (const s of f.expect) assert.ok(text.includes(s), `${where}: reader shows ${JSON.stringify(s.slice(0, 60))} as text`);
    await inert(p, `${where} reader`);
    await check(p, `${where} reader`);

    // Exports: entity CSV (no formula cells), JSON lines (each line JSON), annotated HTML.
    const csv = await download(p, '[data-export="csv"]', `${path}-${f.name}.csv`);
    for (const line of csv.split('\n').slice(1).filter(Boolean)) {
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)/g).filter(Boolean)) {
        assert.ok(!/^[=+\-@\t\r]/.test(cell), `${where}: CSV cell is not a formula: ${cell.slice(0, 40)}`);
      }
    }
    const jsonl = await download(p, '[data-export="jsonl"]', `${path}-${f.name}.jsonl`);
    for (const line of jsonl.split('\n').filter(Boolean)) JSON.parse(line);
    const html = await download(p, '[data-export="html"]', `${path}-${f.name}.html`);
    await openExport(`${path}-${f.name}.html`, html, f.expect, where);
    await check(p, `${where} exports`);
  }
  const titles = await p.$$eval('[data-article]', (els) => els.map((e) => e.textContent).join('\n'));
  assert.equal(await p.$$eval('.article-list *', (els) => els.filter((e) => !['LI', 'A', 'SPAN', 'OL', 'H2', 'P'].includes(e.tagName)).length), 0);
  assert.ok(titles.length > 0);

  // Entities, places, compare (hostile article against a bundled one), at 1280 and 375 px.
  for (const width of [1280, 375]) {
    await p.setViewportSize({ width, height: 900 });
    for (const { id, f } of articles) {
      await p.click(`[data-article="${await p.evaluate((s) => CSS.escape(s), id)}"]`);
      await p.waitForFunction((i) => document.querySelector('[data-reader]')?.dataset.reader === i, id);
      await noOverflow(p, `${path} ${f.name} reader`);
    }
    await p.click('[data-view="entities"]');
    await p.waitForSelector('.entity-list.full');
    await inert(p, `${path} entities`);
    await noOverflow(p, `${path} entities`);
    await p.click('[data-view="places"]');
    await p.waitForSelector('[data-place]');
    await inert(p, `${path} places`);
    await noOverflow(p, `${path} places`);
    await check(p, `${path} entities and places`);
  }
  await p.setViewportSize({ width: 1280, height: 900 });
  for (const { id, f } of articles) {
    const where = `${path} ${f.name} compare`;
    await p.goto(`${env.url}?view=compare&a=${encodeURIComponent(id)}&b=${BUNDLED}`);
    await settled(p);
    await p.waitForSelector('.coverage [data-entity]');
    const a = `${await p.textContent('.side-head')}\n${await p.textContent('.text-col[data-side="a"]')}`;
    for (const s of f.expect) assert.ok(a.includes(s), `${where}: text shows ${JSON.stringify(s.slice(0, 60))}`);
    await inert(p, where);
    const csv = await download(p, '.compare-tools button:has-text("CSV")', `${path}-${f.name}-compare.csv`);
    assert.ok(csv.length > 0);
    for (const line of csv.split('\n').filter(Boolean)) assert.ok(!/(^|,)[=+\-@]/.test(line), `${where}: CSV has no formula cell: ${line.slice(0, 60)}`);
    await p.setViewportSize({ width: 375, height: 900 });
    await noOverflow(p, where);
    await p.setViewportSize({ width: 1280, height: 900 });
    await check(p, where);
  }
  // The backup holds every hostile string exactly as it came in.
  await p.goto(env.url);
  await settled(p);
  const backup = JSON.parse(await download(p, '[data-action="backup"]', `${path}-backup.json`));
  for (const { id, f } of articles) {
    const a = backup.articles.find((x) => x.meta.id === id);
    assert.ok(a, `${path}: ${id} is in the backup`);
    const kept = [a.text, a.meta.title, a.meta.outlet].join('\n');
    for (const s of f.expect) assert.ok(kept.includes(s), `${path} ${f.name}: backup keeps ${JSON.stringify(s.slice(0, 60))}`);
  }
  await check(p, `${path} backup`);
  return backup;
}

for (const path of ['paste', 'file', 'drop']) {
  test(`hostile corpus by ${path}: inert, shown as text, in every view and export`, async () => {
    const { p, check } = await fresh();
    const articles = [];
    for (const f of FILES) {
      const id = await PATHS[path](p, f);
      assert.ok(id, `${path} ${f.name} was added`);
      articles.push({ id, f });
      await check(p, `${path} ${f.name} import`);
    }
    const backup = await visitAll(p, check, articles, path);
    if (path === 'file') writeFileSync(join(SHOTS, 'hostile-backup-source.json'), JSON.stringify(backup));
    await p.context().close();
  });
}

test('hostile backup restored in a fresh profile: metadata, corrections and text stay inert', async () => {
  // A backup of the hostile corpus, edited by hand: hostile title, outlet, section, URL, and a
  // correction whose entity name is markup.
  const { p: maker, check: makerCheck } = await fresh();
  const made = [];
  for (const f of FILES) made.push({ id: await PATHS.file(maker, f), f });
  await makerCheck(maker, 'backup source');
  const backup = JSON.parse(await download(maker, '[data-action="backup"]', 'restore-source.json'));
  await maker.context().close();
  const first = backup.articles.find((a) => a.meta.id === made[0].id);
  Object.assign(first.meta, META);
  first.meta.id = `user-<img src=x onerror="window.__pwned='bk-id'">&view=compare#${RLO}x`;
  const at = first.text.indexOf('Basra');
  backup.corrections = [{
    version: 1,
    article: first.meta.id,
    items: [{ op: 'add_mention', span: { start: Buffer.byteLength(first.text.slice(0, at)), end: Buffer.byteLength(first.text.slice(0, at + 5)) }, label: 'PERSON', canonical: CANONICAL }],
  }];
  const file = join(SHOTS, 'hostile-restore.json');
  writeFileSync(file, JSON.stringify(backup, null, 2));

  const { p, check } = await fresh();
  const before = await ids(p);
  await p.setInputFiles('[data-testid="restore-file"]', file);
  const restored = await added(p, before);
  await p.waitForFunction((n) => document.querySelectorAll('[data-article]').length >= n, before.length + FILES.length);
  assert.equal((await ids(p)).length, before.length + FILES.length, `restored ${restored.length}`);
  await check(p, 'restore');
  // The hostile metadata shows as text in the list and the reader; the javascript: URL is no link.
  const sel = await p.evaluate((s) => CSS.escape(s), first.meta.id);
  await p.click(`[data-article="${sel}"]`);
  await p.waitForSelector(`[data-reader="${sel}"]`);
  const head = await p.textContent('.reader .reader-head');
  for (const s of [META.title, META.outlet, META.section]) assert.ok(head.includes(s), `reader head shows ${JSON.stringify(s.slice(0, 60))}`);
  assert.ok((await p.textContent(`[data-article="${sel}"]`)).includes(META.outlet));
  // Its link opens the same article in a new tab: the id is encoded in the URL.
  const href = await p.getAttribute(`[data-article="${sel}"]`, 'href');
  assert.equal(new URL(href, env.url).searchParams.get('article'), first.meta.id, href);
  assert.equal(new URL(href, env.url).hash, '', href);
  assert.equal(await p.$$eval('a[href^="javascript:" i]', (e) => e.length), 0);
  const problems = await p.$$eval('.reader mark[data-label]', (els) => els.map((e) => e.dataset.canonical));
  assert.ok(problems.includes(CANONICAL), 'the correction with a markup entity name applies');
  await p.click('[data-view="entities"]');
  await p.waitForSelector('.entity-list.full');
  assert.ok((await p.textContent('.entity-list.full')).includes(CANONICAL), 'the entity list shows the markup name as text');
  await p.click(`[data-entity="${await p.evaluate((s) => CSS.escape(s), CANONICAL)}"] .entity-name`);
  await p.waitForSelector('.entities-side .kwic li');
  await p.goto(env.url);
  await settled(p);
  const f0 = { ...made[0].f, expect: [...made[0].f.expect, META.title, META.outlet] };
  await visitAll(p, check, [{ id: first.meta.id, f: f0 }, ...made.slice(1)], 'restore');
  await p.context().close();
});
