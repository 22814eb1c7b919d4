import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../../shared/actions/dueDates';
import type { Language } from '../../../shared/model/language';
import { addMonths, monthCalendar, type PromotionEvent } from '../../../shared/model/registers/event';
import { calendarDate } from '../format';

/** Events a day cell names before "N more". */
const SHOWN_PER_DAY = 2;

/**
 * A month of promotion events beside the list, Monday first: each day names its events (a
 * multi-day event on each of its days), each a button that opens the event.
 */
export function EventCalendar({ events, language, onOpen }: { events: PromotionEvent[]; language: Language; onOpen: (event: PromotionEvent) => void }) {
  const { t } = useTranslation();
  const today = localToday(new Date());
  const [month, setMonth] = useState(today.slice(0, 7));
  const live = useMemo(() => events.filter((e) => !e.deletedAt), [events]);
  const byId = useMemo(() => new Map(live.map((e) => [e.id, e])), [live]);
  const weeks = useMemo(() => monthCalendar(month, live), [month, live]);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const monthName = new Date(Date.UTC(year, monthNumber - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  const title = t('registers.promotionEvents.monthTitle', { year, month: monthNumber, monthName });

  return (
    <section aria-label={t('registers.promotionEvents.calendar')} className="event-calendar">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Button icon={<LeftOutlined />} aria-label={t('registers.promotionEvents.previousMonth')} onClick={() => setMonth(addMonths(month, -1))} />
        <Typography.Text strong aria-live="polite" data-testid="calendar-month">
          {title}
        </Typography.Text>
        <Space>
          <Button size="small" onClick={() => setMonth(today.slice(0, 7))}>
            {t('registers.promotionEvents.thisMonth')}
          </Button>
          <Button icon={<RightOutlined />} aria-label={t('registers.promotionEvents.nextMonth')} onClick={() => setMonth(addMonths(month, 1))} />
        </Space>
      </Space>
      <table className="event-calendar-grid">
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            {t('registers.promotionEvents.weekdays')
              .split(',')
              .map((day) => (
                <th key={day} scope="col">
                  {day}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => {
                const dayEvents = day.eventIds.map((id) => byId.get(id)!);
                return (
                  <td
                    key={day.date}
                    className={[day.inMonth ? '' : 'outside', day.date === today ? 'today' : ''].join(' ')}
                    aria-label={t('registers.promotionEvents.dayEvents', { date: calendarDate(day.date, language), count: dayEvents.length })}
                    data-date={day.date}
                  >
                    <div className="day-number">{Number(day.date.slice(8))}</div>
                    {dayEvents.slice(0, SHOWN_PER_DAY).map((event) => (
                      <button
                        type="button"
                        key={event.id}
                        className={`event-chip status-${event.status}`}
                        title={`${event.name}（${t(`registers.promotionEvents.status.${event.status}`)}）`}
                        onClick={() => onOpen(event)}
                      >
                        {/* The status in words too, never by the chip's colour alone. */}
                        {event.status === 'held' && <span aria-hidden>✓ </span>}
                        {event.name}
                        <span className="visually-hidden">（{t(`registers.promotionEvents.status.${event.status}`)}）</span>
                      </button>
                    ))}
                    {dayEvents.length > SHOWN_PER_DAY && (
                      <div className="more">{t('registers.promotionEvents.more', { count: dayEvents.length - SHOWN_PER_DAY })}</div>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
