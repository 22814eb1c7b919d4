import { Fragment, type Key, type LiHTMLAttributes, type ReactNode, type Ref } from 'react';
import { Card } from 'antd';
import './plainList.css';

/**
 * A short list as a real <ul>/<ol>, in place of antd's List (deprecated in antd 6.6). Its successor,
 * Listy, virtualises: rows off screen are not in the page, so find-in-page, screen readers and
 * printing miss them, which no list of ours is long enough to need.
 */
export function PlainList<T>({
  items,
  rowKey,
  renderItem,
  empty,
  ordered = false,
  bordered = false,
  size = 'default',
  'aria-label': ariaLabel,
}: {
  items: readonly T[];
  rowKey: (item: T) => Key;
  /** One <PlainListItem> per item. */
  renderItem: (item: T, index: number) => ReactNode;
  /** Shown instead of the list when there are no items. */
  empty?: ReactNode;
  ordered?: boolean;
  bordered?: boolean;
  /** `dense` for figures packed beside a chart. */
  size?: 'default' | 'small' | 'dense';
  'aria-label'?: string;
}) {
  if (items.length === 0 && empty !== undefined) return <div className="plain-list-empty">{empty}</div>;
  const Tag = ordered ? 'ol' : 'ul';
  const className = ['plain-list', bordered && 'plain-list-bordered', size !== 'default' && `plain-list-${size}`].filter(Boolean).join(' ');
  return (
    <Tag className={className} aria-label={ariaLabel}>
      {items.map((item, index) => (
        <Fragment key={rowKey(item)}>{renderItem(item, index)}</Fragment>
      ))}
    </Tag>
  );
}

/** One row: its content, then `trailing` (buttons, a date) at the end of the line. Other props go to the <li> (dnd-kit's ref, style). */
export function PlainListItem({
  trailing,
  children,
  className,
  ref,
  ...rest
}: LiHTMLAttributes<HTMLLIElement> & { trailing?: ReactNode; ref?: Ref<HTMLLIElement> }) {
  const classes = ['plain-list-item', rest.onClick && 'plain-list-item-clickable', className].filter(Boolean).join(' ');
  return (
    <li ref={ref} className={classes} {...rest}>
      <div className="plain-list-item-content">{children}</div>
      {trailing && <div className="plain-list-item-trailing">{trailing}</div>}
    </li>
  );
}

/**
 * A small card holding one list: its title (with how many, when `count` is given) also names the
 * list for screen readers, so the overviews' lists read alike.
 */
export function ListCard<T>({ title, count, ...list }: Omit<Parameters<typeof PlainList<T>>[0], 'aria-label' | 'size'> & { title: string; count?: number }) {
  return (
    <Card size="small" title={count === undefined ? title : `${title} (${count})`}>
      <PlainList size="small" aria-label={title} {...list} />
    </Card>
  );
}
