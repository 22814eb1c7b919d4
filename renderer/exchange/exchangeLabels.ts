import type { TFunction } from 'i18next';
import type { PackageCounts } from '../../shared/exchange/types';

/** What a package carried, kind by kind in the reader's language ("跟進事項 3 項"); kinds with none left out. */
export function countLines(counts: PackageCounts, t: TFunction): string[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => t('exchange.countLine', { kind: t(`exchange.kind.${kind}`, { defaultValue: kind }), count }));
}
