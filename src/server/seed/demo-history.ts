/**
 * A year of demo activity for the service-index dashboards: dossiers received month after month at the demo
 * units, handled through the real action path with the clock moved along (so deadlines, supplements, late
 * finishes, apologies, online payments, electronic results and the counters are all genuine), plus feedback.
 * Deterministic (seeded PRNG). Not loaded by the test harness unless asked (it takes a few seconds).
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { agencies, procedures, publications } from '../platform/db/schema.ts';
import { addDays, makeLocalDate, parseLocalDate } from '../../core/calendar/dates.ts';
import { localMinutesToInstant, toLocalDate } from '../../core/calendar/time.ts';
import { nextOfficeTime, previousOfficeTime } from '../../core/calendar/deadline.ts';
import type { LocalDate } from '../../core/calendar/types.ts';
import type { ProcedureRecord } from '../../core/catalog/types.ts';
import type { AuthInfo } from '../platform/http/auth.ts';

/** mulberry32: small deterministic PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HistoryUnit {
  agencyCode: string;
  desk: string;
  specialist: string;
  leader: string;
  /** Dossiers a month. */
  perMonth: number;
  /** Share of dossiers finished late (0–1). */
  lateShare: number;
}

export interface HistoryOptions {
  units: HistoryUnit[];
  /** First month (YYYY-MM-01) … the day before `until` (local). */
  from: LocalDate;
  until: Date;
  seed?: number;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Siu', 'Rơ Mah', 'Ksor', 'Rah Lan'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Hữu', 'Ngọc', 'Đức', 'Thu', 'Quang', 'H’'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hòa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Trang', 'Tuấn', 'Vy', 'Blơi', 'Nhin'];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

export async function seedDemoHistory(ctx: AppContext, opts: HistoryOptions): Promise<{ dossiers: number; feedback: number }> {
  const rnd = prng(opts.seed ?? 766);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const { loadAssignments, findUserByUsername } = await import('../modules/staff/staff.repository.ts');
  const authOf = async (username: string): Promise<AuthInfo> => {
    const u = await findUserByUsername(ctx.db, username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(ctx.db, u.id) } as AuthInfo;
  };
  const stored = await ctx.files.put(PDF);
  await ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');
  const doc = (kind: 'input' | 'result', name: string, flags: { digitised?: boolean; reused?: boolean; fromCitizenStore?: boolean } = {}) => ({
    kind,
    componentCode: null,
    componentName: name,
    sha256: stored.sha256,
    fileName: `${name}.pdf`,
    digitised: flags.digitised ?? true,
    reused: flags.reused ?? false,
    fromCitizenStore: flags.fromCitizenStore ?? false,
  });

  const realNow = ctx.now;
  let clock = new Date(0);
  ctx.now = () => new Date(clock);
  const cal = await ctx.services.calendar.calendar();
  // Every recorded moment of the demo's history lies in office hours of a working day: no result returned at 02:40.
  const office = (t: Date) => nextOfficeTime(t, cal);
  const untilDay = toLocalDate(opts.until);
  let dossierCount = 0;
  let feedbackCount = 0;
  try {
    for (const unit of opts.units) {
      const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.code, unit.agencyCode));
      if (!agency) continue;
      const desk = await authOf(unit.desk);
      const specialist = await authOf(unit.specialist);
      const leader = await authOf(unit.leader);
      const procs = (
        await ctx.db
          .select({ code: procedures.code, record: procedures.record })
          .from(publications)
          .innerJoin(procedures, eq(procedures.id, publications.procedureId))
          .where(and(eq(publications.agencyId, agency.id), eq(publications.active, true), eq(procedures.structured, true)))
      ).filter((p) => (p.record as ProcedureRecord).channels.some((c) => c.limit && c.limit.unit === 'working_days'));
      if (procs.length === 0) continue;
      // A few procedures carry most of the volume (as in reality: birth, residence, certification…).
      const weighted = procs.flatMap((p, i) => Array.from({ length: i < 3 ? 4 : 1 }, () => p));

      for (let day = opts.from; day < untilDay; day = nextMonthStart(day)) {
        const { year, month } = parseLocalDate(day);
        const workdays: LocalDate[] = [];
        for (let d = day; d < nextMonthStart(day) && d < untilDay; d = addDays(d, 1)) if (cal.isWorkingDay(d)) workdays.push(d);
        if (workdays.length === 0) continue;
        const count = Math.max(1, Math.round(unit.perMonth * (0.8 + rnd() * 0.4) * (workdays.length / 21)));
        for (let i = 0; i < count; i++) {
          const p = pick(weighted);
          const rec = p.record as ProcedureRecord;
          const receivedDay = pick(workdays);
          clock = office(localMinutesToInstant(receivedDay, 7.5 * 60 + Math.floor(rnd() * 8 * 60)));
          if (clock.getTime() >= opts.until.getTime()) continue;
          const offered = new Set(rec.channels.map((c) => c.channel as string));
          const online = offered.has('online') && (rnd() < 0.45 || !offered.has('desk'));
          const channel = online ? 'online' : offered.has('postal') && (rnd() < 0.06 || !offered.has('desk')) ? 'postal' : 'desk';
          if (!offered.has(channel)) continue;
          const fee = rec.feeBearing ? (rnd() < 0.5 ? 20_000 : 50_000) : 0;
          const name = `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
          const applicant = { fullName: name, idNumber: `0${52 + Math.floor(rnd() * 12)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`, phone: `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` };
          const digitised = rnd() < 0.6;
          const documents = [doc('input', 'Tờ khai', { digitised, reused: digitised && rnd() < 0.35, fromCitizenStore: online && rnd() < 0.3 })];
          const body = {
            agencyId: agency.id,
            procedureCode: p.code,
            channel: channel as 'online' | 'desk' | 'postal',
            action: online ? ('submit_online' as const) : ('receive' as const),
            applicant,
            resultMethod: online ? ('online' as const) : ('desk' as const),
            eidAuthenticated: online || rnd() < 0.25,
            documents,
            fees: fee > 0 ? [{ kind: 'fee' as const, description: 'Lệ phí', amountVnd: fee }] : [],
            input: {},
          };
          let { dossier } = await ctx.services.dossiers.create(desk, body, null);
          const step = async (who: AuthInfo, action: string, input: Record<string, unknown> = {}, docs: unknown[] = [], minutes = 30 + rnd() * 240) => {
            clock = office(new Date(clock.getTime() + minutes * 60_000));
            if (clock.getTime() >= opts.until.getTime()) return false;
            dossier = await ctx.services.dossiers.act(who, dossier.id, { action: action as never, version: dossier.version, input, documents: docs as never });
            return true;
          };
          if (online && !(await step(desk, 'receive', {}, [], 60 + rnd() * 600))) continue;
          dossierCount++;
          if (fee > 0 && (online ? rnd() < 0.7 : rnd() < 0.15)) {
            if (!(await step(desk, 'record_payment', { amount: fee, paymentMethod: 'online', reference: `DEMO${dossierCount}` }, [], 5))) continue;
          } else if (fee > 0 && !(await step(desk, 'record_payment', { amount: fee, paymentMethod: 'desk' }, [], 5))) continue;
          if (!(await step(desk, 'forward'))) continue;
          if (!(await step(leader, 'assign', { assigneeId: specialist.userId }))) continue;
          if (!(await step(specialist, 'start_processing'))) continue;
          // Supplements: 10 % once, 2 % twice (which makes the dossier late).
          const supplements = rnd() < 0.1 ? 1 : rnd() < 0.02 ? 2 : 0;
          let stopped = false;
          for (let s = 0; s < supplements && !stopped; s++) {
            if (!(await step(specialist, 'request_supplement', { missingItems: ['Bản sao giấy tờ chứng minh'], ...(s > 0 ? { confirm: true } : {}) }))) stopped = true;
            else if (!(await step(desk, 'supply', {}, [doc('input', 'Giấy tờ bổ sung')], 60 * 24 * (1 + rnd() * 4)))) stopped = true;
          }
          if (stopped) continue;
          // Time to decide: on time for most, past the appointment for `lateShare`.
          const due = dossier.dueAt;
          const late = rnd() < unit.lateShare;
          if (due) {
            const target = late ? due.getTime() + (1 + rnd() * 3) * 86_400_000 : clock.getTime() + (due.getTime() - clock.getTime()) * (0.3 + rnd() * 0.6);
            const wait = Math.max(10, (target - clock.getTime()) / 60_000);
            if (late && rnd() < 0.6) {
              // The leader apologises one day before the appointment and sets a new date.
              const apologyAt = previousOfficeTime(new Date(due.getTime() - 30 * 3_600_000), cal).getTime();
              if (apologyAt > clock.getTime()) {
                clock = new Date(apologyAt);
                if (clock.getTime() >= opts.until.getTime()) continue;
                dossier = await ctx.services.dossiers.act(leader, dossier.id, { action: 'apologize', version: dossier.version, input: { newDueAt: new Date(due.getTime() + 5 * 86_400_000).toISOString(), reasons: ['Cần xác minh thêm thông tin'] }, documents: [] });
              }
            }
            if (!(await step(specialist, 'propose', {}, [], Math.max(10, (target - clock.getTime()) / 60_000 - 60)))) continue;
            void wait;
          } else if (!(await step(specialist, 'propose'))) continue;
          if (!(await step(leader, 'approve', {}, [], 30))) continue;
          const electronic = rnd() < 0.55;
          if (electronic && !(await step(specialist, 'attach_result', {}, [doc('result', 'Kết quả')], 10))) continue;
          if (!(await step(specialist, 'mark_result_ready', { paperResult: !electronic || rnd() < 0.5 }, [], 10))) continue;
          if (!(await step(desk, 'return_result', { returnMethod: online && electronic ? 'online' : 'desk', collectedBy: name }, [], 60 * (2 + rnd() * 48)))) continue;
        }
        // Feedback: one or two a month, answered (mostly on time).
        const fbCount = 1 + Math.floor(rnd() * 2);
        for (let k = 0; k < fbCount; k++) {
          clock = office(localMinutesToInstant(pick(workdays), 9 * 60 + Math.floor(rnd() * 6 * 60)));
          if (clock.getTime() >= opts.until.getTime()) continue;
          const subject = pick(['procedure', 'rule', 'officer', 'other'] as const);
          const r = await ctx.services.feedback.submit(
            { agencyId: agency.id, subject, title: subject === 'officer' ? 'Thái độ tiếp dân' : 'Thời gian giải quyết hồ sơ', content: `Phản ánh tháng ${month}/${year}: đề nghị cơ quan xem xét, giải quyết.`, contact: { fullName: `${pick(SURNAMES)} ${pick(GIVEN)}` } } as never,
            null,
          );
          feedbackCount++;
          let f = await ctx.services.feedback.act(desk, r.id, { action: 'receive', version: 1, input: {} });
          clock = office(new Date(clock.getTime() + 3_600_000));
          f = await ctx.services.feedback.act(desk, r.id, { action: 'classify', version: f.version, input: { classification: 'within_competence' } });
          const days = rnd() < 0.85 ? 3 + rnd() * 10 : 25;
          clock = office(new Date(clock.getTime() + days * 86_400_000));
          if (clock.getTime() >= opts.until.getTime()) continue;
          await ctx.services.feedback.act(leader, r.id, { action: 'answer', version: f.version, input: { answer: 'Cơ quan đã tiếp thu và chỉ đạo khắc phục.' } });
        }
      }
    }
  } finally {
    ctx.now = realNow;
  }
  return { dossiers: dossierCount, feedback: feedbackCount };
}

function nextMonthStart(d: LocalDate): LocalDate {
  const { year, month } = parseLocalDate(d);
  return month === 12 ? makeLocalDate(year + 1, 1, 1) : makeLocalDate(year, month + 1, 1);
}
