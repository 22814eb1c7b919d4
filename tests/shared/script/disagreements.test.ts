import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConverters } from '../../../shared/script';
import type { DisagreementFile } from './disagreements';
import { fixturesDir, nativeOpencc } from './support';

/**
 * The reviewed places where the bundled OpenCC data, Debian's `opencc` and upstream OpenCC disagree on
 * 78,000 lines of Debian's Chinese translation catalogues (scripts/compareOpencc.ts writes the file).
 * The app must write what the review found right; and each engine must still write what was reviewed,
 * so a dictionary upgrade (opencc-js, or Debian's opencc) fails here on exactly the places it changed:
 * re-run the script, review the places it marks `right: null`, and update the correction table.
 */
const file = JSON.parse(readFileSync(path.join(fixturesDir, 'opencc-disagreements.json'), 'utf8')) as DisagreementFile;
const asWritten = { quotes: 'asWritten' } as const;

describe('reviewed disagreements with native and upstream OpenCC', () => {
  it('covers a corpus of tens of thousands of lines in both scripts, every place reviewed', () => {
    expect(file.corpus.lines.hant).toBeGreaterThan(20_000);
    expect(file.corpus.lines.hans).toBeGreaterThan(20_000);
    expect(file.disagreements.length).toBeGreaterThan(0);
    for (const place of file.disagreements) expect(place.right, place.source).not.toBeNull();
    for (const place of file.disagreements.filter((d) => d.arguable)) expect(place.why, place.source).toBeTruthy();
  });

  it('the app writes what the review found right at every place', async () => {
    const converters = await loadConverters();
    const wrong = file.disagreements
      .map((place) => ({ source: place.source, right: place.right, app: converters.convert(place.source, place.direction, asWritten) }))
      .filter((place) => place.app !== place.right);
    expect(wrong).toEqual([]);
  });

  it('the bundled data still writes what was reviewed (an opencc-js upgrade shows here what it changed)', async () => {
    const converters = await loadConverters();
    const changed = file.disagreements
      .map((place) => ({ source: place.source, reviewed: place.bundled, now: converters.tables[place.direction].pipeline.convert(place.source) }))
      .filter((place) => place.now !== place.reviewed);
    expect(changed).toEqual([]);
  });

  it("Debian's opencc still writes what was reviewed (an upgrade of the package shows here what it changed)", () => {
    for (const [direction, config] of [
      ['toHans', 'hk2s'],
      ['toHant', 's2hk'],
    ] as const) {
      const places = file.disagreements.filter((place) => place.direction === direction);
      const now = nativeOpencc(places.map((place) => place.source).join('\n'), config).split('\n');
      const changed = places.map((place, i) => ({ source: place.source, reviewed: place.native, now: now[i] })).filter((p) => p.now !== p.reviewed);
      expect(changed, direction).toEqual([]);
    }
  });
});
