/**
 * The citizen side of the portal: sign-in (identity providers → citizen sessions), the citizen's file store,
 * applying online, their own dossiers (read, supplement, result download) and rating.
 *
 * Every dossier change goes through DossiersService (submitOnlineAsCitizen, actAsCitizen): history, version
 * checks and the outbox stay in one place. Another citizen's dossier answers exactly like an unknown one.
 */
import { SIGNATURE_LABELS } from '../../../core/signing/verdict.ts';
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { STATE_LABELS, type DossierState } from '../../../core/dossier/index.ts';
import { formatVnIso } from '../../../core/calendar/index.ts';
import * as dossierRepo from '../dossiers/index.ts';
import { findProcedure } from '../catalog/index.ts';
import { findAgency } from '../units/index.ts';
import { publicDelivery, publicTimeline } from '../portal/portal.service.ts';
import { OtpIdentityProvider, type VerifiedIdentity } from './identity.ts';
import * as repo from './citizens.repository.ts';
import type { ApplyBody, RatingBody, SupplyBody } from './citizens.schemas.ts';
import { findRating } from '../ratings/index.ts';
import { ratingDecision } from '../../../core/rating/index.ts';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface CitizenAuth {
  citizenId: string;
  contact: string;
  fullName: string;
  eidVerified: boolean;
  provider: string;
}

const RESULT_STATES = new Set(['result_ready', 'returned']);

export class CitizensService {
  readonly otp: OtpIdentityProvider;
  constructor(private readonly ctx: AppContext) {
    this.otp = new OtpIdentityProvider(ctx);
  }

  // ------------------------------------------------------------------ sign-in

  /** Links a verified identity to a citizen (created on first sign-in) and opens a session. */
  async signIn(identity: VerifiedIdentity): Promise<{ token: string; expiresAt: Date; citizen: repo.CitizenRow }> {
    const now = this.ctx.now();
    const citizen = await this.ctx.db.transaction(async (tx) => {
      let c = (await repo.findCitizenByIdentity(tx, identity.provider, identity.subject)) ?? (await repo.findCitizenByContact(tx, identity.contact));
      c ??= await repo.insertCitizen(tx, { contact: identity.contact, fullName: identity.fullName ?? '', idNumber: identity.idNumber ?? null, eidVerified: identity.eidVerified, createdAt: now });
      if (identity.eidVerified && !c.eidVerified) {
        c = (await repo.markEidVerified(tx, c.id, { fullName: identity.fullName ?? c.fullName, idNumber: identity.idNumber ?? c.idNumber })) ?? c;
      }
      await repo.linkIdentity(tx, identity.provider, identity.subject, c!.id, now);
      return c!;
    });
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.ctx.config.sessionTtlHours * 3600_000);
    await repo.insertSession(this.ctx.db, { tokenHash: sha256(token), citizenId: citizen.id, provider: identity.provider, createdAt: now, expiresAt });
    return { token, expiresAt, citizen };
  }

  async resolveSession(token: string): Promise<{ ok: true; auth: CitizenAuth } | { ok: false; reason: 'unknown' | 'expired' }> {
    const row = await repo.findSession(this.ctx.db, sha256(token));
    if (!row || row.s.revokedAt) return { ok: false, reason: 'unknown' };
    if (row.s.expiresAt.getTime() <= this.ctx.now().getTime()) return { ok: false, reason: 'expired' };
    return { ok: true, auth: { citizenId: row.c.id, contact: row.c.contact, fullName: row.c.fullName, eidVerified: row.c.eidVerified, provider: row.s.provider } };
  }

  async logout(token: string) {
    await repo.revokeSession(this.ctx.db, sha256(token), this.ctx.now());
  }

  // ------------------------------------------------------------------ files

  async registerUpload(c: CitizenAuth, f: { sha256: string; size: number; mime: string; fileName: string }) {
    await this.ctx.services.dossiers.registerFile(f.sha256, f.size, f.mime);
    await repo.addCitizenFile(this.ctx.db, { citizenId: c.citizenId, sha256: f.sha256, fileName: f.fileName, mime: f.mime, size: f.size, uploadedAt: this.ctx.now() });
  }

  /** Files the citizen can attach again: their uploads and the electronic results of their dossiers. */
  async documents(c: CitizenAuth) {
    const [uploads, results] = await Promise.all([repo.listCitizenFiles(this.ctx.db, c.citizenId, 200), repo.citizenResultDocuments(this.ctx.db, c.citizenId, 100)]);
    const seen = new Set<string>();
    const items: { sha256: string; fileName: string; mime: string; size: number; uploadedAt: string; source: 'upload' | 'result'; dossierCode: string | null }[] = [];
    for (const r of results) {
      if (!r.d.fileSha256 || seen.has(r.d.fileSha256)) continue;
      seen.add(r.d.fileSha256);
      items.push({ sha256: r.d.fileSha256, fileName: r.d.fileName ?? 'ket-qua', mime: r.d.mime ?? 'application/octet-stream', size: r.d.size ?? 0, uploadedAt: r.d.uploadedAt.toISOString(), source: 'result', dossierCode: r.code });
    }
    for (const u of uploads) {
      if (seen.has(u.sha256)) continue;
      seen.add(u.sha256);
      items.push({ sha256: u.sha256, fileName: u.fileName, mime: u.mime, size: u.size, uploadedAt: u.uploadedAt.toISOString(), source: 'upload', dossierCode: null });
    }
    return items;
  }

  /** A citizen may attach only files they uploaded or that belong to their own dossiers. */
  private async checkOwnership(c: CitizenAuth, shas: string[]) {
    const owned = await repo.ownedHashes(this.ctx.db, c.citizenId, [...new Set(shas)]);
    for (const s of shas) if (!owned.has(s)) throw new AppError('NOT_FOUND', { entity: `file ${s}` });
  }

  // ------------------------------------------------------------------ apply

  async apply(c: CitizenAuth, body: z.infer<typeof ApplyBody>, idempotencyKey: string) {
    await this.checkOwnership(c, body.documents.map((d) => d.sha256));
    const documents = body.documents.map((d) => ({
      kind: 'input' as const,
      componentCode: d.componentCode ?? null,
      componentName: d.componentName ?? null,
      sha256: d.sha256,
      fileName: d.fileName,
      digitised: true,
      reused: d.reused ?? false,
      fromCitizenStore: d.fromCitizenStore ?? d.reused ?? false,
    }));
    const res = await this.ctx.services.dossiers.submitOnlineAsCitizen(
      { id: c.citizenId, eidVerified: c.eidVerified },
      { agencyId: body.agencyId, procedureCode: body.procedureCode, applicant: body.applicant, formData: body.formData, documents, resultMethod: body.resultMethod, postalAddress: body.postalAddress },
      idempotencyKey,
    );
    if (res.created && !c.fullName) await repo.setCitizenName(this.ctx.db, c.citizenId, body.applicant.fullName);
    return { created: res.created, dossier: await this.detail(c, res.dossier.id) };
  }

  // ------------------------------------------------------------------ my dossiers

  async list(c: CitizenAuth, cursor: string | undefined, limit: number) {
    const cur = cursor ? cursorAt(cursor) : null;
    const rows = await repo.listOwnDossiers(this.ctx.db, c.citizenId, cur, limit);
    const items = rows.map((r) => ({
      id: r.d.id,
      code: r.d.code,
      procedureCode: r.procedureCode,
      procedureName: r.procedureName,
      agencyName: r.agencyName,
      state: r.d.state,
      stateLabel: STATE_LABELS[r.d.state as DossierState]?.vi ?? r.d.state,
      version: r.d.version,
      submittedAt: r.d.submittedAt ? formatVnIso(r.d.submittedAt) : null,
      dueAt: r.d.dueAt ? formatVnIso(r.d.dueAt) : null,
      finishedAt: r.d.finishedAt ? formatVnIso(r.d.finishedAt) : null,
      feeTotal: r.d.feeTotal,
      paidTotal: r.d.paidTotal,
    }));
    const last = rows[rows.length - 1];
    return { items, next: last && rows.length === limit ? encodeCursor([last.d.createdAt, last.d.id]) : null };
  }

  async detail(c: CitizenAuth, id: string) {
    const d = await this.ctx.services.dossiers.loadOwn(c.citizenId, id);
    const [proc, agency, history, docs, rating] = await Promise.all([
      findProcedure(this.ctx.db, d.procedureId),
      findAgency(this.ctx.db, d.receivingAgencyId),
      dossierRepo.historyOf(this.ctx.db, d.id),
      dossierRepo.documentsOf(this.ctx.db, d.id),
      findRating(this.ctx.db, d.id),
    ]);
    const lastOf = (actions: string[]) => [...history].reverse().find((h) => actions.includes(h.action));
    const request = d.state === 'supplement_requested' || d.state === 'intake_incomplete' ? lastOf(['request_supplement', 'request_intake_supplement']) : undefined;
    const apology = lastOf(['apologize']);
    const refusal = lastOf(['refuse', 'reject_intake']);
    const resultsOpen = RESULT_STATES.has(d.state);
    const data = (h: typeof history[number] | undefined) => (h?.data ?? {}) as Record<string, unknown>;
    return {
      id: d.id,
      code: d.code,
      procedureCode: proc?.code ?? '',
      procedureName: proc?.name ?? '',
      agencyName: agency?.name ?? '',
      channel: d.channel,
      state: d.state,
      stateLabel: STATE_LABELS[d.state as DossierState]?.vi ?? d.state,
      version: d.version,
      trackingSecret: d.trackingSecret,
      applicant: d.applicant as Record<string, unknown>,
      resultMethod: d.resultMethod,
      submittedAt: d.submittedAt ? formatVnIso(d.submittedAt) : null,
      receivedAt: d.receivedAt ? formatVnIso(d.receivedAt) : null,
      appointmentAt: d.dueAt ? formatVnIso(d.dueAt) : null,
      finishedAt: d.finishedAt ? formatVnIso(d.finishedAt) : null,
      returnedAt: d.returnedAt ? formatVnIso(d.returnedAt) : null,
      feeTotal: d.feeTotal,
      paidTotal: d.paidTotal,
      timeline: publicTimeline(history),
      delivery: await publicDelivery(this.ctx.db, history),
      supplementRequest: request ? { requestedAt: formatVnIso(request.at), missingItems: (data(request).missingItems as string[] | undefined) ?? [], note: request.note } : null,
      apology: apology ? { sentAt: formatVnIso(apology.at), reasons: (data(apology).reasons as string[] | undefined) ?? [], newAppointmentAt: d.dueAt ? formatVnIso(d.dueAt) : ((data(apology).newDueAt as string | undefined) ?? null) } : null,
      refusal: refusal && (d.state === 'refused' || d.state === 'intake_rejected' || d.state === 'returned') ? { at: formatVnIso(refusal.at), reasons: (data(refusal).reasons as string[] | undefined) ?? [] } : null,
      documents: docs.filter((x) => !x.electronicResult).map((x) => ({ id: x.id, kind: x.kind, componentName: x.componentName, fileName: x.fileName, uploadedAt: x.uploadedAt.toISOString() })),
      results: resultsOpen ? await Promise.all(docs.filter((x) => x.electronicResult).map(async (x) => ({ id: x.id, fileName: x.fileName, mime: x.mime, size: x.size, signature: await this.resultSignature(x) }))) : [],
      rating: rating ? { rating: rating.rating, reasons: rating.reasons, comment: rating.comment, at: rating.createdAt.toISOString() } : null,
      canSupply: d.state === 'supplement_requested' || d.state === 'intake_incomplete',
      canRate: ratingDecision({ state: d.state, finishedAt: d.finishedAt, returnedAt: d.returnedAt, alreadyRated: rating !== null }, this.ctx.now()).ok,
      canPay: d.feeTotal > d.paidTotal && !['returned', 'withdrawn', 'stopped', 'intake_rejected'].includes(d.state),
    };
  }

  /** What a verifier says of a result file's signatures (the same verification as the public check page). */
  private async resultSignature(doc: { mime: string | null; fileSha256: string | null }) {
    if (doc.mime !== 'application/pdf' || !doc.fileSha256) return null;
    let report;
    try {
      report = await this.ctx.services.signatures.verify(await this.ctx.files.get(doc.fileSha256));
    } catch (e) {
      if (e instanceof AppError) return null; // not a PDF a verifier can read
      throw e;
    }
    return {
      status: report.status,
      statusLabel: SIGNATURE_LABELS[report.status],
      signers: report.signatures.map((s) => ({ name: s.signer?.commonName ?? null, signedAt: s.signingTime ? formatVnIso(new Date(s.signingTime)) : null, status: s.status })),
    };
  }

  /** Completes the dossier: `resubmit` at intake (not received yet), `supply` during processing (the clock restarts). */
  async supply(c: CitizenAuth, id: string, body: z.infer<typeof SupplyBody>) {
    const d = await this.ctx.services.dossiers.loadOwn(c.citizenId, id);
    await this.checkOwnership(c, body.documents.map((x) => x.sha256));
    const action = d.state === 'intake_incomplete' ? 'resubmit' : 'supply';
    await this.ctx.services.dossiers.actAsCitizen(c.citizenId, id, {
      action,
      version: body.version,
      input: body.note ? { note: body.note } : {},
      documents: body.documents.map((x) => ({ kind: 'supplement' as const, componentCode: x.componentCode ?? null, componentName: x.componentName ?? null, sha256: x.sha256, fileName: x.fileName, digitised: true, reused: x.reused ?? false, fromCitizenStore: x.fromCitizenStore ?? x.reused ?? false })),
    });
    return this.detail(c, id);
  }

  async resultContent(c: CitizenAuth, id: string, docId: string) {
    const d = await this.ctx.services.dossiers.loadOwn(c.citizenId, id);
    const doc = await dossierRepo.findDocument(this.ctx.db, d.id, docId);
    if (!doc || !doc.electronicResult || !doc.fileSha256) throw new AppError('NOT_FOUND', { entity: 'document' });
    if (!RESULT_STATES.has(d.state)) throw new AppError('RESULT_NOT_AVAILABLE');
    return { doc, content: await this.ctx.files.get(doc.fileSha256) };
  }

  // ------------------------------------------------------------------ rating

  /** Once per dossier, after the result is ready — the one rule and writer of every channel (RatingsService). */
  async rate(c: CitizenAuth, id: string, body: z.infer<typeof RatingBody>) {
    const d = await this.ctx.services.dossiers.loadOwn(c.citizenId, id);
    return this.ctx.services.ratings.byAccount(c.citizenId, d, body);
  }
}

const cursorAt = (token: string) => {
  const [at, id] = decodeCursor(token, ['timestamp', 'uuid']);
  return { at, id };
};
