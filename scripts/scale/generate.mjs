#!/usr/bin/env node
// Generates a scale corpus of realistic news articles for NewsLens's benchmarks and tests.
//
//   node scripts/scale/generate.mjs --count 1000 --out target/scale/1k          # .txt files
//   node scripts/scale/generate.mjs --count 10000 --backup target/scale/10k.json # one backup file
//
// Each article is 600–1,000 words in 12–18 paragraphs: a headline, a byline with outlet and
// date, then sentences built from news-wire templates with varied entities. Places come from
// the app's own GeoNames-derived table (www/data/gazetteer.tsv: real towns, regions and
// countries), nationalities from the engine's group lexicon (src/engine/lexicon/groups.tsv);
// person names are drawn from common given names and surnames of many languages, organisations
// from general patterns (ministries, councils, parties with acronyms, agencies). The output is
// deterministic for a given --seed. Both outputs load through the app's own import paths: the
// .txt files through "Choose files…", the backup through "Restore a backup…".
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A small deterministic PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
  };
}

const GIVEN = ('James Maria Ahmed Fatima Wei Li Olga Ivan Carlos Ana Kwame Amina Hiroshi Yuki ' +
  'David Sarah Mohammed Aisha Pierre Claire Hans Greta Raj Priya Jorge Lucia Tomas Elena ' +
  'Samuel Grace Omar Leila Sergei Natalia Kofi Abena Daniel Emma Hassan Zainab Lars Ingrid ' +
  'Mateo Sofia Andrzej Katarzyna Mehmet Ayse Nguyen Thi Peter Ruth Miguel Carmen').split(' ');
const SURNAMES = ('Smith Johnson Garcia Martinez Brown Wilson Anderson Taylor Thomas Moore ' +
  'Hernandez Lopez Gonzalez Perez Sanchez Ramirez Kim Park Lee Chen Wang Zhang Liu Singh ' +
  'Kumar Patel Khan Ali Hussein Rahman Ivanov Petrov Kowalski Nowak Muller Schmidt Rossi ' +
  'Bianchi Dubois Laurent Okafor Mensah Mwangi Otieno Tanaka Suzuki Sato Yilmaz Demir ' +
  'Kaya Haddad Nasser Cohen Levi Silva Santos Costa Andersen Nielsen Jensen Novak Horvat').split(' ');
const TITLES = ['President', 'Prime Minister', 'Foreign Minister', 'Defense Minister', 'Governor',
  'Mayor', 'General', 'Senator', 'Spokesman', 'Commissioner', 'Ambassador', 'Judge'];
const ROLES = ['a spokeswoman for', 'a senior official at', 'the director of', 'an analyst at',
  'a researcher with', 'the head of', 'a lawyer for', 'a member of'];
const ORG_TYPES = ['Ministry of Finance', 'Ministry of Health', 'Interior Ministry',
  'Electoral Commission', 'Central Bank', 'Supreme Court', 'National Assembly',
  'Chamber of Commerce', 'Red Crescent Society', 'Refugee Council', 'Water Authority'];
const PARTIES = [['Democratic Alliance', 'DA'], ['National Unity Party', 'NUP'],
  ['Progressive Labour Party', 'PLP'], ['People\u2019s Liberation Front', 'PLF'],
  ['Civic Renewal Movement', 'CRM'], ['Green Future Party', 'GFP']];
const AGENCIES = ['United Nations', 'World Health Organization', 'International Monetary Fund',
  'World Bank', 'European Union', 'African Union', 'Amnesty International',
  'Human Rights Watch', 'International Committee of the Red Cross', 'World Food Programme'];
const OUTLETS = ['The Daily Ledger', 'Morning Courier', 'Global Wire', 'The Evening Standard Post',
  'Metro Herald', 'Continental Times', 'The Observer Review', 'Northern Gazette'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const TOPICS = ['talks', 'protests', 'floods', 'elections', 'budget', 'ceasefire', 'strike',
  'trade deal', 'drought', 'investigation', 'reforms', 'evacuation'];

/** Real places and nationalities from the app's own data files. */
function loadData() {
  const places = [];
  const countries = [];
  for (const line of readFileSync(join(ROOT, 'www/data/gazetteer.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line) continue;
    const f = line.split('\t');
    if (f[0] === 'C') countries.push(f[3]);
    else if (f[0] === 'P' && Number(f[7]) >= 100000 && /^[A-Z][A-Za-z' -]+$/.test(f[2])) {
      places.push(f[2]);
    }
  }
  const nationalities = [];
  for (const line of readFileSync(join(ROOT, 'src/engine/lexicon/groups.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || !line) continue;
    const [surface, , source] = line.split('\t');
    if (source && source.includes('demonym') && !surface.endsWith('s')) nationalities.push(surface);
  }
  return { places, countries, nationalities };
}

/** One article as { title, outlet, published, text }. */
export function article(i, data, seed = 2017) {
  const r = rng(seed * 1000003 + i);
  const person = () => `${r.pick(GIVEN)} ${r.pick(SURNAMES)}`;
  const place = () => r.pick(data.places);
  const country = () => r.pick(data.countries);
  const nationality = () => r.pick(data.nationalities);
  const num = () => r.int(2, 90) * (r.next() < 0.5 ? 1000 : 10) + r.int(0, 9);
  const fmt = (n) => n.toLocaleString('en-US');
  const year = r.int(2015, 2025);
  const month = r.int(0, 11);
  const day = r.int(1, 28);
  const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const [partyName, partyAcr] = r.pick(PARTIES);
  const lead = person();
  const leadSurname = lead.split(' ')[1];
  const city = place();
  const land = country();
  const topic = r.pick(TOPICS);
  const outlet = r.pick(OUTLETS);
  const templates = [
    () => `${r.pick(TITLES)} ${lead} said on ${r.pick(WEEKDAYS)} that the ${topic} in ${city} would continue.`,
    () => `\u201cWe will not accept this,\u201d ${leadSurname} told reporters in ${place()}.`,
    () => `According to the ${r.pick(ORG_TYPES)}, at least ${fmt(num())} people were affected in ${land}.`,
    () => `The ${partyName} (${partyAcr}) won ${r.int(5, 60)} percent of the vote in ${place()} last month.`,
    () => `${partyAcr} leaders met ${person()}, ${r.pick(ROLES)} the ${r.pick(AGENCIES)}, on ${MONTHS[month]} ${day}.`,
    () => `The ${r.pick(AGENCIES)} said ${fmt(num())} ${nationality()} families had fled to ${place()} since ${r.pick(MONTHS)} ${year - 1}.`,
    () => `${person()}, ${r.pick(ROLES)} ${r.pick(AGENCIES)}, said the figure could rise to ${fmt(num())} by the end of the year.`,
    () => { const mi = r.int(20, 400); return `The convoy travelled ${mi} miles (${Math.round(mi * 1.609)} kilometers) north of ${city} before it stopped.`; },
    () => `Officials in ${land} estimated the damage at $${r.int(2, 900)} million, ${r.int(3, 40)} percent more than in ${year - 1}.`,
    () => `${r.pick(TITLES)} ${person()} of ${country()} is expected to visit ${city} next week.`,
    () => `Residents of ${place()} said the ${topic} had lasted ${r.int(2, 12)} days.`,
    () => `${leadSurname} has led the ${r.pick(ORG_TYPES)} since ${year - r.int(1, 9)}.`,
    () => `Talks between ${country()} and ${country()} resumed in ${place()} on ${r.pick(WEEKDAYS)}.`,
    () => `More than ${fmt(num())} ${nationality()} workers live in ${city}, according to the ${r.pick(ORG_TYPES)}.`,
  ];
  const title = `${leadSurname} vows to press on as tension over ${topic} rises in ${city}`;
  const paras = [title, `By ${person()} | ${outlet} | ${MONTHS[month]} ${day}, ${year}`];
  const nParas = r.int(12, 18);
  for (let p = 0; p < nParas; p++) {
    const n = r.int(3, 4);
    const sentences = [];
    for (let s = 0; s < n; s++) sentences.push(r.pick(templates)());
    paras.push(sentences.join(' '));
  }
  return { title, outlet, published, text: paras.join('\n\n') + '\n' };
}

/** `count` articles. */
export function corpus(count, seed = 2017) {
  const data = loadData();
  return Array.from({ length: count }, (_, i) => article(i, data, seed));
}

/** A backup file (the app's "Restore a backup…" format) holding `articles`. */
export function backup(articles) {
  return JSON.stringify({
    format: 'newslens-backup',
    version: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    articles: articles.map((a, i) => ({
      version: 1,
      meta: {
        id: `scale-${String(i).padStart(5, '0')}`,
        file: `scale-${String(i).padStart(5, '0')}.txt`,
        title: a.title,
        outlet: a.outlet,
        section: null,
        standfirst: null,
        published: a.published,
        url: null,
        certainty: 'user',
        evidence: 'generated by scripts/scale/generate.mjs',
      },
      text: a.text,
      added_at: '2026-01-01T00:00:00.000Z',
    })),
    corrections: [],
    settings: {},
  });
}

function main(argv) {
  const arg = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const count = Number(arg('--count', '1000'));
  const seed = Number(arg('--seed', '2017'));
  const out = arg('--out');
  const file = arg('--backup');
  if (!out && !file) {
    console.error('usage: generate.mjs --count N [--seed S] (--out DIR | --backup FILE)');
    process.exit(2);
  }
  const articles = corpus(count, seed);
  if (out) {
    mkdirSync(out, { recursive: true });
    articles.forEach((a, i) => writeFileSync(join(out, `${String(i).padStart(5, '0')}.txt`), a.text));
  }
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, backup(articles));
  }
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  console.log(`${count} articles, ${(bytes / 1e6).toFixed(1)} MB of text (${Math.round(bytes / count)} B each)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
