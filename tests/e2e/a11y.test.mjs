// End-to-end: an automated accessibility audit (axe-core) of every view, in light and dark
// colour schemes, at 1280 and 375 px, plus an explicit contrast check of every highlight colour
// and label chip (issue 9).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, ready, ROOT, start } from './harness.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const A = '000_d9b921036b694c82';
const B = '002_08ae971f51795d28';
const STORY = `Floods hit Valencia as Spain sends troops

Spanish soldiers arrived in Valencia on Wednesday after floods killed at least 200 people, the government said.
Prime Minister Pedro Sánchez told reporters in Madrid that 5,000 troops would help the Red Cross.
`;

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

/** Runs axe on the page as it is; returns the moderate, serious and critical violations, readably. */
async function audit(p) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['moderate', 'serious', 'critical'].includes(v.impact)).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}`),
      more: Math.max(0, v.nodes.length - 6),
    }));
  });
  return violations.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n}`).join('\n')}${v.more ? `\n    … and ${v.more} more` : ''}`);
}

/** Contrast of text against its (composited) background for every element matching `selector`;
 * returns the ones below `min` as readable lines. */
function lowContrast(p, selector, min = 4.5) {
  return p.$$eval(selector, (els, min) => {
    const parse = (c) => {
      let m = c.match(/rgba?\(([^)]+)\)/);
      if (m) {
        const v = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
        return [v[0], v[1], v[2], v.length > 3 ? v[3] : 1];
      }
      m = c.match(/color\(srgb ([^)]+)\)/);
      if (m) {
        const v = m[1].split(/[\s/]+/).filter(Boolean).map(Number);
        return [v[0] * 255, v[1] * 255, v[2] * 255, v.length > 3 ? v[3] : 1];
      }
      return [0, 0, 0, 0];
    };
    const over = (top, under) => {
      const a = top[3];
      return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat(1);
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
      let c = [255, 255, 255, 1];
      for (const l of layers.reverse()) c = over(l, c);
      return c;
    };
    const lum = (c) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const out = [];
    for (const el of els) {
      if (!el.textContent.trim() || el.getClientRects().length === 0) continue;
      const st = getComputedStyle(el);
      const bg = background(el);
      const fg = over(parse(st.color), bg);
      const opacity = (() => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; })();
      const shown = over([...fg.slice(0, 3), opacity], bg);
      const [hi, lo] = [lum(shown), lum(bg)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      if (ratio < min) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)} (${st.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')}))`);
    }
    return out;
  }, min);
}

const CHIPS = [
  '.reader mark[data-label]', '.text-col mark[data-label]', '.swatch', '.legend-item', '.count', '.badge',
  '.side-badge', '.side-tag', '.kind', '.seg', '.hit', '.kwic strong', '.tab', '.import-message', '.storage-status',
].join(', ');

/** Every view and panel state the audit covers: [name, how to get there]. */
const STATES = [
  ['read, entity selected', async (p) => {
    await start(p, env, '?entity=Kirkuk');
    await p.waitForSelector('.reader mark.selected');
  }],
  ['read, search', async (p) => {
    await start(p, env, '?q=Kirkuk');
    await p.waitForSelector('.reader .hit');
  }],
  ['read, a label hidden', async (p) => {
    await start(p, env, '?types=PERSON,ORG,GROUP,DATE,NUMBER');
    await ready(p);
  }],
  ['entities', async (p) => {
    await start(p, env, '?view=entities&entity=Kirkuk');
    await p.waitForSelector('.entities-side .kwic li');
  }],
  ['places', async (p) => {
    await start(p, env, '?view=places');
    await p.waitForSelector('[data-place="Taza Khurmatu"]');
    await p.$$eval('details.place-more', (ds) => ds.slice(0, 3).forEach((d) => { d.open = true; }));
  }],
  ['compare', async (p) => {
    await start(p, env, `?view=compare&a=${A}&b=${B}&entity=Kirkuk`);
    await p.waitForSelector('.aligned');
  }],
  ['import panel with messages, your article and its edit form', async (p) => {
    await start(p, env);
    await p.fill('[data-testid="import-text"]', '   ');
    await p.click('[data-testid="import-submit"]');
    await p.waitForSelector('.import-message.bad');
    await p.fill('[data-testid="import-text"]', STORY);
    await p.click('[data-testid="import-submit"]');
    await p.waitForSelector('.import-message.ok');
    await p.waitForSelector('.reader .badge.user');
    await p.click('[data-action="edit"]');
    await p.waitForSelector('.edit-meta');
  }],
  ['your data: a refused backup', async (p) => {
    await start(p, env);
    await p.setInputFiles('[data-testid="restore-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await p.waitForSelector('[data-testid="restore-message"]');
  }],
  ['article tools: corrections open', async (p) => {
    await start(p, env);
    await p.click('.reader mark[data-label="PLACE"]');
    await p.waitForSelector('.correct-bar');
    await p.click('[data-action="add"]');
    await p.waitForSelector('.reader .article-tools [role="alert"]');
  }],
  ['boilerplate open', async (p) => {
    await start(p, env);
    await p.$$eval('.reader .boilerplate details', (ds) => ds.forEach((d) => { d.open = true; }));
  }],
];

for (const colorScheme of ['light', 'dark']) {
  test(`axe: no serious or critical violations, ${colorScheme} scheme, at 1280 and 375 px`, async () => {
    const p = await env.page({ width: 1280, height: 900, colorScheme, bypassCSP: true });
    const failures = [];
    for (const [name, go] of STATES) {
      await p.setViewportSize({ width: 1280, height: 900 });
      await go(p);
      for (const width of [1280, 375]) {
        await p.setViewportSize({ width, height: 900 });
        const found = await audit(p);
        const low = await lowContrast(p, CHIPS);
        if (found.length) failures.push(`${name} at ${width} px:\n  ${found.join('\n  ')}`);
        if (low.length) failures.push(`${name} at ${width} px: text below 4.5:1\n    ${[...new Set(low)].join('\n    ')}`);
      }
    }
    assert.equal(failures.length, 0, `\n${failures.join('\n')}`);
    await p.context().close();
  });
}

test('no information by colour alone: legend, highlights, comparison sides, verdicts, your articles', async () => {
  const p = await env.page();
  await start(p, env, '?types=PERSON,ORG,GROUP,DATE,NUMBER');
  // Legend: every toggle names its label; an off toggle is struck through and dashed, not just paler.
  const legend = await p.$$eval('[data-toggle]', (els) => els.map((e) => ({
    name: e.querySelector('.legend-name')?.textContent.trim(),
    pressed: e.getAttribute('aria-pressed'),
    strike: getComputedStyle(e.querySelector('.legend-name')).textDecorationLine,
    border: getComputedStyle(e).borderTopStyle,
  })));
  assert.equal(legend.length, 6);
  for (const l of legend) assert.ok(l.name, 'each toggle has a name');
  const off = legend.filter((l) => l.pressed === 'false');
  assert.equal(off.length, 1);
  assert.ok(off[0].strike.includes('line-through') && off[0].border === 'dashed', JSON.stringify(off[0]));
  assert.ok(legend.filter((l) => l.pressed === 'true').every((l) => !l.strike.includes('line-through') && l.border !== 'dashed'));
  // Highlights: each label has its own underline style (NUMBER a box), the same in the legend swatches.
  await start(p, env);
  const styles = await p.$$eval('.swatch', (els) => els.map((e) => {
    const st = getComputedStyle(e);
    return `${st.textDecorationLine} ${st.textDecorationStyle} ${st.boxShadow !== 'none' ? 'box' : ''}`;
  }));
  const perLabel = await p.$$eval('.legend .swatch', (els) => els.map((e) => {
    const st = getComputedStyle(e);
    return `${st.textDecorationLine === 'none' ? 'none' : st.textDecorationStyle}|${st.boxShadow !== 'none'}`;
  }));
  assert.ok(styles.length >= 6);
  assert.equal(new Set(perLabel).size, 6, `six distinct non-colour styles: ${perLabel.join(', ')}`);
  for (const label of ['PERSON', 'PLACE', 'DATE']) {
    const [mark, swatch] = await Promise.all([
      p.$eval(`.reader mark[data-label="${label}"]`, (e) => getComputedStyle(e).textDecorationStyle),
      p.$eval(`[data-toggle="${label}"] .swatch`, (e) => getComputedStyle(e).textDecorationStyle),
    ]);
    assert.equal(mark, swatch, `${label}: highlight and legend share the underline style`);
  }
  // Comparison: each entity row says its side in words; the bars' sides differ by pattern and say it.
  await start(p, env, `?view=compare&a=${A}&b=${B}`);
  await p.waitForSelector('.coverage [data-entity]');
  const words = { both: 'both', a: 'A only', b: 'B only' };
  const rows = await p.$$eval('.coverage [data-side]', (els) => els.map((e) => [e.dataset.side, e.querySelector('.side-badge').textContent.trim()]));
  assert.ok(rows.length > 5);
  for (const [side, word] of rows) assert.equal(word, words[side]);
  const patterns = await p.$$eval('.key', (els) => els.map((e) => getComputedStyle(e).backgroundImage));
  assert.equal(new Set(patterns).size, 3, 'only-A, both and only-B keys differ by pattern');
  assert.ok(await p.$$eval('.bar[role="img"]', (els) => els.length > 0 && els.every((e) => /only in A.*in both.*only in B/.test(e.getAttribute('aria-label')))));
  // Verdicts and distance claims carry their verdict as a word.
  const verdicts = await p.$$eval('[data-verdict]', (els) => els.map((e) => [e.dataset.verdict, e.querySelector('.badge').textContent.trim()]));
  for (const [v, word] of verdicts) assert.equal(word, v);
  await start(p, env, '?view=places');
  await p.waitForSelector('[data-claim]');
  for (const [v, word] of await p.$$eval('[data-claim]', (els) => els.map((e) => [e.dataset.claim, e.querySelector('.badge').textContent.trim()]))) assert.equal(word, v);
  // The user's own article says so in words, in the list and in the reader.
  await start(p, env);
  await p.fill('[data-testid="import-text"]', STORY);
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.reader .badge.user');
  assert.equal((await p.textContent('.article-link.current .yours')).trim(), 'yours');
  assert.equal((await p.textContent('.reader .badge.user')).trim(), 'your article');
  // Status messages start with a sign as well as a colour.
  const sign = await p.$eval('.import-message.ok', (e) => getComputedStyle(e, '::before').content);
  assert.match(sign, /✓/);
});
