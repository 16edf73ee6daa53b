/**
 * Feedback (phản ánh, kiến nghị) use cases: public submission and own view (reference + secret), the staff
 * queue and actions (core/feedback decides, one transaction updates the row if its version is unchanged and
 * appends the history row and the outbox message), the published list with personal data masked, and the
 * public statistics per unit.
 *
 * Scope as for dossiers: a staff member sees feedback held by (or once held by) an agency of their subtree;
 * anything else answers 404 FEEDBACK_NOT_FOUND, exactly like an unknown id. Acting needs one of the feedback
 * roles on the agency that holds it now. A wrong secret answers exactly like an unknown reference.
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { scopePaths, type AuthInfo } from '../../platform/http/auth.ts';
import type { Role } from '../../../core/dossier/index.ts';
import { addDays, formatVnIso, isLocalDate, localDateTimeToInstant, toLocalDate } from '../../../core/calendar/index.ts';
import {
  allowedFeedbackActions,
  canRate,
  deadlinesAtReceipt,
  feedbackPolicyById,
  feedbackPolicyFor,
  feedbackTransition,
  maskPersonalData,
  publishDeadline,
  FEEDBACK_ACTION_LABELS,
  FEEDBACK_STAFF_ROLES,
  FEEDBACK_STATE_LABELS,
  OPEN_FEEDBACK_STATES,
  type FeedbackAction,
  type FeedbackState,
  type FeedbackSubject,
} from '../../../core/feedback/index.ts';
import { agencyIdsUnder, findDossierByCode } from '../dossiers/index.ts';
import { rolesOver } from '../dossiers/dossiers.service.ts';
import { findAgency } from '../units/index.ts';
import { namesOf } from '../staff/index.ts';
import * as repo from './feedback.repository.ts';
import type { FeedbackActionBody, FeedbackRatingBody, StatsQuery, SubmitFeedbackBody } from './feedback.schemas.ts';
import { refreshDossierIndex } from '../monitoring/index-maintenance.ts';

type Contact = { fullName: string; phone?: string | null; email?: string | null };
type Deadlines = { handle: string; reject: string; requestInfo: string; forward: string };

const iso = (d: Date | null) => (d ? formatVnIso(d) : null);
const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newReference(now: Date): string {
  const day = toLocalDate(now).replace(/-/g, '').slice(2);
  const bytes = crypto.randomBytes(6);
  let tail = '';
  for (const b of bytes) tail += REF_ALPHABET[b % REF_ALPHABET.length];
  return `PAKN-${day}-${tail}`;
}

const sameSecret = (given: string, stored: string) => {
  const x = crypto.createHash('sha256').update(given.trim().toUpperCase()).digest();
  const y = crypto.createHash('sha256').update(stored).digest();
  return crypto.timingSafeEqual(x, y);
};

function cursorAt(token: string): { at: string; id: string } {
  const [at, id] = decodeCursor(token, ['timestamp', 'uuid']);
  return { at, id };
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((n * 1000) / d) / 10);

export class FeedbackService {
  constructor(private readonly ctx: AppContext) {}

  // ------------------------------------------------------------------ public

  /** Anyone may send feedback; with a citizen session it is linked to the citizen. */
  async submit(body: z.infer<typeof SubmitFeedbackBody>, citizenId: string | null) {
    const agency = await findAgency(this.ctx.db, body.agencyId);
    if (!agency) throw new AppError('NOT_FOUND', { entity: 'agency' });
    const now = this.ctx.now();
    const trackingSecret = crypto.randomBytes(6).toString('hex').toUpperCase();
    const contact: Contact = { fullName: body.contact.fullName, phone: body.contact.phone ?? null, email: body.contact.email?.toLowerCase() ?? null };
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(now);
      try {
        const row = await this.ctx.db.transaction(async (tx) => {
          const f = await repo.insertFeedback(tx, {
            reference,
            trackingSecret,
            agencyId: agency.id,
            originAgencyId: agency.id,
            subject: body.subject,
            procedureCode: body.procedureCode ?? null,
            dossierCode: body.dossierCode ?? null,
            title: body.title,
            content: body.content,
            contact,
            citizenId,
            status: 'submitted',
            version: 1,
            submittedAt: now,
            createdAt: now,
            updatedAt: now,
          });
          await repo.appendHistory(tx, { feedbackId: f.id, seq: 1, action: 'submit', fromState: null, toState: 'submitted', actorId: citizenId, actorRole: 'citizen', agencyId: agency.id, at: now, note: null, data: { channel: 'online' } });
          await repo.enqueue(tx, 'feedback.changed', { feedbackId: f.id, action: 'submit', status: 'submitted', reference }, this.ctx.now());
          // A complaint naming a dossier counts against the unit's dossier satisfaction (service index).
          if (f.dossierCode) {
            const named = await findDossierByCode(tx, f.dossierCode);
            if (named) await refreshDossierIndex(tx, named.id);
          }
          return f;
        });
        return { id: row.id, reference: row.reference, trackingSecret };
      } catch (err) {
        const e = err as { code?: string; cause?: { code?: string } };
        if (attempt < 3 && (e?.code === '23505' || e?.cause?.code === '23505')) continue;
        throw err;
      }
    }
  }

  private async bySecret(reference: string, secret: string): Promise<repo.FeedbackRow> {
    const f = await repo.findFeedbackByReference(this.ctx.db, reference.trim().toUpperCase());
    // An unknown reference and a wrong secret answer the same.
    if (!f || !sameSecret(secret, f.trackingSecret)) throw new AppError('FEEDBACK_NOT_FOUND');
    return f;
  }

  /** The petitioner's own view: status, deadline, answer, rating and a plain timeline (no internal notes). */
  async ownView(reference: string, secret: string) {
    const f = await this.bySecret(reference, secret);
    const [agency, history] = await Promise.all([findAgency(this.ctx.db, f.agencyId), repo.historyOf(this.ctx.db, f.id)]);
    const refusal = [...history].reverse().find((h) => h.action === 'classify' && h.toState === 'not_accepted');
    const state = f.status as FeedbackState;
    const answerVisible = f.answeredAt !== null;
    return {
      reference: f.reference,
      agencyName: agency?.name ?? '',
      subject: f.subject as FeedbackSubject,
      title: f.title,
      content: f.content,
      status: state,
      statusLabel: FEEDBACK_STATE_LABELS[state]?.vi ?? f.status,
      submittedAt: formatVnIso(f.submittedAt),
      receivedAt: iso(f.receivedAt),
      answerDueAt: iso(f.handleDueAt),
      answer: answerVisible ? f.answer : null,
      answeredAt: iso(f.answeredAt),
      publishedAt: iso(f.publishedAt),
      notAcceptedReason: refusal ? ((refusal.data as { reason?: string }).reason ?? null) : null,
      rating: f.rating ? { rating: f.rating, comment: f.ratingComment, at: formatVnIso(f.ratedAt!) } : null,
      canRate: canRate(state, answerVisible, f.rating !== null),
      timeline: history.map((h) => ({
        at: formatVnIso(h.at),
        action: h.action,
        label: FEEDBACK_ACTION_LABELS[h.action as FeedbackAction]?.vi ?? h.action,
        state: h.toState,
        stateLabel: FEEDBACK_STATE_LABELS[h.toState as FeedbackState]?.vi ?? h.toState,
      })),
    };
  }

  /** The petitioner rates the answer, once, after the agency answered. */
  async rate(reference: string, secret: string, body: z.infer<typeof FeedbackRatingBody>) {
    const f = await this.bySecret(reference, secret);
    if (!canRate(f.status as FeedbackState, f.answeredAt !== null, f.rating !== null)) throw new AppError('FEEDBACK_RATING_NOT_ALLOWED');
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const updated = await repo.updateFeedbackIfVersion(tx, f.id, f.version, { rating: body.rating, ratingComment: body.comment ?? null, ratedAt: now }, now, { onlyIfUnrated: true });
      if (!updated) throw new AppError('FEEDBACK_RATING_NOT_ALLOWED');
      await repo.appendHistory(tx, { feedbackId: f.id, seq: updated.version, action: 'rate', fromState: f.status, toState: f.status, actorId: f.citizenId, actorRole: 'citizen', agencyId: f.agencyId, at: now, note: null, data: { rating: body.rating } });
      await repo.enqueue(tx, 'feedback.rated', { feedbackId: f.id, rating: body.rating }, this.ctx.now());
    });
    return this.ownView(f.reference, secret);
  }

  /** Published answers with personal data removed (the masked copies made at publication). */
  async publishedList(q: { agencyId?: string | undefined; cursor?: string | undefined; limit: number }) {
    let agencyIds: string[] | null = null;
    if (q.agencyId) {
      const a = await findAgency(this.ctx.db, q.agencyId);
      agencyIds = a ? await agencyIdsUnder(this.ctx.db, [a.path]) : [];
    }
    const rows = await repo.listPublished(this.ctx.db, agencyIds, q.cursor ? cursorAt(q.cursor) : null, q.limit);
    const items = rows.map(({ f, agencyName }) => ({
      reference: f.reference,
      agencyId: f.agencyId,
      agencyName,
      subject: f.subject as FeedbackSubject,
      procedureCode: f.procedureCode,
      title: f.publicTitle ?? '',
      content: f.publicContent ?? '',
      answer: f.publicAnswer ?? '',
      receivedAt: iso(f.receivedAt),
      answeredAt: iso(f.answeredAt),
      publishedAt: formatVnIso(f.publishedAt!),
    }));
    const last = rows[rows.length - 1];
    return { items, next: last && rows.length === q.limit ? encodeCursor([last.f.publishedAt!, last.f.id]) : null };
  }

  // ------------------------------------------------------------------ staff

  async loadInScope(auth: AuthInfo, id: string): Promise<{ f: repo.FeedbackRow; paths: string[] }> {
    const f = await repo.findFeedback(this.ctx.db, id);
    if (!f) throw new AppError('FEEDBACK_NOT_FOUND');
    const paths = await repo.agencyPathsOf(this.ctx.db, f);
    if (rolesOver(auth, paths).length === 0) throw new AppError('FEEDBACK_NOT_FOUND');
    return { f, paths };
  }

  /** The feedback roles the caller holds over the agency that holds the feedback now (who may act). */
  private async actingRoles(auth: AuthInfo, f: repo.FeedbackRow): Promise<Role[]> {
    const agency = await findAgency(this.ctx.db, f.agencyId);
    return agency ? rolesOver(auth, [agency.path]).filter((r) => FEEDBACK_STAFF_ROLES.includes(r)) : [];
  }

  private async viewMany(auth: AuthInfo, rows: repo.FeedbackRow[]) {
    const now = this.ctx.now();
    const agencyCache = new Map<string, { name: string; path: string } | null>();
    const agencyOf = async (id: string) => {
      if (!agencyCache.has(id)) agencyCache.set(id, await findAgency(this.ctx.db, id));
      return agencyCache.get(id)!;
    };
    const out = [];
    for (const f of rows) {
      const agency = await agencyOf(f.agencyId);
      const roles = agency ? rolesOver(auth, [agency.path]).filter((r) => FEEDBACK_STAFF_ROLES.includes(r)) : [];
      const state = f.status as FeedbackState;
      const contact = f.contact as Contact;
      out.push({
        id: f.id,
        reference: f.reference,
        agencyId: f.agencyId,
        agencyName: agency?.name ?? '',
        originAgencyId: f.originAgencyId,
        subject: f.subject as FeedbackSubject,
        procedureCode: f.procedureCode,
        dossierCode: f.dossierCode,
        title: f.title,
        content: f.content,
        contact: { fullName: contact.fullName, phone: contact.phone ?? null, email: contact.email ?? null },
        citizenId: f.citizenId,
        status: state,
        statusLabel: FEEDBACK_STATE_LABELS[state]?.vi ?? f.status,
        version: f.version,
        policyId: f.policyId,
        classification: f.classification,
        submittedAt: formatVnIso(f.submittedAt),
        receivedAt: iso(f.receivedAt),
        deadlines: (f.deadlines as Deadlines | null) ?? null,
        dueAt: iso(f.dueAt),
        overdue: OPEN_FEEDBACK_STATES.includes(state) && f.dueAt !== null && f.dueAt.getTime() < now.getTime(),
        answer: f.answer,
        answeredAt: iso(f.answeredAt),
        publishDueAt: iso(f.publishDueAt),
        publishedAt: iso(f.publishedAt),
        rating: f.rating ? { rating: f.rating, comment: f.ratingComment, at: formatVnIso(f.ratedAt!) } : null,
        allowedActions: allowedFeedbackActions(state, roles),
      });
    }
    return out;
  }

  async get(auth: AuthInfo, id: string) {
    const { f } = await this.loadInScope(auth, id);
    return (await this.viewMany(auth, [f]))[0]!;
  }

  async history(auth: AuthInfo, id: string) {
    const { f } = await this.loadInScope(auth, id);
    const rows = await repo.historyOf(this.ctx.db, f.id);
    const names = await namesOf(this.ctx.db, [...new Set(rows.map((h) => h.actorId).filter((x): x is string => !!x && x !== f.citizenId))]);
    return rows.map((h) => ({
      seq: h.seq,
      action: h.action,
      label: FEEDBACK_ACTION_LABELS[h.action as FeedbackAction]?.vi ?? h.action,
      fromState: h.fromState,
      toState: h.toState,
      actorId: h.actorId,
      actorName: h.actorId ? (names.get(h.actorId) ?? null) : null,
      actorRole: h.actorRole,
      agencyId: h.agencyId,
      at: formatVnIso(h.at),
      note: h.note,
      data: h.data as Record<string, unknown>,
    }));
  }

  async queue(auth: AuthInfo, q: { view: 'all' | 'overdue'; status?: FeedbackState | undefined; agencyId?: string | undefined; cursor?: string | undefined; limit: number }) {
    let paths = scopePaths(auth);
    if (q.agencyId) {
      const a = await findAgency(this.ctx.db, q.agencyId);
      if (!a || !paths.some((p) => a.path.startsWith(p))) throw new AppError('FORBIDDEN');
      paths = [a.path];
    }
    const agencyIds = await agencyIdsUnder(this.ctx.db, paths);
    const rows = await repo.listQueue(this.ctx.db, { agencyIds, status: q.status, view: q.view, now: this.ctx.now(), cursor: q.cursor ? cursorAt(q.cursor) : null, limit: q.limit });
    const last = rows[rows.length - 1];
    return { items: await this.viewMany(auth, rows), next: last && rows.length === q.limit ? encodeCursor([(q.view === 'overdue' ? last.dueAt : last.createdAt)!, last.id]) : null };
  }

  async act(auth: AuthInfo, id: string, req: z.infer<typeof FeedbackActionBody>) {
    const { f } = await this.loadInScope(auth, id);
    if (f.version !== req.version) throw new AppError('FEEDBACK_VERSION_CONFLICT', { current: f.version }, { currentVersion: f.version });
    const roles = await this.actingRoles(auth, f);
    const state = f.status as FeedbackState;
    const input = req.input;
    const t = feedbackTransition(state, req.action, roles, input);
    if (!t.ok) {
      if (t.code === 'ACTION_NOT_ALLOWED_IN_STATE') throw new AppError('FEEDBACK_ACTION_NOT_ALLOWED', { action: FEEDBACK_ACTION_LABELS[req.action].vi, state: FEEDBACK_STATE_LABELS[state].vi });
      if (t.code === 'ROLE_NOT_ALLOWED') throw new AppError('ROLE_NOT_ALLOWED', { action: FEEDBACK_ACTION_LABELS[req.action].vi });
      throw new AppError('INPUT_REQUIRED', { fields: (t.fields ?? []).join(', ') });
    }
    let target: Awaited<ReturnType<typeof findAgency>> = null;
    if (t.to === 'forwarded') {
      target = await findAgency(this.ctx.db, input.targetAgencyId!);
      if (!target) throw new AppError('NOT_FOUND', { entity: 'agency' });
      if (target.id === f.agencyId) throw new AppError('VALIDATION_FAILED', {}, { reason: 'the target agency already holds the feedback' });
    }

    const now = this.ctx.now();
    const cal = await this.ctx.services.calendar.calendar();
    const deadlines = f.deadlines as Deadlines | null;
    const before = (limit: string | undefined | null) => (limit ? now.getTime() <= new Date(limit).getTime() : null);
    const set: repo.FeedbackChange = { status: t.to };
    const data: Record<string, unknown> = {};
    let note: string | null = input.note ?? null;

    switch (req.action) {
      case 'receive': {
        // Deadlines are fixed at receipt by the agency that will handle it (again at the competent agency after a forward).
        const policy = feedbackPolicyFor(toLocalDate(now));
        const d = deadlinesAtReceipt(now, policy, cal);
        const dl: Deadlines = { handle: formatVnIso(d.handle), reject: formatVnIso(d.reject), requestInfo: formatVnIso(d.requestInfo), forward: formatVnIso(d.forward) };
        Object.assign(set, { receivedAt: now, policyId: policy.id, deadlines: dl, handleDueAt: d.handle, dueAt: d.handle, classification: null });
        Object.assign(data, { policy: policy.id, deadlines: dl, ...(state === 'forwarded' ? { afterForward: true } : {}) });
        break;
      }
      case 'classify': {
        set.classification = input.classification!;
        data.classification = input.classification;
        if (t.to === 'not_accepted') {
          Object.assign(set, { dueAt: null });
          Object.assign(data, { reason: input.reason, onTime: before(deadlines?.reject) });
        } else if (t.to === 'forwarded') {
          Object.assign(set, { agencyId: target!.id, dueAt: null });
          Object.assign(data, { targetAgencyId: target!.id, targetAgencyName: target!.name, onTime: before(deadlines?.forward) });
        }
        break;
      }
      case 'request_info':
        data.onTime = before(deadlines?.requestInfo);
        break;
      case 'answer': {
        const policy = feedbackPolicyById(f.policyId ?? '') ?? feedbackPolicyFor(toLocalDate(f.receivedAt ?? now));
        const publishDue = publishDeadline(now, policy, cal);
        Object.assign(set, { answer: input.answer!, answeredAt: now, publishDueAt: publishDue, dueAt: publishDue });
        Object.assign(data, { onTime: f.handleDueAt ? now.getTime() <= f.handleDueAt.getTime() : null, publishDueAt: formatVnIso(publishDue) });
        break;
      }
      case 'publish': {
        const contact = f.contact as Contact;
        Object.assign(set, {
          publishedAt: now,
          dueAt: null,
          publicTitle: maskPersonalData(f.title, contact),
          publicContent: maskPersonalData(f.content, contact),
          publicAnswer: maskPersonalData(f.answer ?? '', contact),
        });
        data.onTime = f.publishDueAt ? now.getTime() <= f.publishDueAt.getTime() : null;
        break;
      }
      case 'archive':
        set.dueAt = null;
        break;
    }
    if (req.action === 'classify' && input.classification === 'not_accepted') note = input.reason ?? note;

    const updated = await this.ctx.db.transaction(async (tx) => {
      const u = await repo.updateFeedbackIfVersion(tx, f.id, f.version, set, now);
      if (!u) {
        const current = await repo.findFeedback(tx, f.id);
        throw new AppError('FEEDBACK_VERSION_CONFLICT', { current: current?.version }, { currentVersion: current?.version });
      }
      await repo.appendHistory(tx, { feedbackId: f.id, seq: u.version, action: req.action, fromState: state, toState: t.to, actorId: auth.userId, actorRole: t.role, agencyId: f.agencyId, at: now, note, data });
      await repo.enqueue(tx, 'feedback.changed', { feedbackId: f.id, action: req.action, status: t.to, reference: f.reference }, this.ctx.now());
      return u;
    });
    return (await this.viewMany(auth, [updated]))[0]!;
  }
}
