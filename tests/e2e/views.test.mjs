// End-to-end: views stay in the page, hidden, while another is shown (src/ui/kept.rs), without
// their DOM hooks, and come back showing what changed meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, settled } from './harness.mjs';

// The contract's hook attributes (../shared/CONTRACT.md).
const HOOKS = ['data-label', 'data-canonical', 'data-article', 'data-entity', 'data-count', 'data-side', 'data-place', 'data-kind', 'data-lat', 'data-lon'];
// Everything a hidden part gives up (src/ui/kept.rs, TAKEN): those, the app's own hooks, ids.
const TAKEN = [...HOOKS, 'data-reader', 'data-action', 'data-export', 'id'];
let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

/** Clicks a view's tab and waits until it is the current one. */
async function show(p, view) {
  await p.click(`[data-view="${view}"]`);
  await p.waitForSelector(`[data-view="${view}"][aria-pressed="true"]`);
}

test('every view, however it was reached, has each hook once and none in a hidden view', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await settled(p);
  for (const view of ['compare', 'read', 'places', 'entities', 'compare', 'read', 'entities', 'places']) {
    await show(p, view);
    const seen = await p.evaluate((hooks) => {
      const all = (s) => [...document.querySelectorAll(s)];
      return {
        kept: all('.kept-hidden').length,
        hidden: hooks.filter((h) => all(`.kept-hidden [${h}]`).length > 0),
        // Hooked rows per entity and side: a strict locator needs exactly one.
        rows: all('[data-entity]').map((e) => `${e.dataset.entity}|${e.dataset.side ?? ''}`),
        marks: all('mark[data-label]').map((m) => (m.closest('.compare') ? 'compare' : m.closest('.reader') ? 'reader' : 'other')),
        places: all('[data-place]').length,
      };
    }, HOOKS);
    assert.ok(seen.kept >= 1, `${view}: the views seen before are kept in the page`);
    assert.deepEqual(seen.hidden, [], `${view}: no hook inside a hidden view`);
    assert.equal(new Set(seen.rows).size, seen.rows.length, `${view}: no entity row hooked twice`);
    const kirkuk = seen.rows.filter((r) => r.startsWith('Kirkuk|')).length;
    assert.equal(kirkuk, view === 'places' ? 0 : 1, `${view}: [data-entity="Kirkuk"] matches ${kirkuk} elements`);
    const where = new Set(seen.marks);
    const expected = { read: ['reader'], compare: ['compare'], places: [], entities: [] }[view];
    assert.deepEqual([...where].sort(), expected, `${view}: highlighted mentions only in the view shown`);
    assert.equal(seen.places > 0, view === 'places', `${view}: place rows hooked only in the place list`);
  }
  // The keyboard moves among the reader's mentions, not the hidden comparison's.
  await show(p, 'read');
  await p.locator('body').press('j');
  await p.waitForFunction(() => document.activeElement?.matches('.reader mark[data-label]'));
});

test('nothing in a hidden part can be focused, tabbed to, or found in the accessibility tree', async () => {
  // Hidden parts are out of reach by their style alone (content-visibility: hidden), not by
  // `inert` (src/ui/kept.rs).
  const p = await env.page();
  await p.goto(env.url);
  await settled(p);
  const cdp = await p.context().newCDPSession(p);
  for (const view of ['compare', 'read', 'places', 'entities']) {
    await show(p, view);
    const reach = await p.evaluate(() => {
      const hidden = [...document.querySelectorAll('.kept-hidden :is(a[href], button, input, select, textarea, [tabindex])')];
      const focused = hidden.filter((el) => { el.focus(); return document.activeElement === el; });
      return { hidden: hidden.length, focused: focused.map((el) => el.outerHTML.slice(0, 80)) };
    });
    assert.ok(reach.hidden > 0, `${view}: hidden parts have controls (${reach.hidden})`);
    assert.deepEqual(reach.focused, [], `${view}: hidden controls took focus`);
    // Tabbing from the view's tab through the next 40 stops never lands in a hidden part.
    await p.focus(`[data-view="${view}"]`);
    for (let i = 0; i < 40; i++) {
      await p.keyboard.press('Tab');
      const inHidden = await p.evaluate(() => document.activeElement?.closest('.kept-hidden') ? document.activeElement.outerHTML.slice(0, 80) : null);
      assert.equal(inHidden, null, `${view}: Tab ${i + 1} focused a hidden control`);
    }
    // Each view has one top heading (the reader's is the article's headline); the hidden
    // views' are not in the accessibility tree.
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const top = nodes.filter((n) => !n.ignored && n.role?.value === 'heading'
      && n.properties?.some((q) => q.name === 'level' && q.value?.value === 1)).map((n) => n.name?.value);
    const title = { compare: 'Compare', places: 'Places', entities: 'Entities' }[view];
    const headline = await p.evaluate(() => document.querySelector('.reader h1')?.textContent);
    assert.deepEqual(top, [title ?? headline], `${view}: top headings in the accessibility tree`);
  }
});

test('a kept view shows what changed while it was hidden, and keeps what was typed in it', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=entities`);
  await settled(p);
  const find = p.locator('.pane-entities .entity-search input');
  await find.fill('kurd');
  await p.waitForFunction(() => [...document.querySelectorAll('[data-entity]')].every((e) => /kurd/i.test(e.textContent)));
  await show(p, 'compare');
  // Selected and one label switched off in the comparison; the reader was never shown yet.
  await p.click('.coverage [data-entity="Iraq"] .entity-name');
  await p.waitForSelector('.compare mark.selected[data-canonical="Iraq"]');
  await show(p, 'read');
  await p.waitForSelector('.reader mark.selected[data-canonical="Iraq"]');
  await p.click('[data-toggle="PLACE"]');
  await p.waitForFunction(() => !document.querySelector('.reader mark[data-label="PLACE"]'));
  await show(p, 'compare');
  await p.waitForSelector('.compare mark[data-label="ORG"]');
  assert.equal(await p.locator('.compare mark[data-label="PLACE"]').count(), 0, 'the label switched off while the comparison was hidden');
  assert.equal(await p.locator('.coverage [data-entity="Iraq"].selected').count(), 1, 'the selection is still there');
  await show(p, 'entities');
  assert.equal(await find.inputValue(), 'kurd', 'what was typed in the entity list is still there');
  const rows = await p.$$eval('[data-entity]', (els) => els.map((e) => e.dataset.entity));
  assert.ok(rows.length > 0 && rows.every((r) => /kurd/i.test(r)), `still filtered: ${rows}`);
  const url = new URL(p.url()).searchParams;
  assert.equal(url.get('view'), 'entities');
  assert.equal(url.get('types'), 'PERSON,ORG,GROUP,DATE,NUMBER');
});

test('articles read before stay in the page, hidden, and nothing in them is found', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await settled(p);
  const [a, b] = await p.$$eval('[data-article]', (els) => els.map((e) => e.dataset.article));
  const open = async (id) => {
    await p.click(`[data-article="${id}"]`);
    await p.waitForSelector(`[data-reader="${id}"]`);
    return (await p.textContent('.reader h1')).trim();
  };
  const headA = await open(a);
  await p.click('[data-toggle="PLACE"]');
  await p.waitForFunction(() => !document.querySelector('.reader mark[data-label="PLACE"]'));
  const headB = await open(b);
  assert.notEqual(headA, headB);
  assert.equal(await p.locator('.reader mark[data-label="PLACE"]').count(), 0, 'the label is off in the next article too');
  await p.click('[data-toggle="PLACE"]');
  await p.waitForSelector('.reader mark[data-label="PLACE"]');
  // Back to the first: the same reader, shown again with the label switched on meanwhile.
  assert.equal(await open(a), headA);
  await p.waitForSelector('.reader mark[data-label="PLACE"]');
  const seen = await p.evaluate((hooks) => {
    const all = (s) => [...document.querySelectorAll(s)];
    return {
      slots: all('.readers > .kept').length,
      hidden: all('.readers > .kept-hidden').length,
      hooked: hooks.filter((h) => all(`.kept-hidden [${h}]`).length > 0),
      readers: all('.reader').length,
      ids: all('[data-reader]').map((e) => e.dataset.reader),
      headlines: all('#headline').map((e) => e.textContent.trim()),
      marks: all('mark[data-label]').every((m) => m.closest('.reader')),
    };
  }, TAKEN);
  assert.equal(seen.slots, 2, 'both articles are in the page');
  assert.equal(seen.hidden, 1, 'one of them hidden');
  assert.deepEqual(seen.hooked, [], 'no hook or id inside the hidden one');
  assert.equal(seen.readers, 1, '.reader finds the article shown only');
  assert.deepEqual(seen.ids, [a]);
  assert.deepEqual(seen.headlines, [headA], 'one element has the id the article is labelled by');
  assert.ok(seen.marks, 'every highlighted mention is in the reader shown');
  // The keyboard moves among the shown article's mentions.
  await p.locator('body').press('j');
  await p.waitForFunction(() => document.activeElement?.matches('.reader mark[data-label]'));
});

test('views built ahead are hidden from the moment they are in the page, and show no hook', async () => {
  const p = await env.page();
  // Each kept part as it was when added (the observer runs before the page yields to the
  // browser: Yew may yield between a render and its `rendered`, and paint a frame there).
  // And at every frame, any hook found inside a hidden part.
  await p.addInitScript((hooks) => {
    window.__exposed = [];
    const check = () => {
      const found = hooks.filter((h) => document.querySelector(`.kept-hidden [${h}]`));
      if (found.length) window.__exposed.push(found);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
    window.__added = [];
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1) continue;
          for (const k of [n, ...n.querySelectorAll('.kept')].filter((e) => e.matches('.kept'))) {
            window.__added.push({ class: k.className, hidden: k.classList.contains('kept-hidden') });
          }
        }
      }
    }).observe(document, { subtree: true, childList: true });
  }, TAKEN);
  await p.goto(env.url);
  await settled(p);
  await p.waitForFunction(() => ['.pane-entities', '.pane-places', '.layout-compare'].every((s) => document.querySelector(`.kept${s}`)), null, { timeout: 30000 });
  const ahead = await p.evaluate(() => window.__added.filter((k) => /pane-entities|pane-places|layout-compare/.test(k.class)));
  assert.ok(ahead.length >= 3, JSON.stringify(ahead));
  for (const k of ahead) assert.ok(k.hidden, `added shown: ${JSON.stringify(k)}`);
  // Two frames more, so that the last one is checked too.
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await p.evaluate(() => window.__exposed), [], 'hooks found in a hidden part at a frame');
});

test('a hidden view is brought up to date while the page is idle, and none of its hooks shows meanwhile', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await settled(p);
  await p.waitForSelector('.kept-hidden.layout-compare', { state: 'attached', timeout: 30000 });
  const marks = () => p.evaluate(() => document.querySelectorAll('.layout-compare mark').length);
  const before = await marks();
  // At every frame from now on: nothing hooked inside a hidden part, and one Kirkuk row.
  await p.evaluate((hooks) => {
    window.__seen = [];
    const check = () => {
      const hidden = hooks.filter((h) => document.querySelector(`.kept-hidden [${h}]`));
      const kirkuk = document.querySelectorAll('[data-entity="Kirkuk"]').length;
      if (hidden.length || kirkuk !== 1) window.__seen.push({ hidden, kirkuk });
      if (!window.__stop) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, TAKEN);
  await p.click('[data-toggle="PLACE"]');
  await p.waitForFunction(() => !document.querySelector('.reader mark[data-label="PLACE"]'));
  // The comparison, hidden, loses its place marks without being shown.
  await p.waitForFunction((n) => document.querySelectorAll('.layout-compare.kept-hidden mark').length < n, before, { polling: 'raf', timeout: 10000 });
  const seen = await p.evaluate(() => { window.__stop = true; return window.__seen; });
  assert.deepEqual(seen, [], 'a hook showed in a hidden part, or the Kirkuk row was not found once');
  assert.ok(await p.locator('.layout-compare.kept-hidden').count() === 1, 'still hidden');
  await show(p, 'compare');
  assert.equal(await p.locator('.compare mark[data-label="PLACE"]').count(), 0);
  assert.ok(await p.locator('.compare mark[data-label="ORG"]').count() > 0, 'shown with its hooks');
  assert.equal(await p.locator('[data-entity="Kirkuk"]').count(), 1, 'one Kirkuk row, the comparison\'s');
  assert.equal(await p.locator('.compare mark').count(), await marks(), 'no mark added or lost in showing it');
});

test("the entity view's rows keep their lines at the top, and each count one line high", async () => {
  const p = await env.page({ width: 1280, height: 900 });
  await p.goto(`${env.url}?view=entities`);
  await p.waitForSelector('.entity-list.full [data-entity]');
  const rows = await p.evaluate(() => [...document.querySelectorAll('.entity-list.full .entity')].map((li) => {
    const button = li.querySelector('.entity-name').getBoundingClientRect();
    const count = li.querySelector('.count').getBoundingClientRect();
    const name = li.querySelector('.name').getBoundingClientRect();
    return { entity: li.dataset.entity, row: li.getBoundingClientRect().height, button: button.height, count: count.height, nameTop: name.top, countTop: count.top, lineHeight: parseFloat(getComputedStyle(li.querySelector('.count')).lineHeight) || count.height };
  }));
  // Two columns: some row is taller than its own lines, next to a taller neighbour.
  assert.ok(rows.some((r) => r.row > r.button + 30), 'a row stretched to its neighbour');
  for (const r of rows) {
    assert.ok(r.count <= r.lineHeight * 1.5, `${r.entity}: count ${r.count} px high`);
    assert.ok(Math.abs(r.countTop - r.nameTop) < 8, `${r.entity}: count beside the name's first line`);
  }
});

test('a date or number shows its normalised value in words, and its hooks keep the value', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=entities&entity=P2W`);
  await p.waitForSelector('.entity-list.full [data-entity="P2W"]');
  const name = (canonical) => p.textContent(`.entity-list.full [data-entity="${canonical}"] .name`);
  assert.equal(await name('P2W'), '2 weeks');
  assert.equal(await name('~1000000'), 'about 1,000,000');
  assert.equal(await name('61000 people'), '61,000 people');
  assert.equal(await name('2017-09-25'), '2017-09-25');
  // An alias that reads as the name shown is not repeated under it.
  assert.equal(await p.locator('.entity-list.full [data-entity="61000 people"] .aliases').count(), 0);
  // The reader's selection line says it in words too; the address keeps the value.
  await show(p, 'read');
  assert.match(await p.textContent('.selection'), /Selected: 2 weeks/);
  assert.match(p.url(), /entity=P2W/);
});
