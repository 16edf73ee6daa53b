/**
 * Demo data of the PAR index (constructed for the demo; no real unit's scores): the commune criteria set of last
 * year and of this year (copied), last year's round published with its ranking, survey results and lost points,
 * and this year's round in progress — Phường Pleiku submitted and appraised, Phường Hội Phú submitted, Phường
 * Diên Hồng late (the deadline passed, nothing submitted, locked). Rows are written directly (deterministic,
 * quick), with the same core functions the service uses for every point and the history entries it would write.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../platform/context.ts';
import { agencies, users } from '../platform/db/schema.ts';
import { formatVnIso, toLocalDate } from '../../core/calendar/index.ts';
import { aggregateSurvey, buildTree, isLeaf, mapRate, parseCriteriaSet, pointsFromAnswer, type Answer, type CriteriaNode, type CriteriaSet } from '../../core/reform/par/index.ts';
import { ParService } from '../modules/reform/par/par.service.ts';
import * as repo from '../modules/reform/par/par.repository.ts';
import { communeCriteriaSet } from './par-commune-set.ts';

/** Per unit: how well it does (0–1) in each area 1–8, for a plausible spread of indices. */
const PROFILES: Record<string, number[]> = {
  '000.01.00.H21': [0.95, 0.9, 0.96, 1, 0.9, 0.95, 0.8, 0.88],
  '000.02.00.H21': [0.8, 0.75, 0.85, 0.9, 0.85, 0.8, 0.6, 0.8],
  '000.03.00.H21': [0.9, 0.85, 0.9, 0.95, 0.8, 0.9, 0.7, 0.85],
  '000.04.00.H21': [0.7, 0.7, 0.75, 0.85, 0.75, 0.7, 0.5, 0.75],
};
const NOTES: Record<string, string> = {
  '1.1.2': 'Còn 02 nhiệm vụ của kế hoạch chưa hoàn thành, không có văn bản giải trình.',
  '1.4': 'Không có tài liệu chứng minh việc tuyên truyền trên loa truyền thanh.',
  '3.3': 'Có hồ sơ trễ hạn nhưng không có thư xin lỗi.',
  '5.1': 'Chưa bố trí đủ công chức theo vị trí việc làm được phê duyệt.',
  '7.4': 'Số liệu tự báo cáo chưa khớp thống kê của phần mềm quản lý văn bản.',
  '6.3': 'Thu ngân sách đạt dưới chỉ tiêu giao.',
};

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);

function answerFor(n: CriteriaNode, f: number): { answer: Answer | null; points: number | null } {
  const m = n.method!;
  const target = f * n.max;
  if (m.kind === 'yesno') {
    const a: Answer = { kind: 'yesno', yes: rnd() < Math.min(1, f + 0.05) };
    return { answer: a, points: (pointsFromAnswer(n, a) as { points: number }).points };
  }
  if (m.kind === 'options') {
    const o = [...m.options].sort((x, y) => Math.abs(x.points * 100 - target) - Math.abs(y.points * 100 - target))[0]!;
    const a: Answer = { kind: 'option', key: o.key };
    return { answer: a, points: (pointsFromAnswer(n, a) as { points: number }).points };
  }
  if (m.kind === 'rate' || m.kind === 'number') {
    const a: Answer = { kind: 'value', value: Math.round(Math.min(100, f * 100 + (rnd() - 0.5) * 10) * 100) / 100 };
    return { answer: a, points: (pointsFromAnswer(n, a) as { points: number }).points };
  }
  return { answer: null, points: null };
}

async function userId(ctx: AppContext, username: string) {
  const [u] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return u?.id ?? null;
}

export async function seedDemoPar(ctx: AppContext): Promise<{ sets: number; rounds: number }> {
  const now = ctx.now();
  const today = toLocalDate(now);
  const year = Number(today.slice(0, 4));
  const svc = new ParService(ctx);
  const officer = await userId(ctx, 'tinh.caicach');
  const appraiser = await userId(ctx, 'tinh.thanhtra');
  const [root] = await ctx.db.select().from(agencies).where(eq(agencies.code, '000.00.00.H21')).limit(1);
  if (!root) return { sets: 0, rounds: 0 };
  const communes = (await Promise.all(Object.keys(PROFILES).map(async (code) => (await ctx.db.select().from(agencies).where(eq(agencies.code, code)).limit(1))[0]))).filter((a): a is NonNullable<typeof a> => !!a);

  const last = await svc.importSet(null, communeCriteriaSet(year - 1));
  const lastSetRow = (await repo.findSet(ctx.db, last.id))!;
  const thisSet = await svc.importSet(null, communeCriteriaSet(year));
  const parsed = parseCriteriaSet(communeCriteriaSet(year));
  if (!parsed.ok) throw new Error('demo PAR set invalid');
  const set: CriteriaSet = parsed.set;
  const tree = buildTree(set.nodes);
  const leaves = set.nodes.filter((n) => isLeaf(tree, n.code));
  const cal = await ctx.services.calendar.calendar();

  const fill = async (roundId: string, ru: repo.RoundUnitRow, agencyCode: string, opts: { appraise: boolean; yearShift: number; at: Date }) => {
    const profile = PROFILES[agencyCode]!.map((f) => Math.max(0, Math.min(1, f + opts.yearShift)));
    for (const n of leaves) {
      const f = profile[Number(n.code.split('.')[0]) - 1]!;
      if (n.method?.kind === 'survey') continue;
      let selfPoints: number | null;
      let selfAnswer: Answer | null = null;
      let autoFigure: Record<string, unknown> | null = null;
      if (n.method?.kind === 'auto') {
        const rate = Math.round(Math.min(100, f * 100 - rnd() * 8) * 100) / 100;
        selfPoints = mapRate(n.method.mapping, rate, n.max);
        autoFigure = { metric: n.method.metric, available: true, numerator: Math.round(rate * 3), denominator: 300, rate, period: { from: `${opts.at.getFullYear()}-01-01`, to: toLocalDate(opts.at) }, query: `Số liệu motcua chốt ngày ${toLocalDate(opts.at)} (${n.method.metric})`, drill: null, computedAt: formatVnIso(opts.at) };
      } else {
        const a = answerFor(n, f);
        selfPoints = a.points;
        selfAnswer = a.answer;
      }
      let appraisedPoints: number | null = null;
      let appraisal: string | null = null;
      let note: string | null = null;
      if (opts.appraise) {
        const adjust = NOTES[n.code] && selfPoints !== null && selfPoints > 0 && rnd() < 0.7;
        appraisedPoints = adjust ? Math.max(0, Math.floor((selfPoints! * 0.5) / 25) * 25) : selfPoints;
        appraisal = adjust ? 'adjusted' : 'accepted';
        note = adjust ? NOTES[n.code]! : null;
      }
      await repo.insertAssessment(ctx.db, { roundUnitId: ru.id, nodeCode: n.code, selfPoints, selfAnswer, autoFigure, explanation: n.method?.kind === 'auto' ? null : 'Hồ sơ lưu tại Văn phòng HĐND - UBND.', appraisedPoints, appraisal, appraiserNote: note, appraisedBy: opts.appraise ? appraiser : null, updatedAt: opts.at, updatedBy: officer });
      if (note) {
        await repo.insertComment(ctx.db, { roundUnitId: ru.id, nodeCode: n.code, cycle: 1, kind: 'appraisal', authorId: appraiser, body: note, createdAt: opts.at });
        await repo.appendHistory(ctx.db, { roundId, agencyId: ru.agencyId, nodeCode: n.code, actorId: appraiser, action: 'appraisal.adjust', from: { points: (selfPoints! / 100).toFixed(2) }, to: { points: (appraisedPoints! / 100).toFixed(2) }, reason: note, at: opts.at });
      }
    }
  };

  // ---- last year: published
  const ly = year - 1;
  const lyAt = new Date(`${ly + 1}-02-20T09:00:00+07:00`);
  const lastRound = await repo.insertRound(ctx.db, { setId: lastSetRow.id, ownerAgencyId: root.id, year: ly, title: `Đánh giá Chỉ số CCHC cấp xã năm ${ly}`, status: 'published', surveyRun: true, periodFrom: `${ly}-01-01`, periodTo: `${ly}-12-31`, selfDeadline: `${ly + 1}-01-15`, appraisalDeadline: `${ly + 1}-02-10`, createdBy: officer, createdAt: new Date(`${ly}-12-20T09:00:00+07:00`), finalisedAt: new Date(`${ly + 1}-02-12T09:00:00+07:00`), publishedAt: lyAt, version: 3 });
  const lastUnits = await repo.insertRoundUnits(ctx.db, communes.map((a) => ({ roundId: lastRound.id, agencyId: a.id, status: 'submitted', submittedAt: new Date(`${ly + 1}-01-14T16:00:00+07:00`), updatedAt: lyAt })));
  for (const ru of lastUnits) {
    const code = communes.find((a) => a.id === ru.agencyId)!.code;
    await fill(lastRound.id, ru, code, { appraise: true, yearShift: -0.04, at: lyAt });
    for (const n of leaves.filter((x) => x.method?.kind === 'survey')) {
      const f = PROFILES[code]![7]! - 0.04;
      const counts = { A: Math.round(200 * f * f), B: Math.round(200 * f * (1 - f) * 1.5), C: Math.round(200 * (1 - f) * 0.6), D: Math.round(200 * (1 - f) * 0.2) };
      const points = aggregateSurvey(n.max, [counts], set.answerWeights).points!;
      await repo.upsertSurvey(ctx.db, { roundId: lastRound.id, agencyId: ru.agencyId, nodeCode: n.code, points, counts: [counts], enteredBy: officer, enteredAt: new Date(`${ly + 1}-02-05T09:00:00+07:00`) });
    }
  }
  for (const [action, at] of [['round.open', `${ly}-12-20`], ['round.finalise', `${ly + 1}-02-12`], ['round.publish', `${ly + 1}-02-20`]] as const)
    await repo.appendHistory(ctx.db, { roundId: lastRound.id, actorId: officer, action, at: new Date(`${at}T09:00:00+07:00`) });

  // ---- this year: in progress
  const selfDeadline = cal.addWorkingDays(today, -2);
  const appraisalDeadline = cal.addWorkingDays(today, 10);
  const openedAt = new Date(`${cal.addWorkingDays(today, -15)}T09:00:00+07:00`);
  const round = await repo.insertRound(ctx.db, { setId: thisSet.id, ownerAgencyId: root.id, year, title: `Đánh giá Chỉ số CCHC cấp xã năm ${year}`, status: 'open', surveyRun: true, periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, selfDeadline, appraisalDeadline, createdBy: officer, createdAt: openedAt });
  await repo.appendHistory(ctx.db, { roundId: round.id, actorId: officer, action: 'round.open', to: { selfDeadline, appraisalDeadline }, at: openedAt });
  const inRound = communes.filter((a) => ['000.01.00.H21', '000.02.00.H21', '000.03.00.H21'].includes(a.code));
  const submittedAt = new Date(`${cal.addWorkingDays(today, -4)}T15:30:00+07:00`);
  const rus = await repo.insertRoundUnits(
    ctx.db,
    inRound.map((a) => (a.code === '000.02.00.H21' ? { roundId: round.id, agencyId: a.id, status: 'draft', updatedAt: openedAt } : { roundId: round.id, agencyId: a.id, status: 'submitted', submittedAt, updatedAt: submittedAt })),
  );
  if (appraiser) await repo.insertAppraiser(ctx.db, { roundId: round.id, userId: appraiser, agencyId: null, areaCode: null, createdAt: openedAt });
  for (const ru of rus) {
    const code = inRound.find((a) => a.id === ru.agencyId)!.code;
    if (code === '000.02.00.H21') {
      // Late: a few nodes filled, never submitted; the round has locked it.
      for (const n of leaves.slice(0, 6)) {
        const a = answerFor(n, 0.8);
        if (a.answer) await repo.insertAssessment(ctx.db, { roundUnitId: ru.id, nodeCode: n.code, selfPoints: a.points, selfAnswer: a.answer, updatedAt: openedAt });
      }
      continue;
    }
    await fill(round.id, ru, code, { appraise: code === '000.01.00.H21', yearShift: 0, at: submittedAt });
    await repo.appendHistory(ctx.db, { roundId: round.id, agencyId: ru.agencyId, actorId: officer, action: 'unit.submit', to: { status: 'submitted' }, at: submittedAt });
  }
  return { sets: 2, rounds: 2 };
}
