import type { ReactNode } from 'react';

/** antd's preset tag colours, by the same names. */
export type TagTone = 'default' | 'processing' | 'success' | 'error' | 'warning' | 'red' | 'volcano' | 'orange' | 'gold' | 'green' | 'cyan' | 'blue' | 'purple';

/**
 * A status or flag in a list cell, drawn like antd's Tag by plain CSS: an antd Tag in every row of a
 * long list costs its first paint more than the rows' own text.
 */
export function CellTag({ tone = 'default', children }: { tone?: TagTone; children: ReactNode }) {
  return <span className={`cell-tag cell-tag-${tone}`}>{children}</span>;
}
