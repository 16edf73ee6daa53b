import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ADMIN_ROLES, inScope, type AuthInfo } from '../../platform/http/auth.ts';
import { recordAudit } from '../../platform/db/audit.ts';
import {
  applyReview,
  CatalogParseError,
  defaultWorkflow,
  PARSED_FIELD_LABELS,
  parseNationalRecord,
  parsePublicIndexEntry,
  structureIndexRecord,
  unreviewedLowFields,
  validateCorrections,
  validateWorkflow,
  type ReviewCorrections,
  type ChannelSpec,
  type ProcedureRecord,
  type TimeLimit,
  type WorkflowStep,
} from '../../../core/catalog/index.ts';
import { findAgency } from '../units/index.ts';
import * as repo from './catalog.repository.ts';

/**
 * The limit an internal workflow must fit: the strictest working-day limit among the procedure's channels
 * (a workflow serves every channel), else the first channel's limit, else none.
 */
export function workflowLimit(channels: ChannelSpec[]): { channel: string; limit: TimeLimit | null } {
  const wd = channels.filter((c) => c.limit?.unit === 'working_days').sort((a, b) => a.limit!.amount - b.limit!.amount);
  const pick = wd[0] ?? channels.find((c) => c.limit) ?? channels[0];
  return { channel: pick?.channel ?? 'desk', limit: pick?.limit ?? null };
}

export class CatalogService {
  constructor(private readonly ctx: AppContext) {}

  /** Imports records in the national portal's format; returns the codes imported. Invalid input throws with the field path. */
  async importNationalRecords(jsons: unknown[], actorId: string | null = null): Promise<string[]> {
    const records = jsons.map((j, index) => {
      try {
        return parseNationalRecord(j);
      } catch (err) {
        // Bad input is the client's error (400 naming the field), not an internal one.
        if (err instanceof CatalogParseError) throw new AppError('VALIDATION_FAILED', {}, { index, recordCode: err.recordCode, path: err.path, reason: err.reason });
        throw err;
      }
    });
    await this.ctx.db.transaction((tx) => repo.upsertProcedures(tx, records, this.ctx.now(), actorId));
    return records.map((r) => r.code);
  }

  /**
   * Imports the public-page index: each entry's page text is parsed into the structured record with its field
   * confidences (core/catalog page-parser.ts). Entries with every field read confidently are publishable;
   * the others wait for review (`review`).
   */
  async importPublicIndex(entries: unknown[], actorId: string | null = null): Promise<number> {
    const records: ProcedureRecord[] = entries.map((e) => structureIndexRecord(parsePublicIndexEntry(e)));
    return this.ctx.db.transaction((tx) => repo.upsertProcedures(tx, records, this.ctx.now(), actorId));
  }

  reviewQueue(q: repo.ReviewQueueQuery) {
    return repo.listReviewQueue(this.ctx.db, q);
  }

  reviewCounts(level?: string) {
    return repo.reviewCounts(this.ctx.db, level);
  }

  async versions(code: string) {
    const p = await this.getByCode(code);
    return repo.listVersions(this.ctx.db, p.id);
  }

  async version(code: string, version: number) {
    const p = await this.getByCode(code);
    const v = await repo.findVersion(this.ctx.db, p.id, version);
    if (!v) throw new AppError('NOT_FOUND', { entity: `phiên bản ${version} của thủ tục ${code}` });
    return v;
  }

  /**
   * A province admin confirms or corrects a procedure's record (core/catalog review.ts): stored as a new
   * version (append-only, the source text kept); `version` is the one the reviewer saw (else 409).
   */
  async review(actor: AuthInfo, code: string, body: { version: number; corrections: ReviewCorrections; note: string | null }) {
    const p = await this.getByCode(code);
    if (p.version !== body.version) throw new AppError('PROCEDURE_VERSION_CONFLICT', { current: p.version }, { current: p.version });
    const errors = validateCorrections(body.corrections);
    if (errors.length > 0) throw new AppError('PROCEDURE_REVIEW_INVALID', { reason: errors.map((e) => `${e.path}: ${e.message}`).join('; ') }, { errors });
    const now = this.ctx.now();
    // The whole current version (with its source text, which `procedures.record` leaves out).
    const current = await repo.findVersion(this.ctx.db, p.id, p.version);
    const full = (current?.record ?? p.record) as ProcedureRecord;
    const record = applyReview(full, body.corrections, { reviewerId: actor.userId, reviewerName: actor.fullName, reviewedAt: now.toISOString(), note: body.note });
    return this.ctx.db.transaction(async (tx) => {
      const row = await repo.replaceRecord(tx, { id: p.id, expected: body.version, record, origin: 'review', actorId: actor.userId, now, note: body.note });
      if (!row) {
        const current = await repo.findProcedure(tx, p.id);
        throw new AppError('PROCEDURE_VERSION_CONFLICT', { current: current?.version ?? body.version }, { current: current?.version ?? null });
      }
      await recordAudit(tx, { actorId: actor.userId, action: 'catalog.review', entity: 'procedure', entityId: p.id, data: { code, version: row.version, corrected: record.review?.corrected ?? [] }, at: now });
      return row;
    });
  }

  list(q: repo.ProcedureQuery) {
    return repo.listProcedures(this.ctx.db, q);
  }

  async getByCode(code: string) {
    const p = await repo.findProcedureByCode(this.ctx.db, code);
    if (!p) throw new AppError('NOT_FOUND', { entity: `procedure ${code}` });
    return p;
  }

  /** Fields with the number of procedures published, one keyset page (`after` = the `next` of the page before). */
  async publishedFields(q: { agencyId?: string | undefined; after?: string | undefined; limit: number }) {
    const after = q.after === undefined ? undefined : repo.parseFieldCursor(q.after);
    if (after === null) throw new AppError('VALIDATION_FAILED', {}, { reason: 'after: not a cursor of this list' });
    const items = await repo.publishedFields(this.ctx.db, { agencyId: q.agencyId, after, limit: q.limit });
    return { items, next: items.length === q.limit ? repo.fieldCursor(items[items.length - 1]!) : null };
  }

  publishedInField(q: { field: string | null; agencyId?: string | undefined; after?: string | undefined; limit: number }) {
    return repo.publishedInField(this.ctx.db, q);
  }

  /** A life event's procedures in its curated order (codes missing from the catalog are left out). */
  async lifeEventProcedures(codes: readonly string[]) {
    const rows = await repo.summariesByCodes(this.ctx.db, codes);
    const by = new Map(rows.map((r) => [r.code, r]));
    return codes.flatMap((c) => (by.has(c) ? [by.get(c)!] : []));
  }

  async listPublications(agencyId: string) {
    return repo.listPublications(this.ctx.db, agencyId);
  }

  /** An agency publishes a procedure it handles; a default internal workflow (version 1) is generated. */
  async publish(actor: AuthInfo | null, agencyId: string, procedureCode: string, decisionNo: string | null) {
    const agency = await findAgency(this.ctx.db, agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    if (actor && !inScope(actor, agency.path, ADMIN_ROLES)) throw new AppError('FORBIDDEN');
    const proc = await this.getByCode(procedureCode);
    const record = proc.record as ProcedureRecord;
    if (!proc.structured || record.channels.length === 0) throw new AppError('PROCEDURE_NOT_STRUCTURED');
    const low = unreviewedLowFields(record);
    if (low.length > 0) {
      const issues = (record.parse?.issues ?? []).filter((i) => low.includes(i.field));
      throw new AppError(
        'PROCEDURE_NOT_REVIEWED',
        { code: proc.code, fieldsVi: low.map((f) => PARSED_FIELD_LABELS[f].vi).join(', '), fieldsEn: low.map((f) => PARSED_FIELD_LABELS[f].en).join(', ') },
        { code: proc.code, version: proc.version, fields: low, issues },
      );
    }
    const existing = await repo.findPublicationFor(this.ctx.db, agencyId, proc.id);
    if (existing) throw new AppError('ALREADY_EXISTS', { entity: `publication of ${procedureCode}` });
    const { channel, limit } = workflowLimit(record.channels);
    const steps = defaultWorkflow(limit);
    return this.ctx.db.transaction(async (tx) => {
      const pub = await repo.insertPublication(tx, { agencyId, procedureId: proc.id, decisionNo, publishedBy: actor?.userId ?? null, publishedAt: this.ctx.now() });
      const wf = await repo.insertWorkflow(tx, { publicationId: pub.id, version: 1, channel, legalLimit: limit, steps, createdBy: actor?.userId ?? null, createdAt: this.ctx.now() });
      await repo.setCurrentWorkflow(tx, pub.id, wf.id);
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor?.userId ?? null, action: 'catalog.publish', entity: 'publication', entityId: pub.id, data: { agencyId, procedureCode, decisionNo } });
      return { ...pub, currentWorkflowId: wf.id };
    });
  }

  async getWorkflow(publicationId: string) {
    const wf = await repo.latestWorkflow(this.ctx.db, publicationId);
    if (!wf) throw new AppError('NOT_FOUND', { entity: 'workflow' });
    return wf;
  }

  /** Admins edit the workflow: a new version is stored (dossiers keep the version they were received under). */
  async updateWorkflow(actor: AuthInfo, publicationId: string, steps: WorkflowStep[], agencyOrder: 'sequential' | 'parallel') {
    const pub = await repo.findPublication(this.ctx.db, publicationId);
    if (!pub) throw new AppError('NOT_FOUND', { entity: 'publication' });
    const agency = await findAgency(this.ctx.db, pub.agencyId);
    if (!agency || !inScope(actor, agency.path, ADMIN_ROLES)) throw new AppError('FORBIDDEN');
    const current = await this.getWorkflow(publicationId);
    const check = validateWorkflow(steps, current.legalLimit as TimeLimit | null);
    if (!check.ok) throw new AppError('WORKFLOW_INVALID', { reason: check.errors.map((e) => e.message).join('; ') }, { errors: check.errors });
    return this.ctx.db.transaction(async (tx) => {
      const wf = await repo.insertWorkflow(tx, { publicationId, version: current.version + 1, channel: current.channel, legalLimit: current.legalLimit, steps, agencyOrder, createdBy: actor.userId, createdAt: this.ctx.now() });
      await repo.setCurrentWorkflow(tx, publicationId, wf.id);
      await recordAudit(tx, { at: this.ctx.now(), actorId: actor.userId, action: 'catalog.workflow.update', entity: 'publication', entityId: publicationId, data: { version: wf.version } });
      return wf;
    });
  }
}
