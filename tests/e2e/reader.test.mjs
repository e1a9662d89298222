// End-to-end: highlights, legend, entity list, filters, URL state and keyboard (issue 4).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { open, shot, ready, settled, ROOT } from './harness.mjs';

const FIRST = '000_d9b921036b694c82';
const SECOND = '002_08ae971f51795d28';
let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

/** What the native engine (the CLI, same code as the browser) tags in a bundled article. */
function engineMentions(id, published) {
  const bin = [join(ROOT, 'target', 'debug', 'newslens'), join(ROOT, 'target', 'release', 'newslens')].find(existsSync);
  assert.ok(bin, 'the newslens CLI is built (cargo test builds it)');
  const out = execFileSync(bin, ['tag', '--published', published, join(ROOT, 'www', 'corpus', `${id}.txt`)], { encoding: 'utf8' });
  return out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

const marks = (p) => p.$$eval('.reader mark[data-label]', (els) => els.map((e) => ({
  text: e.textContent, label: e.dataset.label, canonical: e.dataset.canonical,
})));

test('highlights and their counts match the engine', async () => {
  for (const [id, published] of [[FIRST, '2017-10-17'], [SECOND, '2017-10-16']]) {
    const p = await env.page();
    await p.goto(`${env.url}?article=${id}`);
    await ready(p);
    // The command line tags with the full gazetteer; so does the page once it has loaded it.
    await settled(p);
    const shown = await marks(p);
    const expected = engineMentions(id, published).map((m) => ({ text: m.text, label: m.label, canonical: m.canonical }));
    assert.ok(expected.length > 20, `the engine finds mentions in ${id}`);
    assert.deepEqual(shown, expected);
    const legend = await p.$$eval('[data-toggle]', (els) => Object.fromEntries(els.map((e) => [e.dataset.toggle, Number(e.dataset.count)])));
    for (const [label, n] of Object.entries(legend)) {
      assert.equal(n, expected.filter((m) => m.label === label).length, `legend count for ${label}`);
    }
    // Boilerplate is never highlighted.
    assert.equal(await p.$$eval('.reader .boilerplate mark', (els) => els.length), 0);
  }
});

test('toggling a label hides exactly its highlights and is kept in the URL', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  await settled(p);
  const before = await marks(p);
  const places = before.filter((m) => m.label === 'PLACE').length;
  assert.ok(places > 0);
  await p.click('[data-toggle="PLACE"]');
  await p.waitForFunction(() => document.querySelectorAll('.reader mark[data-label="PLACE"]').length === 0);
  const after = await marks(p);
  assert.deepEqual(after, before.filter((m) => m.label !== 'PLACE'));
  await p.waitForURL(/types=PERSON%2CORG%2CGROUP%2CDATE%2CNUMBER|types=PERSON,ORG,GROUP,DATE,NUMBER/);
  assert.equal(await p.getAttribute('[data-toggle="PLACE"]', 'aria-pressed'), 'false');
  await p.click('[data-toggle="PLACE"]');
  await p.waitForFunction((n) => document.querySelectorAll('.reader mark[data-label="PLACE"]').length === n, places);
});

test('selecting an entity filters the articles and shows its contexts', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  await settled(p);
  // An entity only the first article mentions.
  const only = await p.$$eval('[data-entity]', (els) => els.map((e) => e.dataset.entity));
  assert.ok(only.length > 10, 'the entity panel lists entities');
  const target = await p.evaluate(() => {
    const marks = [...document.querySelectorAll('.reader mark[data-label="ORG"]')];
    return marks.length ? marks[0].dataset.canonical : null;
  });
  assert.ok(target);
  const count = Number(await p.getAttribute(`[data-entity="${target}"]`, 'data-count'));
  await p.click(`[data-entity="${target}"] .entity-name`);
  await p.waitForSelector('.pane-panel .contexts .kwic li');
  // Beside the article, the sentences of the first ten mentions; the rest on request.
  if (count > 10) {
    assert.equal((await p.textContent('.pane-panel .contexts .more-contexts')).trim(), `Show ${count - 10} more of ${count} mentions`);
    await p.click('.pane-panel .contexts .more-contexts');
    await p.waitForSelector('.pane-panel .contexts .more-contexts', { state: 'detached' });
  }
  const perSentence = await p.$$eval('.pane-panel .contexts .kwic li', (els) => els.map((e) => Number(e.dataset.mentions)));
  assert.equal(perSentence.reduce((a, b) => a + b, 0), count, 'every mention is in a context sentence');
  assert.equal(await p.$$eval('.pane-panel .contexts .kwic strong', (els) => els.length), count);
  const selected = await p.$$eval('.reader mark.selected', (els) => els.map((e) => e.dataset.canonical));
  assert.ok(selected.length > 0 && selected.every((c) => c === target));
  // The selection's ring stays inside each mark, so the punctuation next to it still shows.
  const rings = await p.$$eval('.reader mark.selected', (els) => els.map((e) => {
    const s = getComputedStyle(e);
    return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
  }));
  assert.ok(rings.every((r) => r <= 0), `a selected mark's ring reaches ${Math.max(...rings)}px past its box`);
  const entityParam = new RegExp(`entity=${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  await p.waitForURL((u) => entityParam.test(decodeURIComponent(u.href)));
  const listed = await p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
  assert.ok(listed.length >= 1 && listed.includes(FIRST));
  await shot(p, 'reader-selected-1280');
  // Going to a mention from its context focuses it.
  await p.click('.pane-panel .contexts .kwic li:last-child .goto');
  await p.waitForFunction(() => document.activeElement?.matches('.reader mark.selected'));
  // Esc clears the selection.
  await p.keyboard.press('Escape');
  await p.waitForFunction(() => document.querySelectorAll('.reader mark.selected').length === 0);
});

test('a URL with view, article, types, entity and q restores the view after a reload', async () => {
  const p = await env.page();
  const url = `${env.url}?view=entities&article=${SECOND}&types=PERSON,PLACE&entity=Kirkuk&q=Kirkuk`;
  await p.goto(url);
  await p.waitForSelector('.entities-view');
  await settled(p);
  const check = async () => {
    assert.equal(await p.getAttribute('[data-view="entities"]', 'aria-pressed'), 'true');
    assert.equal(await p.inputValue('#search'), 'Kirkuk');
    assert.equal(await p.getAttribute('[data-entity="Kirkuk"]', 'class').then((c) => c.includes('selected')), true);
    await p.waitForSelector('.entities-side .contexts .kwic li');
  };
  await check();
  await shot(p, 'entities-1280');
  await p.setViewportSize({ width: 375, height: 800 });
  await shot(p, 'entities-375');
  await p.reload();
  await p.waitForSelector('.entities-view');
  await settled(p);
  await check();
  // The reader keeps the article and label choice.
  await p.click('[data-view="read"]');
  await ready(p);
  assert.equal(await p.getAttribute('[data-reader]', 'data-reader'), SECOND);
  const labels = await p.$$eval('.reader mark[data-label]', (els) => [...new Set(els.map((e) => e.dataset.label))].sort());
  assert.ok(labels.every((l) => l === 'PERSON' || l === 'PLACE'));
  const inText = (await p.$$('.reader .hit')).length;
  assert.ok(inText > 0, 'search matches are shown in the text');
  // …and counted in the article list (story text only, as the reader shows it).
  const listed = Number(await p.getAttribute(`[data-article="${SECOND}"] [data-hits]`, 'data-hits'));
  assert.equal(listed, await p.$$eval('.reader .reader-body .para .hit, .reader h1 .hit', (els) => els.length));
  await shot(p, 'reader-filtered-375');
});

test('back and forward restore the previous view', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  await p.click(`[data-article="${SECOND}"]`);
  await p.waitForSelector(`[data-reader="${SECOND}"]`);
  // The address follows each change after it is painted; wait for it before going back.
  await p.waitForURL(new RegExp(`article=${SECOND}`));
  await p.click('[data-view="entities"]');
  await p.waitForSelector('.entities-view');
  await p.waitForURL(/view=entities/);
  await p.goBack();
  await p.waitForSelector(`[data-reader="${SECOND}"]`);
  await p.goBack();
  await p.waitForSelector(`[data-reader="${FIRST}"]`);
  await p.goForward();
  await p.waitForSelector(`[data-reader="${SECOND}"]`);
});

test('keyboard: / focuses search, j and k move focus between mentions', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  const all = await marks(p);
  await p.keyboard.press('j');
  const first = await p.evaluate(() => document.activeElement.dataset.start);
  await p.keyboard.press('j');
  const second = await p.evaluate(() => document.activeElement.dataset.start);
  assert.ok(first !== undefined && second !== undefined && Number(second) > Number(first));
  await p.keyboard.press('k');
  assert.equal(await p.evaluate(() => document.activeElement.dataset.start), first);
  await p.keyboard.press('/');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'search');
  await p.keyboard.type('Baghdad');
  await p.waitForFunction(() => document.querySelectorAll('.reader .hit').length > 0);
  assert.ok(all.length > 0);
});

test('an entity with many mentions shows the first sentences (fewer beside the article) and the rest on request', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  await settled(p);
  const paragraphs = Array.from({ length: 60 }, (_, i) => `Patrol ${i + 1} of Iraqi forces drove through Kirkuk without incident.`);
  await p.fill('[data-testid="import-text"]', `Patrols in the city\n\n${paragraphs.join('\n\n')}`);
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.import-message.ok');
  await p.waitForFunction(() => Number(document.querySelector('[data-entity="Kirkuk"]')?.dataset.count) > 60);
  const total = Number(await p.getAttribute('[data-entity="Kirkuk"]', 'data-count'));
  await p.click('[data-entity="Kirkuk"] .entity-name');
  await p.waitForSelector('.pane-panel .contexts .more-contexts');
  const shown = () => p.$$eval('.pane-panel .contexts .kwic li', (els) => els.reduce((n, e) => n + Number(e.dataset.mentions), 0));
  assert.equal(Number(await p.textContent('.pane-panel .contexts .panel-title .count')), total);
  // Beside the article, ten at first.
  assert.equal(await shown(), 10);
  assert.equal((await p.textContent('.pane-panel .contexts .more-contexts')).trim(), `Show ${total - 10} more of ${total} mentions`);
  await p.click('.pane-panel .contexts .more-contexts');
  await p.waitForSelector('.pane-panel .contexts .more-contexts', { state: 'detached' });
  assert.equal(await shown(), total);
  // In the entity view, fifty at first.
  await p.click('[data-view="entities"]');
  const inView = () => p.$$eval('.entities-side .contexts .kwic li', (els) => els.reduce((n, e) => n + Number(e.dataset.mentions), 0));
  await p.waitForSelector('.entities-side .contexts .more-contexts');
  assert.equal(await inView(), 50);
  assert.equal((await p.textContent('.entities-side .contexts .more-contexts')).trim(), `Show ${total - 50} more of ${total} mentions`);
});

test("a mention's tip shows in full, even under a paragraph's last line", async () => {
  const p = await env.page();
  await p.goto(env.url);
  await ready(p);
  // The last mark of a paragraph: its tip hangs below the paragraph's box.
  const last = p.locator('.reader .reader-body > .para:has(mark.m) mark.m:last-of-type').first();
  await last.scrollIntoViewIfNeeded();
  await last.hover();
  const tip = await last.evaluate((m) => {
    const para = m.closest('.para');
    const paraStyle = getComputedStyle(para);
    return {
      text: getComputedStyle(m, '::after').content,
      wanted: JSON.stringify(m.dataset.tip),
      // Containment (content-visibility: auto) would clip the tip to the paragraph.
      visibility: paraStyle.contentVisibility,
      overflow: paraStyle.overflow,
    };
  });
  assert.equal(tip.text, tip.wanted);
  assert.equal(tip.visibility, 'visible');
  assert.equal(tip.overflow, 'visible');
  // A mark nobody points at keeps its paragraph contained (cheap to lay out and paint).
  await p.mouse.move(0, 0);
  assert.equal(await last.evaluate((m) => getComputedStyle(m.closest('.para')).contentVisibility), 'auto');
});
