// End-to-end: the source comparison (issue 6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, settled, start } from './harness.mjs';

const A = '000_d9b921036b694c82';
const B = '002_08ae971f51795d28';
let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

const sides = (p) => p.$$eval('.coverage [data-entity]', (els) => Object.fromEntries(els.map((e) => [e.dataset.entity, e.dataset.side])));

test('the bundled pair: shared and one-sided entities, figures and voices', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=compare&a=${A}&b=${B}`);
  await settled(p);
  await p.waitForSelector('.coverage [data-entity]');
  const side = await sides(p);
  for (const e of ['Kirkuk', 'Iraq', 'Haider al-Abadi', 'Kurdistan Regional Government']) assert.equal(side[e], 'both', e);
  for (const e of ['Al Jazeera', 'Tuz Khurmatu']) assert.equal(side[e], 'a', e);
  for (const e of ['BBC', 'Pentagon']) assert.equal(side[e], 'b', e);
  const figA = await p.textContent('.fig-list[data-side="a"]');
  const figB = await p.textContent('.fig-list[data-side="b"]');
  assert.match(figA, /61,000 people/);
  assert.match(figB, /Thousands/);
  // Figures lined up across the two: no two lines read the same (B's two "Thousands" flee,
  // headline and body, are one line that says so).
  const matches = await p.$$eval('.figures .matches li', (els) => els.map((e) => e.textContent));
  assert.ok(matches.length > 0, 'some figures line up');
  assert.equal(new Set(matches).size, matches.length, `a line shown twice: ${matches.join(' | ')}`);
  assert.ok(matches.some((m) => /B: Thousands, twice/.test(m)), matches.join(' | '));
  // A sentence that opens or closes a quotation of its own is not put in marks again.
  const quoted = await p.$$eval('.compare q', (qs) => qs.map((q) => ({ text: q.textContent, marks: getComputedStyle(q).quotes !== 'none' })));
  assert.ok(quoted.some((q) => q.text.startsWith('“Thousands of cars')), 'a figure in a sentence that opens a quotation');
  const doubled = quoted.filter((q) => q.marks && /^\s*[“"‘«„]|[”"’»]\s*$/.test(q.text));
  assert.deepEqual(doubled, [], 'quotation marks doubled');
  const voices = await p.textContent('.voices');
  assert.match(voices, /Al Jazeera/);
  assert.match(voices, /BBC/);
  assert.match(voices, /Robert Manning/);
  const score = Number(await p.getAttribute('[data-similarity]', 'data-similarity'));
  assert.ok(score > 0 && score < 1);
  await shot(p, 'compare-e2e-1280');
  await p.setViewportSize({ width: 375, height: 800 });
  await shot(p, 'compare-375');
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow}px)`);
});

test('either order works, the swap mirrors sides, and the URL restores it', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=compare&a=${B}&b=${A}`);
  await settled(p);
  await p.waitForSelector('.coverage [data-entity]');
  const side = await sides(p);
  assert.equal(side['Al Jazeera'], 'b');
  assert.equal(side.BBC, 'a');
  await p.click('.compare-tools button:has-text("swap")');
  await p.waitForURL(new RegExp(`a=${A}&b=${B}`));
  await p.waitForFunction(() => document.querySelector('.coverage [data-entity="Al Jazeera"]')?.dataset.side === 'a');
  await p.reload();
  await p.waitForSelector('.coverage [data-entity="Al Jazeera"][data-side="a"]');
});

test('selecting an entity highlights it in both texts and aligns its sentences', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=compare&a=${A}&b=${B}`);
  await settled(p);
  await p.waitForSelector('.coverage [data-entity]');
  await p.click('.coverage [data-entity="Kirkuk"] .entity-name');
  await p.waitForSelector('.aligned');
  for (const s of ['a', 'b']) {
    const n = await p.$$eval(`.text-col[data-side="${s}"] mark.selected`, (els) => els.length);
    assert.ok(n > 0, `Kirkuk is emphasised in side ${s}`);
  }
  const counts = await p.$$eval('.aligned ol.kwic', (ols) => ols.map((o) => o.children.length));
  assert.equal(counts.length, 2);
  assert.ok(counts[0] > 0 && counts[1] > 0);
  await p.waitForURL((u) => /entity=Kirkuk/.test(decodeURIComponent(u.href)));
});

test('with hundreds of articles the pickers list the first 100 and a search box finds the rest', async () => {
  const { corpus, backup } = await import('../../scripts/scale/generate.mjs');
  const articles = corpus(300);
  const p = await env.page();
  await start(p, env);
  // Every text the storage status shows from now on.
  await p.evaluate(() => {
    const el = document.querySelector('[data-testid="storage-status"]');
    window.__statuses = [];
    new MutationObserver(() => window.__statuses.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await p.setInputFiles('[data-testid="restore-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup(articles)) });
  await p.waitForFunction(() => Number(document.querySelector('.article-list .count')?.textContent) >= 302);
  // The status says "saving" until the last of the 300 records is written, then "saved".
  await p.waitForSelector('[data-testid="storage-status"][data-pending="0"]');
  assert.match(await p.textContent('[data-testid="storage-status"]'), /300 articles of yours, saved in this browser/);
  assert.ok((await p.evaluate(() => window.__statuses)).some((t) => /Saving to this browser: 300 change/.test(t)));
  await p.click('[data-view="compare"]');
  await p.waitForFunction(() => document.querySelectorAll('#compare-b option').length > 90);
  // The current choice, 100 others and the line that says how many more there are.
  const options = await p.$$eval('#compare-b option', (os) => os.map((o) => ({ value: o.value, disabled: o.disabled, text: o.textContent })));
  assert.equal(options.filter((o) => !o.disabled).length, 101);
  assert.match(options.at(-1).text, /201 more/);
  assert.ok(options.some((o) => o.value === B && !o.disabled));
  // A long list has a fixed size, so that the browser does not measure 100 option labels to
  // lay the page out (50 ms at 10,000 articles), and it still shows its choice in full height.
  const box = await p.$eval('#compare-b', (s) => {
    const r = s.getBoundingClientRect();
    return { contain: getComputedStyle(s).contain, width: r.width, height: r.height, font: parseFloat(getComputedStyle(s).fontSize) };
  });
  assert.match(box.contain, /size/);
  assert.ok(box.width > 200 && box.height > box.font * 1.2, JSON.stringify(box));
  // The last article is not listed until its title is typed.
  const last = { id: 'scale-00299', title: articles.at(-1).title };
  assert.ok(!options.some((o) => o.value === last.id));
  await p.fill('.compare-tools .find >> nth=1', last.title);
  await p.waitForFunction((id) => [...document.querySelectorAll('#compare-b option')].some((o) => o.value === id), last.id);
  await p.selectOption('#compare-b', last.id);
  await p.waitForFunction((id) => new URL(location.href).searchParams.get('b') === id, last.id);
  assert.equal(new URL(p.url()).searchParams.get('a'), A);
  await shot(p, 'compare-find-1280');
  await p.context().close();
});

test("the coverage tables line up across groups, and a phone's names break between words", async () => {
  for (const width of [1280, 375]) {
    const p = await env.page({ width, height: 900 });
    await p.goto(`${env.url}?view=compare&a=${A}&b=${B}`);
    await p.waitForSelector('.coverage [data-entity]');
    const seen = await p.evaluate(() => ({
      // The left edge of each table's A column and first-seen column.
      columns: [...document.querySelectorAll('.coverage-table')].map((t) => [2, 4].map((n) => Math.round(t.querySelector(`th:nth-child(${n})`).getBoundingClientRect().left))),
      // Each entity name's width against its longest word's.
      names: [...document.querySelectorAll('.coverage-table .entity-name')].map((b) => {
        const name = b.lastChild.textContent;
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
        probe.textContent = name.split(/\s+/).reduce((a, w) => (w.length > a.length ? w : a), '');
        b.appendChild(probe);
        const word = probe.getBoundingClientRect().width;
        probe.remove();
        return { name, word, room: b.getBoundingClientRect().width };
      }),
    }));
    assert.ok(seen.columns.length >= 4, `${width}: a table per group`);
    assert.equal(new Set(seen.columns.map((c) => c.join())).size, 1, `${width}: columns at ${JSON.stringify(seen.columns)}`);
    for (const n of seen.names) assert.ok(n.room >= n.word, `${width}: "${n.name}" has ${n.room} px for a ${n.word} px word`);
    await p.close();
  }
});
