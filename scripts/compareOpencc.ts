/**
 * Compares the bundled OpenCC data (opencc-js) with upstream OpenCC's newest dictionaries and with
 * Debian's `opencc` command, on real Chinese text nobody here wrote: the Traditional (zh_TW, zh_HK) and
 * Simplified (zh_CN) translation catalogues of the Debian packages installed under /usr/share/locale.
 * Traditional lines go through hk2s, Simplified lines through s2hk, as the app converts them.
 *
 *   git clone https://github.com/BYVoid/OpenCC /tmp/OpenCC   (or any checkout; only data/ is read)
 *   npx tsx scripts/compareOpencc.ts /tmp/OpenCC/.git
 *
 * Writes tests/fixtures/script/opencc-disagreements.json: every distinct place where the three disagree,
 * with how many corpus lines show it, keeping the verdicts (`right`, or `arguable`) already reviewed, so
 * a dictionary upgrade shows exactly what it changed; new places come out with `right: null` to review.
 * Prints the figures: lines compared, lines in disagreement, and how many each engine got wrong.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { loadConverters } from '../shared/script/convert';
import type { Direction } from '../shared/script/dictionaries';
import { parseDictionary, PhraseTable } from '../shared/script/phraseTable';
import { Pipeline } from '../shared/script/pipeline';
import { disagreementKey, type Disagreement, type DisagreementFile } from '../tests/shared/script/disagreements';

const gitDir = process.argv[2];
if (!gitDir) throw new Error('usage: npx tsx scripts/compareOpencc.ts <OpenCC .git directory>');
const output = path.join(import.meta.dirname, '../tests/fixtures/script/opencc-disagreements.json');
const LOCALES = { hant: ['zh_TW', 'zh_HK', 'zh_Hant'], hans: ['zh_CN', 'zh_Hans'] } as const;
const CONTEXT = 3;

// --- the corpus -------------------------------------------------------------------------------------

/** Every msgstr of a compiled catalogue, unescaped. */
function translations(mo: string): string[] {
  const po = execFileSync('msgunfmt', ['--no-wrap', mo], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
  const out: string[] = [];
  let current: string[] | null = null;
  for (const line of po.split('\n')) {
    const start = /^msgstr(?:\[\d+\])? "(.*)"$/.exec(line);
    if (start) out.push((current = [start[1]!]).join(''));
    else if (current && line.startsWith('"')) out[out.length - 1] += line.slice(1, -1);
    else current = null;
  }
  return out.map((s) => s.replace(/\\(["\\abfnrtv])/g, (_, c: string) => ({ n: '\n', t: '\t', r: '', a: '', b: '', f: '', v: '' })[c] ?? c));
}

function corpus(script: 'hant' | 'hans'): { lines: string[]; files: string[] } {
  const lines = new Set<string>();
  const files: string[] = [];
  for (const locale of LOCALES[script]) {
    const folder = `/usr/share/locale/${locale}/LC_MESSAGES`;
    if (!existsSync(folder)) continue;
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.mo')).sort()) {
      files.push(path.join(folder, file));
      for (const text of translations(path.join(folder, file))) {
        for (const piece of text.split(/[\n\t]/)) {
          const line = piece.trim();
          if (/[\u3400-\u9fff]/.test(line)) lines.add(line);
        }
      }
    }
  }
  return { lines: [...lines], files };
}

/** The Debian packages the catalogues come from, with their versions, so the corpus can be had again. */
function packagesOf(files: string[]): string[] {
  const owners = execFileSync('dpkg', ['-S', ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const names = [...new Set(owners.split('\n').filter(Boolean).map((l) => l.split(':')[0]!.split(',')[0]!.trim()))].sort();
  return execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Version}\\n', ...names], { encoding: 'utf8' }).trim().split('\n');
}

// --- upstream OpenCC, from its data/dictionary text files --------------------------------------------

const upstreamText = (file: string) => execFileSync('git', ['--git-dir', gitDir!, 'show', `HEAD:data/dictionary/${file}`], { encoding: 'utf8', maxBuffer: 1 << 28 });

function entries(text: string): Array<[string, string[]]> {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key, values] = line.split('\t') as [string, string];
      return [key, values.trim().split(' ')];
    });
}

const first = (list: Array<[string, string[]]>): Array<[string, string]> => list.map(([key, values]) => [key, values[0]!]);

/** data/scripts/reverse.py: value → keys, a `# @reverse-prefer:` line choosing among several. */
function reversed(text: string): Array<[string, string]> {
  const preferred = new Map<string, string>();
  for (const line of text.split('\n')) {
    const fields = line.startsWith('# @reverse-prefer:') ? line.slice('# @reverse-prefer:'.length).trim().split(/\s+/) : [];
    if (fields.length) preferred.set(fields[0]!, fields.at(-1)!);
  }
  const byValue = new Map<string, string[]>();
  for (const [key, values] of entries(text)) for (const value of values) byValue.set(value, [...(byValue.get(value) ?? []), key]);
  return [...byValue].map(([value, keys]) => [value, preferred.get(value) ?? keys[0]!]);
}

/** data/scripts/extract_tofu_risk.py: the mappings after `# @tofu-risk:`, without the identity. */
function tofuRisk(text: string): Array<[string, string]> {
  const lines = text.split('\n');
  const out: Array<[string, string]> = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('# @tofu-risk:')) return;
    const [key, values] = lines[i + 1]!.split('\t') as [string, string];
    const rest = values.trim().split(' ').filter((v, k) => !(k === 0 && v === key));
    if (rest.length) out.push([key, rest[0]!]);
  });
  return out;
}

function upstreamPipelines(): Record<Direction, Pipeline> {
  const dict = (name: string) => first(entries(upstreamText(`${name}.txt`)));
  const normalization = new PhraseTable([dict('CJK_Compatibility_Ideographs')]);
  const tsPhrases = dict('TSPhrases');
  const tsCharacters = upstreamText('TSCharacters.txt');
  const tsSegmentation = new PhraseTable([tsPhrases]);
  // t2s.json with --include-tofu-risk-dictionaries, as the dictionary build converts regional phrase keys.
  const t2s = new Pipeline({ normalization, segmentation: tsSegmentation, stages: [new PhraseTable([tsPhrases, tofuRisk(tsCharacters), first(entries(tsCharacters))])] });
  // data/scripts/generate_st_phrases_from_regional_phrases.py: Simplified key (3+ characters) → regional key.
  const generated = new Map<string, string>();
  for (const file of ['HKPhrases.txt', 'TWPhrases.txt']) {
    for (const [key] of entries(upstreamText(file))) {
      const simplified = t2s.convert(key);
      if (simplified.length >= 3 && !generated.has(simplified)) generated.set(simplified, key);
    }
  }
  const stSegmentation = new PhraseTable([dict('STPhrases'), [...generated]]);
  const hkVariants = upstreamText('HKVariants.txt');
  return {
    toHant: new Pipeline({
      normalization,
      segmentation: stSegmentation,
      stages: [new PhraseTable([dict('STCharacters')], stSegmentation), new PhraseTable([dict('HKVariantsPhrases'), first(entries(hkVariants))])],
    }),
    toHans: new Pipeline({
      normalization,
      segmentation: tsSegmentation,
      stages: [new PhraseTable([dict('HKVariantsRevPhrases'), reversed(hkVariants)]), new PhraseTable([tsPhrases, first(entries(tsCharacters))])],
    }),
  };
}

// --- the comparison ---------------------------------------------------------------------------------

const native = (lines: string[], config: string) => execFileSync('opencc', ['-c', config], { input: lines.join('\n'), encoding: 'utf8', maxBuffer: 1 << 28 }).split('\n');

/** The stretches where the three outputs of one line differ, with a little context either side. */
function hunks(source: string, outputs: [string, string, string]): Array<{ start: number; end: number }> {
  const chars = [source, ...outputs].map((s) => Array.from(s));
  const n = chars[0]!.length;
  if (chars.some((c) => c.length !== n)) return [{ start: 0, end: n }];
  const spans: Array<{ start: number; end: number }> = [];
  for (let i = 0; i < n; i++) {
    if (chars[1]![i] === chars[2]![i] && chars[2]![i] === chars[3]![i]) continue;
    const start = Math.max(0, i - CONTEXT);
    let j = i;
    while (j < n && !(chars[1]![j] === chars[2]![j] && chars[2]![j] === chars[3]![j])) j++;
    const end = Math.min(n, j + CONTEXT);
    const last = spans.at(-1);
    if (last && start <= last.end) last.end = end;
    else spans.push({ start, end });
    i = j;
  }
  return spans;
}

/**
 * Entry by entry, what upstream's dictionaries change from the bundled ones (first candidates): keys only
 * one side has, and keys whose target differs. Added keys are counted (mostly rare supplementary ideographs).
 */
async function dictionaryChanges(): Promise<DisagreementFile['dictionaries']> {
  const names = ['STPhrases', 'STCharacters', 'TSPhrases', 'TSCharacters', 'HKVariants', 'HKVariantsPhrases', 'HKVariantsRevPhrases'];
  const out: DisagreementFile['dictionaries'] = {};
  for (const name of names) {
    const bundled = new Map(parseDictionary(((await import(`opencc-js/dict/${name}`)) as { default: string }).default));
    const theirs = new Map(first(entries(upstreamText(`${name}.txt`))));
    out[name] = {
      added: [...theirs.keys()].filter((key) => !bundled.has(key)).length,
      removed: [...bundled.keys()].filter((key) => !theirs.has(key)),
      changed: [...theirs].filter(([key, value]) => bundled.has(key) && bundled.get(key) !== value).map(([key, value]) => `${key} ${bundled.get(key)}→${value}`),
    };
  }
  return out;
}

const converters = await loadConverters();
const upstream = upstreamPipelines();
const previous = existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as DisagreementFile) : null;
const verdicts = new Map((previous?.disagreements ?? []).map((d) => [disagreementKey(d), d]));
const found = new Map<string, Disagreement>();
const figures: DisagreementFile['corpus']['lines'] = { hant: 0, hans: 0 };
const linesInDisagreement = { hant: 0, hans: 0 };
const files: string[] = [];
// Per corpus line with a disagreement, the places it shows, to count lines an engine got wrong.
const lineKeys: string[][] = [];

for (const script of ['hant', 'hans'] as const) {
  const direction: Direction = script === 'hant' ? 'toHans' : 'toHant';
  const { lines, files: own } = corpus(script);
  files.push(...own);
  figures[script] = lines.length;
  const nativeLines = native(lines, script === 'hant' ? 'hk2s.json' : 's2hk.json');
  const pipeline = converters.tables[direction].pipeline;
  const places: Array<{ line: string; outputs: [string, string, string]; keys: string[]; forms: [string, string, string, string] }> = [];
  lines.forEach((line, i) => {
    const outputs: [string, string, string] = [pipeline.convert(line), nativeLines[i]!, upstream[direction].convert(line)];
    if (outputs[0] === outputs[1] && outputs[1] === outputs[2]) return;
    linesInDisagreement[script]++;
    const keys: string[] = [];
    lineKeys.push(keys);
    const chars = [line, ...outputs].map((s) => Array.from(s));
    for (const { start, end } of hunks(line, outputs)) {
      places.push({ line, outputs, keys, forms: chars.map((c) => c.slice(start, end).join('')) as [string, string, string, string] });
    }
  });
  // A snippet must show the same difference converted on its own by all three; else the whole line is kept.
  const nativeAlone = native(
    places.map((p) => p.forms[0]),
    script === 'hant' ? 'hk2s.json' : 's2hk.json',
  );
  places.forEach(({ line, outputs, keys, forms: [source, bundled, nativeForm, upstreamForm] }, i) => {
    const alone = pipeline.convert(source) === bundled && nativeAlone[i] === nativeForm && upstream[direction].convert(source) === upstreamForm;
    const entry: Disagreement = {
      direction,
      source: alone ? source : line,
      bundled: alone ? bundled : outputs[0],
      native: alone ? nativeForm : outputs[1],
      upstream: alone ? upstreamForm : outputs[2],
      lines: 1,
      right: null,
    };
    const key = disagreementKey(entry);
    if (keys.includes(key)) return; // a whole line kept once, however many places it has
    keys.push(key);
    const seen = found.get(key);
    if (seen) {
      seen.lines++;
      return;
    }
    const reviewed = verdicts.get(key);
    found.set(key, reviewed ? { ...entry, right: reviewed.right, ...(reviewed.arguable ? { arguable: reviewed.arguable } : {}), ...(reviewed.why ? { why: reviewed.why } : {}) } : entry);
  });
}

const disagreements = [...found.values()].sort((a, b) => (a.direction < b.direction ? -1 : a.direction > b.direction ? 1 : b.lines - a.lines || (a.source < b.source ? -1 : 1)));
const file: DisagreementFile = {
  about: 'Reviewed disagreements between the bundled OpenCC data (opencc-js), upstream OpenCC and Debian\'s opencc; written by scripts/compareOpencc.ts, verdicts by hand.',
  corpus: {
    source: 'msgstr lines with Chinese of the zh_TW, zh_HK, zh_CN (and zh_Hant, zh_Hans) .mo catalogues under /usr/share/locale, split at newlines and tabs, trimmed, each distinct line once',
    packages: packagesOf(files),
    lines: figures,
  },
  engines: {
    bundled: `opencc-js ${(JSON.parse(readFileSync(path.join(import.meta.dirname, '../node_modules/opencc-js/package.json'), 'utf8')) as { version: string }).version}`,
    native: execFileSync('dpkg-query', ['-W', '-f', '${Package} ${Version}', 'opencc'], { encoding: 'utf8' }),
    upstream: `BYVoid/OpenCC ${execFileSync('git', ['--git-dir', gitDir, 'log', '-1', '--format=%H %cs', '--', 'data/dictionary'], { encoding: 'utf8' }).trim()}`,
  },
  linesInDisagreement,
  dictionaries: await dictionaryChanges(),
  disagreements,
};
writeFileSync(output, `${JSON.stringify(file, null, 1)}\n`);

const wrongIn = (engine: 'bundled' | 'native' | 'upstream', d: Disagreement) => d.right !== null && !d.arguable && d[engine] !== d.right;
const wrong = (engine: 'bundled' | 'native' | 'upstream') => lineKeys.filter((keys) => keys.some((key) => wrongIn(engine, found.get(key)!))).length;
const arguableLines = lineKeys.filter((keys) => keys.some((key) => found.get(key)!.arguable)).length;
console.log(`lines compared: ${figures.hant} Traditional (hk2s), ${figures.hans} Simplified (s2hk)`);
console.log(`lines in disagreement: ${linesInDisagreement.hant} + ${linesInDisagreement.hans}; distinct places: ${disagreements.length}`);
console.log(`unreviewed places: ${disagreements.filter((d) => d.right === null && !d.arguable).length}`);
console.log(`lines wrong: bundled ${wrong('bundled')}, native ${wrong('native')}, upstream ${wrong('upstream')}; lines arguable: ${arguableLines}`);
console.log(`places wrong: bundled ${disagreements.filter((d) => wrongIn('bundled', d)).length}, native ${disagreements.filter((d) => wrongIn('native', d)).length}, upstream ${disagreements.filter((d) => wrongIn('upstream', d)).length}; places arguable: ${disagreements.filter((d) => d.arguable).length}`);
