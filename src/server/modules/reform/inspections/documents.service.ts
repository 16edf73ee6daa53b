/**
 * Inspection documents (issue 9 §2 "Documents"): the minutes (biên bản kiểm tra) and the conclusion notice (thông
 * báo kết luận) of a visit. The draft is generated from the checklist and findings the first time it is read; team
 * members edit it (versioned, 409 on a stale version); the team leader issues it once the visit is done, minutes
 * before conclusion. Issue assigns "NN/BB-SNV" / "NN/TB-SNV" from the per-year counter, stores the PDF in the file
 * store and — for the conclusion — creates one remediation task per recommendation in the same transaction.
 * Every change appends an audit entry. Anyone outside the visit's team answers 404 like an unknown visit.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { AuthInfo } from '../../../platform/http/auth.ts';
import { formatVnIso, toLocalDate } from '../../../../core/calendar/index.ts';
import type { ReportDocument } from '../../../../core/reform/document.ts';
import {
  COMMUNE_CHECKLIST_2025,
  CHECKLIST_TEMPLATES,
  ITEM_RESULT_LABELS,
  documentNumberLabel,
  draftDocument,
  issueProblem,
  placeDate,
  DOCUMENT_SYMBOLS,
  type InspectionDocumentBody,
  type InspectionDocumentKind,
  type ItemResult,
} from '../../../../core/reform/inspections/index.ts';
import { renderReportPdf } from '../pdf-renderer.ts';
import { createRemediationTask } from '../remediation/index.ts';
import * as repo from './inspections.repository.ts';

const KIND_LABEL: Record<InspectionDocumentKind, { vi: string; en: string; title: string }> = {
  minutes: { vi: 'Biên bản kiểm tra', en: 'inspection minutes', title: 'BIÊN BẢN KIỂM TRA' },
  conclusion: { vi: 'Thông báo kết luận kiểm tra', en: 'conclusion notice', title: 'THÔNG BÁO KẾT LUẬN KIỂM TRA' },
};
const PLACE = 'Gia Lai';

export interface DocumentEdit {
  version: number;
  subject?: string;
  sections?: { key: string; heading: string; body: string }[];
  recommendations?: { id?: string; ownerAgencyId: string; content: string; deadline: string | null }[];
  recipients?: string[];
  signer?: { title: string[]; name: string | null };
}

interface Loaded {
  visit: repo.VisitRow;
  plan: repo.PlanRow;
  role: 'leader' | 'member' | null;
  team: { name: string; role: 'leader' | 'member'; userId: string }[];
  /** Set for a caller outside the team who may read (see readerKind). */
  reader?: 'province' | 'unit' | null;
}

/** Roles that, held at a reform standing body or above it, let a caller read every visit's documents. */
const PROVINCE_READ_ROLES = ['reform_officer', 'leader', 'province_admin'];

/**
 * Who reads a visit's documents without being on its team: the province's reform officers / leaders ('province',
 * drafts included) and the inspected unit's staff once the visit is done ('unit', issued documents only).
 */
async function readerKind(db: DbOrTx, auth: AuthInfo, visit: repo.VisitRow): Promise<'province' | 'unit' | null> {
  const bodies = await repo.standingBodies(db);
  if (auth.assignments.some((a) => PROVINCE_READ_ROLES.includes(a.role) && bodies.some((b) => b.path.startsWith(a.agencyPath)))) return 'province';
  if (visit.status === 'done' && auth.assignments.some((a) => a.agencyId === visit.agencyId)) return 'unit';
  return null;
}

async function loadVisit(db: DbOrTx, visitId: string, userId: string | null, auth?: AuthInfo): Promise<Loaded> {
  const visit = await repo.findVisit(db, visitId);
  if (!visit) throw new AppError('INSPECTION_VISIT_NOT_FOUND');
  const plan = await repo.findPlan(db, visit.planId);
  if (!plan) throw new AppError('INSPECTION_VISIT_NOT_FOUND');
  const team = (await repo.teamsOfPlans(db, [plan.id])).map((t) => ({ name: t.name, role: t.m.role as 'leader' | 'member', userId: t.m.userId }));
  const me = userId ? team.find((t) => t.userId === userId) : undefined;
  const reader = !me && auth ? await readerKind(db, auth, visit) : null;
  if (userId && !me && !reader) throw new AppError('INSPECTION_VISIT_NOT_FOUND');
  return { visit, plan, role: me?.role ?? null, team, reader };
}

async function generate(db: DbOrTx, l: Loaded, kind: InspectionDocumentKind): Promise<InspectionDocumentBody> {
  const [unit] = await repo.agenciesByIds(db, [l.visit.agencyId]);
  const template = CHECKLIST_TEMPLATES.find((t) => t.id === l.plan.templateId) ?? COMMUNE_CHECKLIST_2025;
  const byCode = new Map(template.items.map((i) => [i.code, i]));
  const items = (await repo.itemsOf(db, [l.visit.id]))
    .map((r) => ('visitId' in r ? r : (r as { i: repo.ItemRow }).i) as repo.ItemRow)
    .sort((a, b) => a.position - b.position)
    .map((r) => {
      const t = byCode.get(r.code);
      return { code: r.code, group: t?.group.vi ?? '', title: t?.title.vi ?? r.code, result: r.result as ItemResult | null, note: r.note };
    });
  const leader = l.team.find((t) => t.role === 'leader');
  const visitDate = l.visit.doneAt ? toLocalDate(l.visit.doneAt) : l.visit.scheduledOn;
  return draftDocument({ kind, unit: { id: l.visit.agencyId, name: unit?.name ?? '' }, planTitle: l.plan.title, visitDate, items, team: l.team, signerName: leader?.name ?? null, newId: randomUUID });
}

function view(row: repo.DocumentRow, date: string) {
  const b = row.body as InspectionDocumentBody & { date?: string };
  const kind = row.kind as InspectionDocumentKind;
  return {
    kind,
    status: row.status as 'draft' | 'issued',
    version: row.version,
    number: row.number,
    symbol: row.symbol ?? DOCUMENT_SYMBOLS[kind],
    place: PLACE,
    date: b.date ?? date,
    subject: b.subject,
    sections: b.sections,
    findings: b.findings,
    recommendations: kind === 'conclusion' ? b.recommendations : [],
    recipients: b.recipients,
    signer: b.signer,
    issuedAt: row.issuedAt ? formatVnIso(row.issuedAt) : null,
  };
}
export type DocumentView = ReturnType<typeof view>;

/** The printable layout (ReportDocument) of an inspection document. */
export function layoutOf(v: DocumentView, items: { code: string; title: string; result: string | null }[]): ReportDocument {
  const label = KIND_LABEL[v.kind];
  return {
    header: { parentBody: 'UBND TỈNH GIA LAI', agency: 'SỞ NỘI VỤ', number: documentNumberLabel(v.kind, v.number), placeDate: placeDate(PLACE, v.date) },
    draftMark: v.status === 'draft' ? 'DỰ THẢO' : null,
    title: label.title,
    subtitle: v.subject,
    recipient: null,
    sections: [
      ...v.sections,
      ...(v.kind === 'conclusion' && v.recommendations.length
        ? [{ key: 'tasks', heading: 'Nhiệm vụ khắc phục', body: v.recommendations.map((r, i) => `${i + 1}. ${r.content} Thời hạn: ${r.deadline ? r.deadline.split('-').reverse().join('/') : '15 ngày kể từ ngày thông báo'}.`).join('\n') }]
        : []),
    ],
    appendix: {
      title: 'Phụ lục: Kết quả kiểm tra từng nội dung',
      columns: ['Nội dung kiểm tra', 'Kết quả'],
      rows: items.map((i) => [`${i.code}. ${i.title}`, i.result ? ITEM_RESULT_LABELS[i.result as ItemResult].vi : '—'] as [string, string]),
      note: 'Kết quả do Đoàn kiểm tra ghi nhận tại đơn vị.',
    },
    recipients: v.recipients,
    signature: { lines: v.signer.title, name: v.signer.name },
    meta: { title: label.title, subject: v.subject, fileName: `${v.kind === 'minutes' ? 'bien-ban' : 'thong-bao-ket-luan'}-${v.number ?? 'du-thao'}`, issuedAt: new Date(`${v.date}T00:00:00+07:00`) },
  };
}

export class DocumentsService {
  constructor(private readonly ctx: AppContext) {}

  /** Reads the document, generating and storing the draft the first time (one insert, history entry). */
  async get(auth: AuthInfo, visitId: string, kind: InspectionDocumentKind) {
    const l = await loadVisit(this.ctx.db, visitId, auth.userId, auth);
    return view(await this.readable(auth, l, kind), toLocalDate(this.ctx.now()));
  }

  /** The team gets (and generates) the draft; other readers only an existing one (the unit: only once issued). */
  private async readable(auth: AuthInfo, l: Loaded, kind: InspectionDocumentKind): Promise<repo.DocumentRow> {
    if (l.role) return this.ensure(this.ctx.db, auth.userId, l.visit.id, kind, l);
    const row = await repo.findDocument(this.ctx.db, l.visit.id, kind);
    if (!row || (l.reader === 'unit' && row.status !== 'issued')) throw new AppError('NOT_FOUND', { entity: KIND_LABEL[kind].vi.toLowerCase() });
    return row;
  }

  /** Team members only; a reader outside the team answers 403 (it sees the visit), anyone else 404. */
  private async loadForWrite(auth: AuthInfo, visitId: string): Promise<Loaded> {
    const l = await loadVisit(this.ctx.db, visitId, auth.userId, auth);
    if (!l.role) throw new AppError('FORBIDDEN');
    return l;
  }

  /** @internal also used by the demo seed */
  async ensure(db: DbOrTx, userId: string, visitId: string, kind: InspectionDocumentKind, loaded?: Loaded): Promise<repo.DocumentRow> {
    const l = loaded ?? (await loadVisit(db, visitId, userId));
    const existing = await repo.findDocument(db, visitId, kind);
    if (existing) return existing;
    const body = await generate(db, l, kind);
    const now = this.ctx.now();
    const run = async (tx: DbOrTx) => {
      const r = await repo.insertDocumentOnce(tx, { visitId, kind, status: 'draft', version: 1, body, createdAt: now, updatedAt: now, updatedBy: userId });
      if (r) await repo.documentAudit(tx, now, userId, 'inspection.document.create', r.id, { visitId, kind, version: 1 });
      return r;
    };
    const created = db === this.ctx.db ? await this.ctx.db.transaction(run) : await run(db);
    return created ?? (await repo.findDocument(db, visitId, kind))!;
  }

  async edit(auth: AuthInfo, visitId: string, kind: InspectionDocumentKind, e: DocumentEdit) {
    const l = await this.loadForWrite(auth, visitId);
    const row = await this.ensure(this.ctx.db, auth.userId, visitId, kind, l);
    if (row.status === 'issued') throw new AppError('INSPECTION_DOCUMENT_STATE', { document: KIND_LABEL[kind].vi, documentEn: KIND_LABEL[kind].en });
    if (row.version !== e.version) throw new AppError('VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
    if (e.recommendations?.length) {
      const ids = [...new Set(e.recommendations.map((r) => r.ownerAgencyId))];
      const found = new Set((await repo.agenciesByIds(this.ctx.db, ids)).map((a) => a.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) throw new AppError('NOT_FOUND', { entity: 'agency' }, { ownerAgencyIds: missing });
    }
    const old = row.body as InspectionDocumentBody;
    const next: InspectionDocumentBody = {
      ...old,
      ...(e.subject !== undefined ? { subject: e.subject } : {}),
      ...(e.sections ? { sections: e.sections } : {}),
      ...(e.recipients ? { recipients: e.recipients } : {}),
      ...(e.signer ? { signer: e.signer } : {}),
      ...(e.recommendations && kind === 'conclusion' ? { recommendations: e.recommendations.map((r) => ({ ...r, id: r.id ?? randomUUID() })) } : {}),
    };
    const now = this.ctx.now();
    const u = await this.ctx.db.transaction(async (tx) => {
      const r = await repo.updateDocumentIfVersion(tx, row.id, row.version, { body: next, updatedBy: auth.userId }, now);
      if (r) await repo.documentAudit(tx, now, auth.userId, 'inspection.document.edit', r.id, { visitId, kind, version: r.version, fields: Object.keys(e).filter((k) => k !== 'version') });
      return r;
    });
    if (!u) {
      const cur = await repo.findDocument(this.ctx.db, visitId, kind);
      throw new AppError('VERSION_CONFLICT', { current: cur?.version }, { currentVersion: cur?.version });
    }
    return view(u, toLocalDate(now));
  }

  async issue(auth: AuthInfo, visitId: string, kind: InspectionDocumentKind, version: number) {
    const l = await loadVisit(this.ctx.db, visitId, auth.userId, auth);
    if (!l.role) throw new AppError('ROLE_NOT_ALLOWED', { action: 'Ban hành văn bản kiểm tra' });
    const r = await this.issueIn(this.ctx.db, auth.userId, l, kind, version);
    return view(r, toLocalDate(this.ctx.now()));
  }

  /** @internal also used by the demo seed (version null: no version check) */
  async issueIn(db: DbOrTx, userId: string, l: Loaded, kind: InspectionDocumentKind, version: number | null): Promise<repo.DocumentRow> {
    const row = await this.ensure(db, userId, l.visit.id, kind, l);
    const minutes = kind === 'conclusion' ? await repo.findDocument(db, l.visit.id, 'minutes') : null;
    const p = issueProblem({ kind, isLeader: l.role === 'leader', visitStatus: l.visit.status, status: row.status as 'draft' | 'issued', minutesIssued: minutes?.status === 'issued' });
    if (p === 'NOT_LEADER') throw new AppError('ROLE_NOT_ALLOWED', { action: 'Ban hành văn bản kiểm tra' });
    if (p === 'ALREADY_ISSUED') throw new AppError('INSPECTION_DOCUMENT_STATE', { document: KIND_LABEL[kind].vi, documentEn: KIND_LABEL[kind].en });
    if (p === 'VISIT_NOT_DONE') throw new AppError('INSPECTION_VISIT_STATE', { action: 'Ban hành văn bản', state: l.visit.status });
    if (p === 'MINUTES_NOT_ISSUED') throw new AppError('INSPECTION_MINUTES_FIRST');
    if (version !== null && row.version !== version) throw new AppError('VERSION_CONFLICT', { current: row.version }, { currentVersion: row.version });
    const now = this.ctx.now();
    const today = toLocalDate(now);
    const items = await this.itemLines(db, l);
    const run = async (tx: DbOrTx) => {
      const number = await repo.nextDocumentNumber(tx, Number(today.slice(0, 4)), kind);
      const body = { ...(row.body as InspectionDocumentBody), date: today };
      const v = view({ ...row, status: 'issued', number, symbol: DOCUMENT_SYMBOLS[kind], body }, today);
      const pdf = await renderReportPdf(layoutOf(v, items));
      const stored = await this.ctx.files.put(pdf);
      const u = await repo.updateDocumentIfVersion(tx, row.id, row.version, { status: 'issued', number, symbol: DOCUMENT_SYMBOLS[kind], body, pdfSha256: stored.sha256, issuedAt: now, issuedBy: userId, updatedBy: userId }, now);
      if (!u) throw new AppError('VERSION_CONFLICT', { current: row.version + 1 }, { currentVersion: row.version + 1 });
      const tasks: string[] = [];
      if (kind === 'conclusion') {
        for (const rec of body.recommendations) {
          const t = await createRemediationTask(tx, this.ctx, userId, {
            ownerAgencyId: rec.ownerAgencyId,
            content: rec.content,
            deadline: rec.deadline,
            noticeDate: today,
            source: { kind: 'inspection', inspectionId: l.visit.id, recommendationId: rec.id },
            leaderUserId: l.team.find((m) => m.role === 'leader')?.userId ?? null,
          });
          tasks.push(t.id);
        }
      }
      await repo.documentAudit(tx, now, userId, 'inspection.document.issue', u.id, { visitId: l.visit.id, kind, version: u.version, number, symbol: DOCUMENT_SYMBOLS[kind], pdfSha256: stored.sha256, tasks });
      return u;
    };
    return db === this.ctx.db ? this.ctx.db.transaction(run) : run(db);
  }

  private async itemLines(db: DbOrTx, l: Loaded) {
    const template = CHECKLIST_TEMPLATES.find((t) => t.id === l.plan.templateId) ?? COMMUNE_CHECKLIST_2025;
    const byCode = new Map(template.items.map((i) => [i.code, i]));
    return (await repo.itemsOf(db, [l.visit.id]))
      .map((r) => r.i)
      .sort((a, b) => a.position - b.position)
      .map((r) => ({ code: r.code, title: byCode.get(r.code)?.title.vi ?? r.code, result: r.result }));
  }

  /** The PDF: the stored one once issued; a fresh draft rendering (watermark "DỰ THẢO") before. */
  async pdf(auth: AuthInfo, visitId: string, kind: InspectionDocumentKind): Promise<{ body: Buffer; fileName: string }> {
    const l = await loadVisit(this.ctx.db, visitId, auth.userId, auth);
    const row = await this.readable(auth, l, kind);
    const v = view(row, toLocalDate(this.ctx.now()));
    const layout = layoutOf(v, await this.itemLines(this.ctx.db, l));
    if (row.status === 'issued' && row.pdfSha256) return { body: await this.ctx.files.get(row.pdfSha256), fileName: `${layout.meta.fileName}.pdf` };
    return { body: await renderReportPdf(layout), fileName: `${layout.meta.fileName}.pdf` };
  }
}
