/**
 * Review of a parsed index entry before publication. Pure.
 *
 * A reviewer sees the fields the page-text parser read (each with its confidence, page-parser.ts), confirms
 * them or sends corrections. `applyReview` returns the new version of the record: the corrected fields
 * replaced, the others kept as read, the source page text (`record.text`) untouched, and a `review` stamp
 * naming the reviewer and the fields corrected. The server stores it as a new, append-only version.
 * Publication of an index entry is refused while a low-confidence field has not been reviewed
 * (`unreviewedLowFields`, page-parser.ts).
 *
 * Field ↔ correction: channels, time and fees are corrected together through `channels`; components
 * through `components` and `notes`; agencies through `executing`.
 */
import { computeDueAt } from '../calendar/deadline.ts';
import type { TimeLimit } from '../calendar/types.ts';
import { cleanText } from '../text/fold.ts';
import type { ChannelSpec, CodedName, DossierComponent, OnlineLevel, ParsedField, ProcedureNote, ProcedureRecord, ReviewStamp } from './types.ts';

export interface ReviewCorrections {
  channels?: ChannelSpec[] | undefined;
  components?: DossierComponent[] | undefined;
  notes?: ProcedureNote[] | undefined;
  results?: CodedName[] | undefined;
  legalBasis?: CodedName[] | undefined;
  executing?: string[] | undefined;
  onlineLevel?: OnlineLevel | undefined;
}

export interface ReviewError {
  /** Path in the corrections, e.g. `channels[1].limit.amount`. */
  path: string;
  code: 'limit_invalid' | 'channel_duplicate' | 'channels_empty' | 'component_empty' | 'component_counts' | 'fee_invalid' | 'online_without_channel' | 'result_empty';
  message: string;
}

/** JSON with object keys sorted and absent (undefined) keys dropped: equality that ignores key order. */
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, stable((v as Record<string, unknown>)[k])]));
  return v;
}
const sameJson = (a: unknown, b: unknown) => JSON.stringify(stable(a)) === JSON.stringify(stable(b));

/** A limit the due-date engine accepts (working days in halves, whole calendar days, hours ≥ 0, same day). */
export function limitError(limit: TimeLimit | null): string | null {
  if (limit === null) return null;
  try {
    // computeDueAt validates the amount for its unit; any calendar does for that check.
    computeDueAt(new Date(0), limit, PROBE_CALENDAR);
    if (limit.unit !== 'same_day' && limit.amount <= 0) return 'a limit must be more than 0';
    return null;
  } catch (err) {
    return err instanceof RangeError ? err.message : String(err);
  }
}

// A calendar where every day is a working day from 07:30 to 17:00: enough to validate an amount.
const PROBE_POLICY = {
  id: 'probe',
  validFrom: '1900-01-01',
  validTo: null,
  legalBasis: '',
  weekendDays: [],
  officeHours: [{ start: '07:30', end: '17:00' }],
  sameDayCutoff: '15:00',
  receiptOutsideHoursCountsFromNextWorkingDay: false,
  compensateWeekendHolidays: false,
  dueTime: 'end_of_office_hours' as const,
  dueSoonWorkingDays: 1,
  holidays: [],
};
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const PROBE_CALENDAR = {
  isWorkingDay: () => true,
  nextWorkingDay: (d: string) => addDays(d, 1),
  addWorkingDays: (d: string, n: number) => addDays(d, n),
  workingDaysBetween: (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000,
  policyAt: () => PROBE_POLICY,
  describeDay: () => ({ working: true, reason: null }),
  holidaysOfYear: () => [],
};

export function validateCorrections(c: ReviewCorrections): ReviewError[] {
  const errors: ReviewError[] = [];
  if (c.channels) {
    if (c.channels.length === 0) errors.push({ path: 'channels', code: 'channels_empty', message: 'at least one channel' });
    const seen = new Set<string>();
    c.channels.forEach((ch, i) => {
      if (seen.has(ch.channel)) errors.push({ path: `channels[${i}].channel`, code: 'channel_duplicate', message: `${ch.channel} listed twice` });
      seen.add(ch.channel);
      const le = limitError(ch.limit);
      if (le) errors.push({ path: `channels[${i}].limit`, code: 'limit_invalid', message: le });
      (ch.conditionalLimits ?? []).forEach((cl, j) => {
        const e = limitError(cl.limit);
        if (e) errors.push({ path: `channels[${i}].conditionalLimits[${j}].limit`, code: 'limit_invalid', message: e });
      });
      ch.fees.forEach((f, j) => {
        if (!Number.isInteger(f.amountVnd) || f.amountVnd < 0) errors.push({ path: `channels[${i}].fees[${j}].amountVnd`, code: 'fee_invalid', message: 'a whole, non-negative number of VND' });
      });
    });
  }
  const channels = c.channels;
  if (c.onlineLevel && c.onlineLevel !== 'none' && channels && !channels.some((ch) => ch.channel === 'online')) {
    errors.push({ path: 'onlineLevel', code: 'online_without_channel', message: 'an online level needs an online channel' });
  }
  (c.components ?? []).forEach((comp, i) => {
    if (!cleanText(comp.name)) errors.push({ path: `components[${i}].name`, code: 'component_empty', message: 'a component needs a name' });
    if (comp.originalCount + comp.copyCount === 0) errors.push({ path: `components[${i}]`, code: 'component_counts', message: 'a component asks for at least one original or copy (otherwise it is a note)' });
  });
  (c.results ?? []).forEach((r, i) => {
    if (!cleanText(r.name)) errors.push({ path: `results[${i}].name`, code: 'result_empty', message: 'a result needs a name' });
  });
  return errors;
}

/**
 * The reviewed version of `record`. Throws nothing: call validateCorrections first (the service does and
 * answers 400 with the paths). Fields whose correction equals what was read count as confirmed.
 */
export function applyReview(record: ProcedureRecord, c: ReviewCorrections, who: Omit<ReviewStamp, 'corrected'>): ProcedureRecord {
  const corrected = new Set<ParsedField>();
  const next: ProcedureRecord = { ...record };
  if (c.channels && !sameJson(c.channels, record.channels)) {
    const before = new Map(record.channels.map((ch) => [ch.channel, ch]));
    if (!sameJson(c.channels.map((x) => x.channel).sort(), record.channels.map((x) => x.channel).sort())) corrected.add('channels');
    for (const ch of c.channels) {
      const b = before.get(ch.channel);
      if (!b || !sameJson([ch.limit, ch.conditionalLimits ?? [], ch.stages], [b.limit, b.conditionalLimits ?? [], b.stages])) corrected.add('time');
      if (!b || !sameJson(ch.fees, b.fees)) corrected.add('fees');
      if (b && ch.description !== b.description) corrected.add('channels');
    }
    next.channels = c.channels.map((ch) => {
      const b = before.get(ch.channel);
      const timeChanged = !b || !sameJson([ch.limit, ch.conditionalLimits ?? []], [b.limit, b.conditionalLimits ?? []]);
      return timeChanged ? { ...ch, limitSource: 'review' as const } : ch;
    });
  }
  if ((c.components && !sameJson(c.components, record.components)) || (c.notes && !sameJson(c.notes, record.notes ?? []))) {
    corrected.add('components');
    if (c.components) next.components = c.components;
    if (c.notes) next.notes = c.notes;
  }
  if (c.results && !sameJson(c.results, record.results)) {
    corrected.add('results');
    next.results = c.results;
  }
  if (c.legalBasis && !sameJson(c.legalBasis, record.legalBasis)) {
    corrected.add('legalBasis');
    next.legalBasis = c.legalBasis;
  }
  if (c.executing && !sameJson(c.executing, record.agencies.executing)) {
    corrected.add('agencies');
    next.agencies = { ...record.agencies, executing: c.executing };
  }
  if (c.onlineLevel) next.onlineLevel = c.onlineLevel;
  else if (!next.channels.some((ch) => ch.channel === 'online')) next.onlineLevel = 'none';
  next.structured = next.channels.length > 0;
  next.feeBearing = next.channels.some((ch) => ch.fees.some((f) => f.amountVnd > 0)) || (record.feeBearing && !c.channels);
  const order = ['channels', 'time', 'fees', 'components', 'results', 'legalBasis', 'agencies'] as const;
  next.review = { ...who, corrected: order.filter((f) => corrected.has(f)) };
  return next;
}

/** Names of the parsed fields (error messages, review screen). */
export const PARSED_FIELD_LABELS: Readonly<Record<ParsedField, { vi: string; en: string }>> = {
  channels: { vi: 'cách thức nộp', en: 'channels' },
  time: { vi: 'thời hạn giải quyết', en: 'processing time' },
  fees: { vi: 'phí, lệ phí', en: 'fees' },
  components: { vi: 'thành phần hồ sơ', en: 'dossier components' },
  results: { vi: 'kết quả', en: 'results' },
  legalBasis: { vi: 'căn cứ pháp lý', en: 'legal basis' },
  agencies: { vi: 'cơ quan thực hiện', en: 'implementing agency' },
};
