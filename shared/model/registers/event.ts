import { z } from 'zod';
import { daysBetween } from '../../actions/dueDates';
import { ClauseId, OwnerSide } from '../action';
import { RecordBase } from '../record';
import { readChoice, readDate, readInto, readNumber } from '../../registers/cells';
import type { RegisterDefinition } from '../../registers/definition';
import type { RowError } from '../../registers/importTypes';
import { Amount, checkDateRange, checkMoney, Currency, foldedKey, readAmountAndCurrency, readClauses, sideWords } from './common';

export const EventKind = z.enum(['forum', 'roadshow', 'exhibition', 'delegation', 'mediaCampaign']);
export type EventKind = z.infer<typeof EventKind>;
export const eventKinds = EventKind.options;
export const EventStatus = z.enum(['planned', 'confirmed', 'held', 'cancelled']);
export type EventStatus = z.infer<typeof EventStatus>;
export const eventStatuses = EventStatus.options;

const Count = z.number('validation.number').int('validation.wholeNumber').nonnegative('validation.notNegative').max(10_000_000, 'validation.tooLarge');

/** What an event brought: filled in once it is held. */
export const EventOutcome = z.object({
  attendance: Count.nullable(),
  enquiries: Count.nullable(),
  mediaCoverage: z.string().trim().max(5000, 'validation.tooLong'),
});

/** A promotion event or campaign (聯合推廣, 第二條（三）4). */
export const PromotionEvent = RecordBase.extend({
  name: z.string().min(1, 'validation.required').max(300, 'validation.tooLong'),
  kind: EventKind,
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  city: z.string().max(120, 'validation.tooLong'),
  venue: z.string().max(300, 'validation.tooLong'),
  audience: z.string().max(500, 'validation.tooLong'),
  leadSide: OwnerSide,
  coOrganisers: z.string().max(1000, 'validation.tooLong'),
  budget: z.number().positive().nullable(),
  currency: Currency.nullable(),
  status: EventStatus,
  outcome: EventOutcome,
  clauses: z.array(ClauseId),
  notes: z.string().max(20_000, 'validation.tooLong'),
});
export type PromotionEvent = z.infer<typeof PromotionEvent>;

export const PromotionEventFields = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
    kind: z.enum(EventKind.options, 'validation.eventKind'),
    startDate: z.iso.date('validation.date'),
    endDate: z.iso.date('validation.date'),
    city: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
    venue: z.string().trim().max(300, 'validation.tooLong'),
    audience: z.string().trim().max(500, 'validation.tooLong'),
    leadSide: z.enum(OwnerSide.options, 'validation.leadSide'),
    coOrganisers: z.string().trim().max(1000, 'validation.tooLong'),
    budget: Amount.nullable(),
    currency: z.enum(Currency.options, 'validation.currency').nullable(),
    status: z.enum(EventStatus.options, 'validation.eventStatus'),
    outcome: EventOutcome,
    clauses: z.array(ClauseId).min(1, 'validation.clauseNeeded'),
    notes: z.string().trim().max(20_000, 'validation.tooLong'),
  })
  .superRefine((f, ctx) => {
    checkMoney(f.budget, f.currency, ctx, { amount: 'budget', currency: 'currency' });
    checkDateRange(f.startDate, f.endDate, ctx, true);
  });
export type PromotionEventFields = z.output<typeof PromotionEventFields>;

type Dated = { id: string; startDate: string; endDate: string };

export interface CalendarDay {
  date: string;
  /** False for the days of the previous and next month that fill the first and last weeks. */
  inMonth: boolean;
  /** Events on this day, the ones starting earliest first; a multi-day event is on each of its days. */
  eventIds: string[];
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The weeks of a month (`YYYY-MM`), Monday first as calendars in Hong Kong and Shenzhen print them,
 * each day with the events running on it.
 */
export function monthCalendar(month: string, events: readonly Dated[]): CalendarDay[][] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, monthNumber - 1, 1));
  const last = new Date(Date.UTC(year, monthNumber, 0));
  const start = new Date(first);
  start.setUTCDate(1 - ((first.getUTCDay() + 6) % 7));
  const end = new Date(last);
  end.setUTCDate(last.getUTCDate() + (6 - ((last.getUTCDay() + 6) % 7)));
  const from = isoDay(start);
  const to = isoDay(end);
  const sorted = events
    .filter((e) => e.startDate <= to && e.endDate >= from)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  const weeks: CalendarDay[][] = [];
  for (const day = new Date(start); day <= end; day.setUTCDate(day.getUTCDate() + 1)) {
    if (weeks.length === 0 || weeks.at(-1)!.length === 7) weeks.push([]);
    const date = isoDay(day);
    weeks.at(-1)!.push({
      date,
      inMonth: day.getUTCMonth() === monthNumber - 1,
      eventIds: sorted.filter((e) => e.startDate <= date && e.endDate >= date).map((e) => e.id),
    });
  }
  return weeks;
}

/** `YYYY-MM` shifted by whole months. */
export function addMonths(month: string, delta: number): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(year, monthNumber - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

/** Events not over and not cancelled, soonest first: what the overview lists as coming up. */
export function upcomingEvents<E extends Dated & { status: EventStatus; deletedAt: string | null }>(
  events: readonly E[],
  today: string,
  limit: number,
): E[] {
  return events
    .filter((e) => !e.deletedAt && e.status !== 'cancelled' && daysBetween(today, e.endDate) >= 0)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
    .slice(0, limit);
}

export const eventKindWords: Record<EventKind, string[]> = {
  forum: ['論壇', '论坛', '研討會', '研讨会', '峰會', '峰会', '會議', '会议', 'forum', 'conference', 'summit', 'seminar'],
  roadshow: ['路演', '推介會', '推介会', '巡迴推介', '巡回推介', 'roadshow', 'road show'],
  exhibition: ['展覽', '展览', '展覽會', '展览会', '博覽會', '博览会', 'exhibition', 'expo', 'fair'],
  delegation: ['代表團', '代表团', '考察團', '考察团', '訪問團', '访问团', '訪問', '访问', 'delegation', 'visit', 'mission'],
  mediaCampaign: ['媒體宣傳', '媒体宣传', '宣傳活動', '宣传活动', '宣傳', '宣传', 'media campaign', 'campaign', 'media'],
};
export const eventStatusWords: Record<EventStatus, string[]> = {
  planned: ['計劃中', '计划中', '籌備中', '筹备中', '擬辦', '拟办', 'planned', 'planning'],
  confirmed: ['已確定', '已确定', '已確認', '已确认', '確定', '确定', 'confirmed'],
  held: ['已舉行', '已举行', '已舉辦', '已举办', '完成', '已完成', 'held', 'done', 'completed'],
  cancelled: ['已取消', '取消', 'cancelled', 'canceled'],
};

function readCount(text: string): { value: number | null } | { error: string } {
  const result = readNumber(text);
  if ('error' in result || result.value === null) return result;
  return Number.isInteger(result.value) ? result : { error: 'validation.wholeNumber' };
}

export const promotionEventRegister: RegisterDefinition<PromotionEvent, PromotionEventFields> = {
  kind: 'promotionEvents',
  fields: PromotionEventFields,
  columns: [
    { field: 'name', aliases: ['活動', '活动', '活動名稱', '活动名称', '名稱', '名称', 'event', 'event name', 'name', 'title'], required: true },
    { field: 'kind', aliases: ['類型', '类型', '類別', '类别', '形式', 'kind', 'type', 'format'] },
    { field: 'startDate', aliases: ['開始日期', '开始日期', '日期', '舉行日期', '举行日期', 'start date', 'date', 'start', 'from'], required: true },
    { field: 'endDate', aliases: ['結束日期', '结束日期', 'end date', 'end', 'to', 'until'] },
    { field: 'city', aliases: ['城市', '地點', '地点', 'city', 'location'] },
    { field: 'venue', aliases: ['場地', '场地', '會場', '会场', 'venue', 'place'] },
    { field: 'audience', aliases: ['對象', '对象', '目標對象', '目标对象', '受眾', '受众', 'audience', 'target audience'] },
    { field: 'leadSide', aliases: ['牽頭', '牵头', '牽頭方', '牵头方', '主辦方', '主办方', 'lead', 'lead side', 'organiser'] },
    { field: 'coOrganisers', aliases: ['協辦', '协办', '協辦機構', '协办机构', '合辦', '合办', 'co-organisers', 'co-organizers', 'partners'] },
    { field: 'budget', aliases: ['預算', '预算', '經費', '经费', 'budget', 'cost'] },
    { field: 'currency', aliases: ['貨幣', '货币', '幣種', '币种', 'currency', 'ccy'] },
    { field: 'status', aliases: ['狀態', '状态', 'status'] },
    { field: 'attendance', aliases: ['出席人數', '出席人数', '參加人數', '参加人数', '人數', '人数', 'attendance', 'attendees', 'participants'] },
    { field: 'enquiries', aliases: ['查詢', '查询', '查詢數目', '查询数量', '洽談', '洽谈', 'enquiries', 'inquiries', 'leads'] },
    { field: 'mediaCoverage', aliases: ['媒體報道', '媒体报道', '傳媒報道', '报道', '報道', 'media coverage', 'coverage', 'press'] },
    { field: 'clauses', aliases: ['條款', '条款', 'clause', 'clauses'] },
    { field: 'notes', aliases: ['備註', '备注', 'remarks', 'note', 'notes'] },
  ],
  readRow(cells) {
    const errors: RowError[] = [];
    const text = (field: string) => cells[field] ?? '';
    const { amount, currency } = readAmountAndCurrency(text('budget'), text('currency'), errors, 'budget');
    const startDate = readInto('startDate', readDate(text('startDate')), errors);
    const kind = readInto('kind', readChoice(text('kind'), eventKindWords), errors);
    const leadSide = readInto('leadSide', readChoice(text('leadSide'), sideWords), errors);
    const status = readInto('status', readChoice(text('status'), eventStatusWords), errors);
    const clauses = readInto('clauses', readClauses(text('clauses')), errors);
    return {
      candidate: {
        name: text('name'),
        kind: kind ?? 'forum',
        startDate,
        // A one-day event's sheet often leaves the end date blank.
        endDate: readInto('endDate', readDate(text('endDate')), errors) ?? startDate,
        city: text('city'),
        venue: text('venue'),
        audience: text('audience'),
        leadSide: leadSide ?? 'joint',
        coOrganisers: text('coOrganisers'),
        budget: amount,
        currency,
        status: status ?? 'planned',
        outcome: {
          attendance: readInto('attendance', readCount(text('attendance')), errors),
          enquiries: readInto('enquiries', readCount(text('enquiries')), errors),
          mediaCoverage: text('mediaCoverage'),
        },
        clauses: clauses?.length ? clauses : ['2.3.4'],
        notes: text('notes'),
      },
      errors,
    };
  },
  naturalKey: (f) => `${foldedKey(f.name)}@${f.startDate}`,
  searchTexts: (e) => [e.name, e.city, e.venue, e.audience, e.coOrganisers, e.outcome.mediaCoverage, e.notes],
  label: (f) => `${f.name} (${f.startDate})`,
  toFields: (e) => ({
    name: e.name,
    kind: e.kind,
    startDate: e.startDate,
    endDate: e.endDate,
    city: e.city,
    venue: e.venue,
    audience: e.audience,
    leadSide: e.leadSide,
    coOrganisers: e.coOrganisers,
    budget: e.budget,
    currency: e.currency,
    status: e.status,
    outcome: e.outcome,
    clauses: e.clauses,
    notes: e.notes,
  }),
};

export interface EventSummary {
  /** The next few events not over and not cancelled, soonest first. */
  upcoming: PromotionEvent[];
  byStatus: Record<EventStatus, number>;
}
