// End-to-end: an automated accessibility audit (axe-core) of every view, in light and dark
// colour schemes, at 1280 and 375 px, plus an explicit contrast check of every highlight colour
// and label chip (issue 9).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { open, ready, settled, ROOT } from './harness.mjs';

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

/** Runs axe on the page as it is; returns the serious and critical violations, readably. */
async function audit(p) {
  if (!(await p.evaluate(() => typeof window.axe === 'object'))) await p.addScriptTag({ path: AXE });
  const violations = await p.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({
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

async function start(p, query = '') {
  await p.goto(`${env.url}${query}`);
  await settled(p);
  await p.waitForFunction(() => !document.querySelector('[data-testid="storage-status"]')?.textContent.includes('Opening'));
}

/** Every view and panel state the audit covers: [name, how to get there]. */
const STATES = [
  ['read, entity selected', async (p) => {
    await start(p, '?entity=Kirkuk');
    await p.waitForSelector('.reader mark.selected');
  }],
  ['read, search', async (p) => {
    await start(p, '?q=Kirkuk');
    await p.waitForSelector('.reader .hit');
  }],
  ['read, a label hidden', async (p) => {
    await start(p, '?types=PERSON,ORG,GROUP,DATE,NUMBER');
    await ready(p);
  }],
  ['entities', async (p) => {
    await start(p, '?view=entities&entity=Kirkuk');
    await p.waitForSelector('.kwic li');
  }],
  ['places', async (p) => {
    await start(p, '?view=places');
    await p.waitForSelector('[data-place="Taza Khurmatu"]');
    await p.$$eval('details.place-more', (ds) => ds.slice(0, 3).forEach((d) => { d.open = true; }));
  }],
  ['compare', async (p) => {
    await start(p, `?view=compare&a=${A}&b=${B}&entity=Kirkuk`);
    await p.waitForSelector('.aligned');
  }],
  ['import panel with messages, your article and its edit form', async (p) => {
    await start(p);
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
    await start(p);
    await p.setInputFiles('[data-testid="restore-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
    await p.waitForSelector('[data-testid="restore-message"]');
  }],
  ['article tools: corrections open', async (p) => {
    await start(p);
    await p.click('.reader mark[data-label="PLACE"]');
    await p.waitForSelector('.correct-bar');
    await p.click('[data-action="add"]');
    await p.waitForSelector('.article-tools [role="alert"]');
  }],
  ['boilerplate open', async (p) => {
    await start(p);
    await p.$$eval('.boilerplate details', (ds) => ds.forEach((d) => { d.open = true; }));
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
