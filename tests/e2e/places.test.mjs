// End-to-end: the map-free place list (issue 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { open, shot, settled } from './harness.mjs';

let env;
before(async () => { env = await open('/'); });
after(async () => { await env.close(); });

const EXPECTED = {
  // canonical: [kind, lat, lon, a word of the hierarchy path]
  Kirkuk: ['city', 35.47, 44.39, 'Kirkuk Governorate'],
  Baghdad: ['city', 33.34, 44.40, 'Baghdad Governorate'],
  Iraq: ['country', 33, 44, 'Iraq'],
  Iran: ['country', 32, 53, 'Iran'],
  Turkey: ['country', 39, 35, 'Turkey'],
  'Tuz Khurmatu': ['town', 34.89, 44.63, 'Saladin Governorate'],
  'Taza Khurmatu': ['town', 35.30, 44.33, 'Kirkuk Governorate'],
};

async function rows(p) {
  return p.$$eval('[data-place]', (els) => els.map((e) => ({
    name: e.dataset.place,
    kind: e.dataset.kind,
    lat: e.dataset.lat === '' ? null : Number(e.dataset.lat),
    lon: e.dataset.lon === '' ? null : Number(e.dataset.lon),
    path: e.querySelector('.path')?.textContent ?? '',
    distance: e.querySelector('.distance')?.textContent ?? '',
  })));
}

test('the place list has the expected places as separate resolved rows', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=places`);
  await p.waitForSelector('[data-place="Taza Khurmatu"]', { timeout: 20000 });
  // Places are listed at once and resolved when the full gazetteer has arrived.
  await settled(p);
  const list = await rows(p);
  const names = list.map((r) => r.name);
  assert.equal(new Set(names).size, names.length, 'one row per canonical place');
  for (const [name, [kind, lat, lon, parent]] of Object.entries(EXPECTED)) {
    const row = list.find((r) => r.name === name);
    assert.ok(row, `${name} is listed`);
    assert.equal(row.kind, kind, `${name} kind`);
    assert.ok(Math.abs(row.lat - lat) < 4 && Math.abs(row.lon - lon) < 10, `${name} coordinates ${row.lat},${row.lon}`);
    assert.match(row.path, new RegExp(parent), `${name} hierarchy`);
  }
  // The caption's stated distance is checked against the gazetteer.
  const claim = await p.textContent('[data-place="Tuz Khurmatu"] .claim');
  assert.match(claim, /130 miles \(210 kilometers\) north of/);
  assert.match(claim, /gazetteer gives \d+ km/);
  assert.match(await p.textContent('.attribution'), /GeoNames/);
  // Populations are written with their thousands set apart.
  assert.match(await p.innerText('[data-place="Baghdad"]'), /population \d{1,3}(,\d{3}){2}\n/);
  // A row's sentences are made when its details open, each quoting the place.
  const kirkuk = '[data-place="Kirkuk"] details.place-more';
  assert.equal(await p.$$eval(`${kirkuk} .kwic li`, (l) => l.length), 0);
  await p.click(`${kirkuk} summary`);
  await p.waitForSelector(`${kirkuk} .kwic li`);
  const quotes = await p.$$eval(`${kirkuk} .kwic li`, (l) => l.map((e) => e.textContent));
  assert.ok(quotes.length >= 1 && quotes.length <= 12, `${quotes.length} quotations`);
  assert.ok(quotes.every((q) => /Kirkuk/.test(q)), quotes.join(' | '));
  // A sentence that names the place twice is quoted once, with both marked.
  assert.equal(new Set(quotes).size, quotes.length, `a sentence quoted twice: ${quotes.join(' | ')}`);
  const twice = await p.$$eval(`${kirkuk} .kwic li[data-mentions="2"] strong`, (s) => s.map((e) => e.textContent));
  assert.deepEqual(twice, ['Kirkuk', 'Kirkuk']);
  // So is the reason, from the article resolved again.
  assert.match(await p.textContent(kirkuk), /exact match of "Kirkuk"/);
  await shot(p, 'places-e2e-1280');
  await p.setViewportSize({ width: 375, height: 800 });
  await shot(p, 'places-375');
});

test('changing the reference place updates every distance and the URL', async () => {
  const p = await env.page();
  await p.goto(`${env.url}?view=places`);
  await p.waitForSelector('[data-place="Taza Khurmatu"]', { timeout: 20000 });
  // Places are listed at once and resolved when the full gazetteer has arrived.
  await settled(p);
  const before = await rows(p);
  assert.match(before.find((r) => r.name === 'Baghdad').distance, /km \w+ of Kirkuk/);
  await p.selectOption('#place-ref', 'Baghdad');
  await p.waitForFunction(() => document.querySelector('[data-place="Kirkuk"] .distance')?.textContent.includes('of Baghdad'));
  const after = await rows(p);
  for (const r of after.filter((x) => x.lat !== null && x.name !== 'Baghdad')) {
    assert.match(r.distance, /of Baghdad$/, `${r.name} measured from Baghdad`);
  }
  assert.match(after.find((r) => r.name === 'Kirkuk').distance, /^2\d\d km N/);
  await p.waitForURL(/ref=Baghdad/);
  // Sorting by distance puts the nearest first; the choice survives a reload.
  await p.selectOption('#place-sort', 'distance');
  await p.waitForURL(/sort=distance/);
  await p.reload();
  await p.waitForSelector('[data-place="Taza Khurmatu"]', { timeout: 20000 });
  // Places are listed at once and resolved when the full gazetteer has arrived.
  await settled(p);
  const sorted = await rows(p);
  assert.equal(sorted[0].name, 'Baghdad');
  const km = sorted.filter((r) => r.lat !== null && r.name !== 'Baghdad').map((r) => Number(r.distance.replace(/,/g, '').match(/[\d.]+/)[0]));
  assert.deepEqual(km, [...km].sort((a, b) => a - b));
});

test('a place claimed many times shows each distinct claim once, the first few at once', async () => {
  const p = await env.page();
  await p.goto(env.url);
  await settled(p);
  const lines = [130, 130, 100, 90, 80].map((miles) => `Iraqi forces entered Tuz Khurmatu, ${miles} miles north of Baghdad, on Monday.`);
  await p.fill('[data-testid="import-text"]', `Claims about Tuz Khurmatu\n\n${lines.join('\n\n')}`);
  await p.click('[data-testid="import-submit"]');
  await p.waitForSelector('.import-message.ok');
  await p.click('[data-view="places"]');
  const row = '[data-place="Tuz Khurmatu"]';
  await p.waitForSelector(`${row} .more-claims`, { timeout: 20000 });
  // The new article has no outlet: its mentions are counted under a name, not a blank.
  assert.match(await p.textContent(`${row} p.small:has-text("mentions")`), /Breitbart News: \d+, Unknown outlet: \d+/);
  // The bundled article's claim and four distinct ones of the new article: three shown.
  assert.equal(await p.$$eval(`${row} > .claim`, (l) => l.length), 3);
  assert.match(await p.textContent(`${row} > .claim:has-text("130 miles north of")`), /Made 2 times/);
  assert.equal((await p.textContent(`${row} .more-claims summary`)).trim(), '2 more distinct claims');
  assert.equal(await p.$$eval(`${row} .more-claims .claim`, (l) => l.length), 0, 'made only when opened');
  await p.click(`${row} .more-claims summary`);
  await p.waitForSelector(`${row} .more-claims .claim`);
  const rest = await p.$$eval(`${row} .more-claims .claim`, (l) => l.map((e) => e.textContent));
  assert.equal(rest.length, 2);
  assert.ok(rest.every((c) => /miles north of/.test(c) && /gazetteer gives \d+ km/.test(c)), rest.join(' | '));
  await shot(p, 'places-claims');
});
