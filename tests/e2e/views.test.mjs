// End-to-end: views stay in the page, hidden, while another is shown (src/ui/kept.rs), without
// their DOM hooks, and come back showing what changed meanwhile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, settled } from './harness.mjs';

// The contract's hook attributes (../shared/CONTRACT.md).
const HOOKS = ['data-label', 'data-canonical', 'data-article', 'data-entity', 'data-count', 'data-side', 'data-place', 'data-kind', 'data-lat', 'data-lon'];
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
