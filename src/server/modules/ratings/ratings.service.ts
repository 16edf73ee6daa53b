/**
 * Ratings of dossiers from every channel — the signed-in citizen (`account`), the slip's short link/QR with the
 * second factor (`link`) and the desk tablet (`kiosk`) — and the follow-up items dissatisfied ratings open.
 *
 * `record` is the only writer: it applies the one core rule (core/rating `ratingDecision`), stores the rating
 * (append-only, once per dossier), appends a `rate` history entry to the dossier (its version moves), opens the
 * follow-up when the applicant is dissatisfied and refreshes the service-index counters, all in one transaction.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { scopePaths, type AuthInfo } from '../../platform/http/auth.ts';
import { formatVnIso } from '../../../core/calendar/index.ts';
import { dossierEventData, STATE_LABELS, type DossierState, type Role } from '../../../core/dossier/index.ts';
import { followUpSummary, opensFollowUp, ratingDecision, secondFactorMatches, type RatingChannel, type RatingValue } from '../../../core/rating/index.ts';
import * as dossierRepo from '../dossiers/index.ts';
import { rolesOver } from '../dossiers/dossiers.service.ts';
import { findProcedure } from '../catalog/index.ts';
import { findAgency } from '../units/index.ts';
import { normaliseContact } from '../citizens/identity.ts';
import * as repo from './ratings.repository.ts';

export interface RatingInput {
  rating: RatingValue;
  reasons: string[];
  comment?: string | undefined;
}

interface Rater {
  channel: RatingChannel;
  citizenId: string | null;
  officerId: string | null;
  actorId: string | null;
  actorRole: Role;
}

/** How long after handing over a result the desk's kiosk keeps showing it. */
export const KIOSK_WINDOW_MINUTES = 15;
/** Wrong second factors accepted per dossier code in a quarter of an hour before the public pages refuse (429). */
export const PUBLIC_FACTOR_ATTEMPTS = 10;
const ATTEMPT_WINDOW_MS = 15 * 60_000;
/** Roles of the unit that may answer and close a follow-up item. */
const FOLLOW_UP_ROLES: readonly Role[] = ['leader', 'unit_admin', 'desk_officer'];

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
};

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/** "Nguyễn Thị Mai" → "Ông/Bà Mai": the kiosk faces the counter, so it shows the given name only. */
const kioskName = (fullName: string | undefined) => {
  const last = (fullName ?? '').trim().split(/\s+/).pop();
  return last ? `Ông/Bà ${last}` : 'Ông/Bà';
};

export class RatingsService {
  /** Wrong second factors per dossier code: times of the recent failures (per process). */
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly ctx: AppContext) {}

  // ------------------------------------------------------------------ the one writer

  /** Throws the rule's error when the dossier cannot be rated now. */
  private check(d: dossierRepo.DossierRow, existing: repo.RatingRow | null) {
    const r = ratingDecision({ state: d.state, finishedAt: d.finishedAt, returnedAt: d.returnedAt, alreadyRated: existing !== null }, this.ctx.now());
    if (!r.ok) throw new AppError(r.code);
    return r;
  }

  async record(d: dossierRepo.DossierRow, body: RatingInput, by: Rater) {
    this.check(d, await repo.findRating(this.ctx.db, d.id));
    const now = this.ctx.now();
    try {
      return await this.ctx.db.transaction(async (tx) => {
        const cur = await dossierRepo.findDossier(tx, d.id);
        if (!cur) throw new AppError('DOSSIER_NOT_FOUND');
        this.check(cur, await repo.findRating(tx, d.id));
        const rating = await repo.insertRating(tx, { dossierId: cur.id, citizenId: by.citizenId, officerId: by.officerId, channel: by.channel, agencyId: cur.handlingAgencyId, rating: body.rating, reasons: body.reasons, comment: body.comment ?? null, createdAt: now });
        let followUpId: string | null = null;
        if (opensFollowUp(body.rating)) {
          const f = await repo.insertFollowUp(tx, { agencyId: cur.handlingAgencyId, dossierId: cur.id, kind: 'dissatisfied_rating', sourceId: rating.id, status: 'open', summary: followUpSummary(cur.code, body.reasons, by.channel), createdAt: now });
          followUpId = f.id;
        }
        // A dissatisfied rating moves the satisfaction indicator: recordEvent refreshes the dossier's index counters.
        await this.ctx.services.dossiers.recordEvent(tx, cur, {
          action: 'rate', actorId: by.actorId, actorRole: by.actorRole, now,
          data: { rating: body.rating, ratingChannel: by.channel, reasons: body.reasons, ...(body.comment ? { comment: body.comment } : {}), ...(followUpId ? { followUpId } : {}) },
          outbox: { topic: 'dossier.rated', payload: { dossierId: cur.id, rating: body.rating, channel: by.channel, followUpId } },
        });
        return { rating: rating.rating as RatingValue, reasons: rating.reasons, comment: rating.comment, channel: rating.channel as RatingChannel, at: rating.createdAt.toISOString(), followUpId };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('ALREADY_RATED');
      throw err;
    }
  }

  // ------------------------------------------------------------------ account (signed-in citizen)

  async byAccount(citizenId: string, d: dossierRepo.DossierRow, body: RatingInput) {
    return this.record(d, body, { channel: 'account', citizenId, officerId: null, actorId: citizenId, actorRole: 'citizen' });
  }

  // ------------------------------------------------------------------ link (code + second factor)

  /**
   * A dossier opened by its code and second factor — the same check as the tracking page. Wrong factors and unknown
   * codes answer alike (no enumeration); too many wrong factors for one code in 15 minutes → 429.
   */
  async openPublic(code: string, factor: string): Promise<dossierRepo.DossierRow> {
    const key = code.trim().toUpperCase();
    const now = this.ctx.now().getTime();
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < ATTEMPT_WINDOW_MS);
    if (recent.length >= PUBLIC_FACTOR_ATTEMPTS) {
      throw new AppError('RATE_LIMITED', { retryAfterMinutes: Math.max(1, Math.ceil((recent[0]! + ATTEMPT_WINDOW_MS - now) / 60_000)) });
    }
    const d = await dossierRepo.findDossierByCode(this.ctx.db, code.trim());
    const phone = (d?.applicant as { phone?: string } | undefined)?.phone;
    if (!d || !secondFactorMatches(factor, { trackingSecret: d.trackingSecret, phone }, safeEqual)) {
      recent.push(now);
      this.failures.set(key, recent);
      throw new AppError('DOSSIER_NOT_FOUND');
    }
    return d;
  }

  /** What the rating page shows: the dossier, whether it can be rated (or why not), the rating and the unit's answer. */
  async publicView(code: string, factor: string) {
    const d = await this.openPublic(code, factor);
    return this.viewOf(d);
  }

  async viewOf(d: dossierRepo.DossierRow) {
    const [proc, agency, rating, followUp] = await Promise.all([findProcedure(this.ctx.db, d.procedureId), findAgency(this.ctx.db, d.handlingAgencyId), repo.findRating(this.ctx.db, d.id), repo.followUpOfDossier(this.ctx.db, d.id)]);
    const decision = ratingDecision({ state: d.state, finishedAt: d.finishedAt, returnedAt: d.returnedAt, alreadyRated: rating !== null }, this.ctx.now());
    return {
      code: d.code!,
      procedureName: proc?.name ?? '',
      agencyName: agency?.name ?? '',
      state: d.state,
      stateLabel: STATE_LABELS[d.state as DossierState]?.vi ?? d.state,
      canRate: decision.ok,
      reason: decision.ok ? null : decision.code,
      rating: rating ? { rating: rating.rating, reasons: rating.reasons, comment: rating.comment, channel: rating.channel, at: formatVnIso(rating.createdAt) } : null,
      followUp: followUp ? { status: followUp.status, answer: followUp.answer, answeredAt: followUp.closedAt ? formatVnIso(followUp.closedAt) : null } : null,
    };
  }

  async byLink(code: string, body: RatingInput & { secondFactor: string }) {
    const d = await this.openPublic(code, body.secondFactor);
    return this.record(d, body, { channel: 'link', citizenId: d.citizenId ?? null, officerId: null, actorId: null, actorRole: 'citizen' });
  }

  // ------------------------------------------------------------------ kiosk (the desk's tablet)

  private requireDesk(auth: AuthInfo) {
    if (!auth.assignments.some((a) => a.role === 'desk_officer')) throw new AppError('ROLE_NOT_ALLOWED', { action: 'Máy đánh giá tại quầy' });
  }

  /** The dossier this officer handed over in the last minutes, not rated yet: what the kiosk of their desk shows. */
  async kioskCurrent(auth: AuthInfo) {
    this.requireDesk(auth);
    const now = this.ctx.now();
    const last = await repo.lastReturnBy(this.ctx.db, auth.userId, new Date(now.getTime() - KIOSK_WINDOW_MINUTES * 60_000));
    if (!last) return { dossier: null };
    const d = await dossierRepo.findDossier(this.ctx.db, last.dossierId);
    if (!d || rolesOver(auth, await dossierRepo.accessAgencyPaths(this.ctx.db, d.id)).length === 0) return { dossier: null };
    if (await repo.findRating(this.ctx.db, d.id)) return { dossier: null };
    const proc = await findProcedure(this.ctx.db, d.procedureId);
    return {
      dossier: {
        id: d.id,
        code: d.code!,
        procedureName: proc?.name ?? '',
        applicantName: kioskName((d.applicant as { fullName?: string }).fullName),
        returnedAt: formatVnIso(last.at),
      },
    };
  }

  async byKiosk(auth: AuthInfo, body: RatingInput & { dossierId: string }) {
    const d = await this.ctx.services.dossiers.loadInScope(auth, body.dossierId);
    const cur = await this.kioskCurrent(auth);
    if (cur.dossier?.id !== d.id) throw new AppError('KIOSK_NOT_CURRENT');
    return this.record(d, body, { channel: 'kiosk', citizenId: d.citizenId ?? null, officerId: auth.userId, actorId: null, actorRole: 'citizen' });
  }

  /** Leaving the locked kiosk screen needs the officer's password again. */
  async kioskUnlock(auth: AuthInfo, password: string) {
    this.requireDesk(auth);
    await this.ctx.services.auth.confirmPassword(auth.userId, password);
    return { ok: true as const };
  }

  // ------------------------------------------------------------------ follow-ups

  async followUps(auth: AuthInfo, status: 'open' | 'closed' | undefined, limit: number) {
    const agencyIds = await dossierRepo.agencyIdsUnder(this.ctx.db, scopePaths(auth));
    const rows = await repo.listFollowUps(this.ctx.db, agencyIds, status, limit);
    return rows.map((r) => this.followUpOut(r.f, r.code, r.agencyName, r.rating));
  }

  private followUpOut(f: repo.FollowUpRow, code: string | null, agencyName: string, rating: repo.RatingRow | null) {
    return {
      id: f.id,
      kind: f.kind,
      status: f.status,
      summary: f.summary,
      dossierId: f.dossierId,
      dossierCode: code,
      agencyId: f.agencyId,
      agencyName,
      rating: rating ? { rating: rating.rating, reasons: rating.reasons, comment: rating.comment, channel: rating.channel } : null,
      answer: f.answer,
      closedAt: f.closedAt ? f.closedAt.toISOString() : null,
      version: f.version,
      createdAt: f.createdAt.toISOString(),
    };
  }

  /**
   * The unit answers the applicant and closes the item: the answer is stored, written to the dossier's history,
   * shown on the tracking and rating pages and sent to the applicant (e-mail/SMS through the outbox).
   */
  async closeFollowUp(auth: AuthInfo, id: string, body: { version: number; answer: string }) {
    const f = await repo.findFollowUp(this.ctx.db, id);
    const agency = f ? await findAgency(this.ctx.db, f.agencyId) : null;
    if (!f || !agency) throw new AppError('NOT_FOUND', { entity: 'ý kiến cần xử lý' });
    const roles = rolesOver(auth, [agency.path]);
    if (roles.length === 0) throw new AppError('NOT_FOUND', { entity: 'ý kiến cần xử lý' });
    const role = FOLLOW_UP_ROLES.find((r) => roles.includes(r));
    if (!role) throw new AppError('ROLE_NOT_ALLOWED', { action: 'Trả lời ý kiến không hài lòng' });
    if (f.status !== 'open') throw new AppError('FOLLOW_UP_CLOSED');
    if (f.version !== body.version) throw new AppError('FOLLOW_UP_VERSION_CONFLICT', { current: f.version }, { currentVersion: f.version });
    const now = this.ctx.now();
    await this.ctx.db.transaction(async (tx) => {
      const closed = await repo.closeFollowUpIfVersion(tx, f.id, body.version, { answer: body.answer, closedBy: auth.userId, closedAt: now });
      if (!closed) {
        const current = await repo.findFollowUp(tx, f.id);
        if (current?.status !== 'open') throw new AppError('FOLLOW_UP_CLOSED');
        throw new AppError('FOLLOW_UP_VERSION_CONFLICT', { current: current?.version }, { currentVersion: current?.version });
      }
      const d = await dossierRepo.findDossier(tx, f.dossierId);
      if (!d) throw new AppError('DOSSIER_NOT_FOUND');
      await this.ctx.services.dossiers.recordEvent(tx, d, {
        action: 'answer_follow_up', actorId: auth.userId, actorRole: role, now,
        data: { answer: body.answer, followUpId: f.id },
        outbox: { topic: 'follow_up.closed', payload: { followUpId: f.id, dossierId: d.id } },
      });
      await this.notifyAnswer(tx, d, body.answer);
    });
    await this.ctx.services.notifications.kick();
    const [row] = (await repo.listFollowUps(this.ctx.db, [f.agencyId], undefined, 200)).filter((r) => r.f.id === f.id);
    const after = (await repo.findFollowUp(this.ctx.db, f.id))!;
    return this.followUpOut(after, row?.code ?? null, agency.name, row?.rating ?? null);
  }

  private async notifyAnswer(tx: Tx, d: dossierRepo.DossierRow, answer: string) {
    const applicant = d.applicant as { email?: string; phone?: string; fullName?: string };
    const agency = await findAgency(tx, d.handlingAgencyId);
    const subject = `Trả lời ý kiến đánh giá hồ sơ ${d.code ?? ''}`.trim();
    const body = `Kính gửi Ông/Bà ${applicant.fullName ?? ''},\n${agency?.name ?? 'Cơ quan'} trả lời ý kiến đánh giá của Ông/Bà về hồ sơ ${d.code ?? ''}:\n${answer}\nTrân trọng.`;
    const sms = `${agency?.name ?? 'Co quan'} tra loi danh gia ho so ${d.code ?? ''}: ${answer}`.slice(0, 300);
    const email = applicant.email ? normaliseContact(applicant.email) : null;
    const phone = applicant.phone ? normaliseContact(applicant.phone) : null;
    if (email?.kind === 'email') await this.ctx.services.notifications.enqueue(tx, { channel: 'email', to: email.value, subject, body });
    if (phone?.kind === 'phone') await this.ctx.services.notifications.enqueue(tx, { channel: 'sms', to: phone.value, subject, body: sms });
  }
}
