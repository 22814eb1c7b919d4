import { PhraseTable, type DictionaryText } from './phraseTable';
import { Pipeline } from './pipeline';

/** Which way text is converted: to Hong Kong Traditional (OpenCC s2hk) or to Simplified (OpenCC hk2s). */
export type Direction = 'toHant' | 'toHans';

/**
 * The OpenCC configurations we follow, named by opencc-js dictionary module. They mirror opencc-js's
 * `configs.s2hk` / `configs.hk2s` (a test checks they still do); naming the modules here lets each
 * direction load only its own dictionaries (toHans needs ~60 KB, toHant the 1 MB STPhrases).
 */
export const configurations = {
  toHant: {
    opencc: 's2hk',
    normalization: ['CJK_Compatibility_Ideographs'],
    segmentation: ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'],
    stages: [['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'], ['HKVariantsPhrases', 'HKVariants']],
  },
  toHans: {
    opencc: 'hk2s',
    normalization: ['CJK_Compatibility_Ideographs'],
    segmentation: ['TSPhrases'],
    stages: [['HKVariantsRevPhrases', 'HKVariantsRev'], ['TSPhrases', 'TSCharacters']],
  },
} as const;

type DictionaryName =
  | (typeof configurations)[Direction]['normalization'][number]
  | (typeof configurations)[Direction]['segmentation'][number]
  | (typeof configurations)[Direction]['stages'][number][number];

// Literal specifiers so bundlers (Vite) split each dictionary into its own lazily loaded chunk.
const dictionaryModules: Record<DictionaryName, () => Promise<{ default: DictionaryText }>> = {
  CJK_Compatibility_Ideographs: () => import('opencc-js/dict/CJK_Compatibility_Ideographs'),
  STPhrases: () => import('opencc-js/dict/STPhrases'),
  STPhrases_GeneratedFromRegionalPhrases: () => import('opencc-js/dict/STPhrases_GeneratedFromRegionalPhrases'),
  STCharacters: () => import('opencc-js/dict/STCharacters'),
  HKVariantsPhrases: () => import('opencc-js/dict/HKVariantsPhrases'),
  HKVariants: () => import('opencc-js/dict/HKVariants'),
  TSPhrases: () => import('opencc-js/dict/TSPhrases'),
  TSCharacters: () => import('opencc-js/dict/TSCharacters'),
  HKVariantsRevPhrases: () => import('opencc-js/dict/HKVariantsRevPhrases'),
  HKVariantsRev: () => import('opencc-js/dict/HKVariantsRev'),
};

/** The loaded dictionaries of one direction. */
export interface DirectionTables {
  direction: Direction;
  pipeline: Pipeline;
  /** The conversion stages, kept to derive which characters have several counterparts. */
  stages: readonly PhraseTable[];
}

const loading = new Map<Direction, Promise<DirectionTables>>();
const loaded = new Map<Direction, DirectionTables>();

/** Loads one direction's dictionaries once; later calls share the same promise. */
export function loadDirection(direction: Direction): Promise<DirectionTables> {
  let pending = loading.get(direction);
  if (!pending) {
    pending = build(direction).then(
      (tables) => {
        loaded.set(direction, tables);
        return tables;
      },
      (error: unknown) => {
        loading.delete(direction); // let a later call retry, e.g. after a failed chunk fetch
        throw error;
      },
    );
    loading.set(direction, pending);
  }
  return pending;
}

/** The direction's tables if they have finished loading, for synchronous callers. */
export function loadedDirection(direction: Direction): DirectionTables | undefined {
  return loaded.get(direction);
}

async function build(direction: Direction): Promise<DirectionTables> {
  const config = configurations[direction];
  const names = [...new Set<DictionaryName>([...config.normalization, ...config.segmentation, ...config.stages.flat()])];
  const texts = new Map<DictionaryName, DictionaryText>();
  await Promise.all(names.map(async (name) => texts.set(name, (await dictionaryModules[name]()).default)));
  const group = (list: readonly DictionaryName[]) => list.map((name) => texts.get(name)!);
  const segmentation = new PhraseTable(group(config.segmentation));
  const stages = config.stages.map((list) =>
    startsWith(list, config.segmentation)
      ? new PhraseTable(group(list.slice(config.segmentation.length)), segmentation)
      : new PhraseTable(group(list)),
  );
  const pipeline = new Pipeline({ normalization: new PhraseTable(group(config.normalization)), segmentation, stages });
  return { direction, pipeline, stages };
}

function startsWith(list: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= list.length && prefix.every((name, i) => list[i] === name);
}
