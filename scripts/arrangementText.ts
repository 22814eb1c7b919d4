/**
 * Writes shared/arrangement/text/arrangement.json from the shipped Traditional text: the tree in
 * Traditional, and in Simplified as the converter gives it with the reviewed differences applied.
 * Run after changing the text or the list: `npx tsx scripts/arrangementText.ts`; a test checks the
 * stored file matches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildArrangementText } from '../shared/arrangement/text/buildArrangementText';
import { loadConverters } from '../shared/script/convert';

const folder = path.join(import.meta.dirname, '../shared/arrangement/text');
const markdown = readFileSync(path.join(folder, 'arrangement.zh-Hant.md'), 'utf8');
const converters = await loadConverters();
const text = buildArrangementText(markdown, (t) => converters.toHans(t));
writeFileSync(path.join(folder, 'arrangement.json'), `${JSON.stringify(text, null, 2)}\n`);
