/**
 * Slips and the dossier register: gathers a dossier's data (in the caller's scope), lets the pure core build
 * the slip, renders it to PDF and stores it with the dossier (content-addressed; an identical slip is stored
 * once). The register is read in keyset batches from the access index and capped.
 */
import type { AppContext } from '../../platform/context.ts';
import { ratingLink, trackingLink } from '../../platform/config/config.ts';
import { AppError } from '../../platform/http/errors.ts';
import { inScope, type AuthInfo } from '../../platform/http/auth.ts';
import { addDays, diffDays, localDateTimeToInstant } from '../../../core/calendar/index.ts';
import type { ProcedureRecord } from '../../../core/catalog/index.ts';
import type { WorkflowStep } from '../../../core/catalog/workflow.ts';
import { STATE_LABELS, type DossierState } from '../../../core/dossier/index.ts';
import { oneStopPolicyFor } from '../../../core/dossier/onestop-policy.ts';
import { toLocalDate } from '../../../core/calendar/index.ts';
import {
  SLIP_TITLES,
  SLIP_UNAVAILABLE,
  buildDossierSlip,
  buildRegister,
  provinceFromAgencyName,
  slipSourceEntry,
  type DossierSlipKind,
  type RegisterRowInput,
  type SlipAgency,
  type SlipApplicant,
  type SlipAudience,
  type SlipComponent,
  type SlipHistoryItem,
  type SlipInput,
} from '../../../core/slips/index.ts';
import { documentsOf, feesOf, historyOf } from '../dossiers/index.ts';
import { findProcedure, findWorkflow } from '../catalog/index.ts';
import { findAgency } from '../units/index.ts';
import * as repo from './slips.repository.ts';
import { renderSlipPdf } from './pdf-renderer.ts';
import { renderRegisterXlsx, XLSX_MIME } from './xlsx-renderer.ts';

/** The register lists at most this many dossiers per export (the file says so when it is capped). */
export const REGISTER_CAP = 20_000;
const REGISTER_BATCH = 1_000;
export const REGISTER_MAX_DAYS = 366;

export interface SlipResult {
  pdf: Buffer;
  fileName: string;
  title: string;
  documentId: string;
  stored: boolean;
}

const isUuid = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v);

export class SlipsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly registerCap = REGISTER_CAP,
  ) {}

  trackingUrl(code: string, secret: string): string {
    return trackingLink(this.ctx.config, code, secret);
  }

  /** Agency as printed on a slip: its parent above it and the province for the place on the date line. */
  async slipAgency(agencyId: string): Promise<SlipAgency> {
    const a = await findAgency(this.ctx.db, agencyId);
    if (!a) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const parent = a.parentId ? await findAgency(this.ctx.db, a.parentId) : null;
    const rootId = a.path.split('/').filter(Boolean)[0] ?? a.id;
    const root = rootId === a.id ? a : ((await findAgency(this.ctx.db, rootId)) ?? a);
    let provinceName: string | null = null;
    if (root.level === 'province') provinceName = (root.unitId ? await repo.unitName(this.ctx.db, root.unitId) : null) ?? provinceFromAgencyName(root.name);
    return { id: a.id, name: a.name, parentName: parent?.name ?? null, provinceName };
  }

  async dossierSlip(auth: AuthInfo, dossierId: string, kind: DossierSlipKind, opts: { copy: SlipAudience; seq?: number | undefined }): Promise<SlipResult> {
    const d = await this.ctx.services.dossiers.loadInScope(auth, dossierId);
    const historyRows = await historyOf(this.ctx.db, d.id);
    const history: SlipHistoryItem[] = historyRows.map((h) => ({
      seq: h.seq,
      action: h.action,
      fromState: h.fromState,
      toState: h.toState,
      at: h.at,
      actorId: h.actorId,
      actorRole: h.actorRole,
      agencyId: h.agencyId,
      note: h.note,
      data: (h.data ?? {}) as Record<string, unknown>,
    }));
    const entry = slipSourceEntry(kind, history, opts.seq);
    if (!entry) {
      throw new AppError(
        'ACTION_NOT_ALLOWED_IN_STATE',
        { action: `In ${SLIP_TITLES[kind].charAt(0).toLowerCase()}${SLIP_TITLES[kind].slice(1)}`, state: STATE_LABELS[d.state as DossierState]?.vi ?? d.state },
        { reason: SLIP_UNAVAILABLE[kind], slip: kind, ...(opts.seq !== undefined ? { seq: opts.seq } : {}) },
      );
    }

    const [proc, docs, fees, receivingAgency, handlingAgency, workflow, calendar] = await Promise.all([
      findProcedure(this.ctx.db, d.procedureId),
      documentsOf(this.ctx.db, d.id),
      feesOf(this.ctx.db, d.id),
      this.slipAgency(d.receivingAgencyId),
      this.slipAgency(d.handlingAgencyId),
      d.workflowId ? findWorkflow(this.ctx.db, d.workflowId) : Promise.resolve(null),
      this.ctx.services.calendar.calendar(),
    ]);
    const record = proc?.record as ProcedureRecord | undefined;
    const byCode = new Map((record?.components ?? []).filter((c) => c.code).map((c) => [c.code!, c]));
    const byName = new Map((record?.components ?? []).map((c) => [c.name.trim(), c]));
    const components: SlipComponent[] = docs
      .filter((x) => x.kind === 'input')
      .map((x) => {
        const c = (x.componentCode ? byCode.get(x.componentCode) : undefined) ?? (x.componentName ? byName.get(x.componentName.trim()) : undefined);
        return { name: x.componentName ?? c?.name ?? x.fileName ?? 'Giấy tờ', originalCount: c ? c.originalCount : null, copyCount: c ? c.copyCount : null };
      });

    // Display names of the people and agencies the history mentions.
    const userIds = history.flatMap((h) => [h.actorId, h.data.assigneeId].filter(isUuid));
    const agencyIds = history.flatMap((h) => [h.agencyId, h.data.targetUnitId, h.data.targetAgency].filter(isUuid));
    const [people, agencyRows] = await Promise.all([repo.userNames(this.ctx.db, userIds), repo.agenciesByIds(this.ctx.db, agencyIds)]);
    const names: Record<string, string> = {};
    for (const [id, name] of people) names[id] = name;
    for (const a of agencyRows) names[a.id] = a.name;

    const input: SlipInput = {
      dossier: {
        id: d.id,
        code: d.code,
        state: d.state,
        channel: d.channel,
        applicant: d.applicant as SlipApplicant,
        procedureCode: proc?.code ?? '',
        procedureName: proc?.name ?? '',
        limit: d.limit as SlipInput['dossier']['limit'],
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        originalDueAt: d.originalDueAt,
        finishedAt: d.finishedAt,
        returnedAt: d.returnedAt,
        resultMethod: d.resultMethod,
        feeTotal: d.feeTotal,
        paidTotal: d.paidTotal,
        trackingSecret: d.trackingSecret,
        onestopPolicy: d.onestopPolicy,
      },
      receivingAgency,
      handlingAgency,
      components,
      fees: fees.map((f) => ({ kind: f.kind, description: f.description, amountVnd: f.amountVnd })),
      history,
      names,
      audience: opts.copy,
      trackingUrl: d.code ? this.trackingUrl(d.code, d.trackingSecret) : null,
      ratingUrl: d.code ? ratingLink(this.ctx.config, d.code) : null,
      workflow: (workflow?.steps as WorkflowStep[] | undefined) ?? null,
      calendar,
      now: this.ctx.now(),
    };
    const slip = buildDossierSlip(kind, input, entry);
    const pdf = await renderSlipPdf(slip);
    const fileName = opts.copy === 'public' ? slip.meta.fileName.replace(/\.pdf$/, '-public.pdf') : slip.meta.fileName;

    const stored = await this.ctx.files.put(pdf);
    await this.ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');
    const title = SLIP_TITLES[kind] + (opts.copy === 'public' ? ' (bản công khai)' : '');
    const { doc, created } = await repo.storeSlipDocument(this.ctx.db, { dossierId: d.id, sha256: stored.sha256, size: stored.size, fileName, componentName: title, uploadedBy: auth.userId, uploadedAt: this.ctx.now() });
    return { pdf, fileName, title, documentId: doc.id, stored: created };
  }

  /** The register of an agency for a period (Vietnam dates, inclusive), as PDF (A4 landscape) or Excel. */
  async register(auth: AuthInfo, q: { agencyId: string; from: string; to: string; format: 'pdf' | 'xlsx' }): Promise<{ body: Buffer; mime: string; fileName: string; rows: number; truncated: boolean }> {
    if (q.from > q.to) throw new AppError('VALIDATION_FAILED', {}, { reason: '`from` must not be after `to`', from: q.from, to: q.to });
    const days = diffDays(q.from, q.to) + 1;
    if (days > REGISTER_MAX_DAYS) throw new AppError('VALIDATION_FAILED', {}, { reason: `the period may cover at most ${REGISTER_MAX_DAYS} days`, days });
    const agency = await findAgency(this.ctx.db, q.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    if (!inScope(auth, agency.path)) throw new AppError('FORBIDDEN');

    const from = localDateTimeToInstant(q.from, '00:00');
    const to = localDateTimeToInstant(addDays(q.to, 1), '00:00');
    const collected: repo.RegisterDbRow[] = [];
    let after: { at: Date; id: string } | null = null;
    // Keyset batches in index order; stop one row past the cap to know whether the list is complete.
    while (collected.length <= this.registerCap) {
      const limit = Math.min(REGISTER_BATCH, this.registerCap + 1 - collected.length);
      const batch = await repo.registerBatch(this.ctx.db, { agencyId: agency.id, from, to, after, limit });
      collected.push(...batch);
      if (batch.length < limit) break;
      const last = batch[batch.length - 1]!;
      after = { at: last.sortAt, id: last.id };
    }
    const truncated = collected.length > this.registerCap;
    const rows: RegisterRowInput[] = collected.slice(0, this.registerCap).map((r) => {
      const a = (r.applicant ?? {}) as SlipApplicant;
      return {
        code: r.code,
        applicantName: a.fullName ?? '',
        applicantAddress: a.address ?? null,
        applicantPhone: a.phone ?? null,
        procedureCode: r.procedureCode,
        procedureName: r.procedureName,
        state: r.state,
        receivedAt: r.receivedAt,
        dueAt: r.dueAt,
        finishedAt: r.finishedAt,
        returnedAt: r.returnedAt,
      };
    });
    const now = this.ctx.now();
    const input = { agency: await this.slipAgency(agency.id), from: q.from, to: q.to, rows, truncated, cap: this.registerCap, now, onestopPolicy: oneStopPolicyFor(toLocalDate(now)).id };
    const built = buildRegister(input);
    const base = `so-theo-doi-ho-so-${agency.code}-${q.from}-${q.to}`;
    if (q.format === 'xlsx') return { body: await renderRegisterXlsx(input, built.rows), mime: XLSX_MIME, fileName: `${base}.xlsx`, rows: rows.length, truncated };
    return { body: await renderSlipPdf(built.doc), mime: 'application/pdf', fileName: `${base}.pdf`, rows: rows.length, truncated };
  }
}
