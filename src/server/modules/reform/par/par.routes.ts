/**
 * PAR index routes: /api/reform/par/… (staff; scope checked in the service) and the public /api/public/par/…
 * (published rankings only, no account).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { requireAuth } from '../../../platform/http/auth.ts';
import { disposition } from '../../../platform/http/download.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { toLocalDate } from '../../../../core/calendar/index.ts';
import { findAgency } from '../../units/index.ts';
import { ParService, type OpenTasksForNode } from './par.service.ts';
import { resultsPdf, resultsXlsx } from './par.exports.ts';
import * as S from './par.schemas.ts';

export const parRoutes = (ctx: AppContext, opts: { openTasksForNode?: OpenTasksForNode } = {}): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reform-par'];
  const svc = new ParService(ctx, opts.openTasksForNode);
  const staff = (req: Parameters<typeof requireAuth>[0]) => {
    const auth = requireAuth(req);
    if (auth.assignments.length === 0) throw new AppError('FORBIDDEN');
    return auth;
  };
  const P = '/reform/par';

  // ---- criteria sets
  app.get(`${P}/sets`, { schema: { tags, summary: 'Criteria sets (bộ tiêu chí) with their year, unit type, node count and total maximum' } }, async (req) => svc.listSets(staff(req)));
  app.post(`${P}/sets/import`, {
    schema: { tags, summary: 'Import a criteria set in the JSON format of docs/par-criteria-format.md (reform officer / province admin on the province). 400 PAR_SET_INVALID lists one problem per bad node in details.problems.', body: z.unknown() },
  }, async (req, reply) => {
    const r = await svc.importSet(staff(req), req.body);
    reply.code(201);
    return r;
  });
  app.get(`${P}/sets/:id`, { schema: { tags, summary: 'A criteria set as its JSON document, with version and whether a round uses it', params: S.IdParams } }, async (req) => svc.getSet(staff(req), req.params.id));
  app.get(`${P}/sets/:id/export`, { schema: { tags, summary: 'Download the set as JSON (the import format)', params: S.IdParams } }, async (req, reply) => {
    const s = await svc.getSet(staff(req), req.params.id);
    reply.header('content-type', 'application/json; charset=utf-8');
    disposition(reply, 'attachment', `${s.document.code}-${s.document.year}.json`);
    return JSON.stringify(s.document, null, 2);
  });
  app.put(`${P}/sets/:id`, { schema: { tags, summary: 'Replace a set not yet used by a round {version, document} (409 PAR_SET_IN_USE once used: copy it instead)', params: S.IdParams, body: S.SetUpdateBody } }, async (req) => svc.updateSet(staff(req), req.params.id, req.body));
  app.post(`${P}/sets/:id/copy`, { schema: { tags, summary: "Copy a set to another year (copy last year's set, then edit)", params: S.IdParams, body: S.CopySetBody } }, async (req, reply) => {
    const r = await svc.copySet(staff(req), req.params.id, req.body);
    reply.code(201);
    return r;
  });

  // ---- rounds
  app.get(`${P}/rounds`, { schema: { tags, summary: 'Rounds the caller takes part in (owner, council, unit, appraiser)' } }, async (req) => svc.listRounds(staff(req)));
  app.post(`${P}/rounds`, {
    schema: { tags, summary: 'Open a round for a set and units; deadlines as a date or a number of working days from today (stored calendar). The units are notified through the outbox; auto-filled nodes are pre-filled from live data.', body: S.OpenRoundBody },
  }, async (req, reply) => {
    const r = await svc.openRound(staff(req), req.body);
    reply.code(201);
    return r;
  });
  app.get(`${P}/rounds/:id`, { schema: { tags, summary: 'A round with the units the caller may see (status, lock, running index), appraisers and what the caller may do', params: S.IdParams } }, async (req) => svc.getRound(staff(req), req.params.id));
  app.post(`${P}/rounds/:id/units/:agencyId/unlock`, { schema: { tags, summary: "Unlock one unit after a deadline for a grace period (default 3 working days), audited with a reason. phase 'self' (default): the self-assessment; 'appraisal': its appraisal and the unit's answers", params: S.UnitParams, body: S.UnlockBody } }, async (req) => svc.unlock(staff(req), req.params.id, req.params.agencyId, req.body));
  app.post(`${P}/rounds/:id/units/:agencyId/relock`, { schema: { tags, summary: "End a grace period of a phase ('self' by default, or 'appraisal') now, audited with a reason; open rounds only", params: S.UnitParams, body: S.RelockBody } }, async (req) => svc.relock(staff(req), req.params.id, req.params.agencyId, req.body));
  app.post(`${P}/rounds/:id/appraisers`, { schema: { tags, summary: 'Assign an appraiser per unit (agencyId) and/or per area (areaCode)', params: S.IdParams, body: S.AssignBody } }, async (req) => svc.assign(staff(req), req.params.id, req.body));
  app.delete(`${P}/rounds/:id/appraisers/:appraiserId`, { schema: { tags, summary: "Remove an appraiser assignment {reason} (the round's owners; audited in the history; 404 PAR_APPRAISER_NOT_FOUND for an unknown or removed one)", params: S.AppraiserParams, body: S.RemoveAppraiserBody } }, async (req) => svc.removeAppraiser(staff(req), req.params.id, req.params.appraiserId, req.body));
  app.post(`${P}/rounds/:id/finalise`, { schema: { tags, summary: 'The council finalises the round (no more edits; reopen with a reason)', params: S.IdParams, body: S.VersionBody } }, async (req) => svc.finalise(staff(req), req.params.id, req.body.version));
  app.post(`${P}/rounds/:id/reopen`, { schema: { tags, summary: 'Reopen a finalised or published round with a reason (a new appraisal cycle)', params: S.IdParams, body: S.ReasonBody } }, async (req) => svc.reopen(staff(req), req.params.id, req.body));
  app.post(`${P}/rounds/:id/publish`, { schema: { tags, summary: 'Publish a finalised round: the ranking becomes public on the portal', params: S.IdParams, body: S.VersionBody } }, async (req) => svc.publish(staff(req), req.params.id, req.body.version));
  app.get(`${P}/rounds/:id/history`, { schema: { tags, summary: 'The append-only history of the round (owners and council), or of one unit (?agencyId)', params: S.IdParams, querystring: z.object({ agencyId: z.string().uuid().optional() }) } }, async (req) => svc.historyOf(staff(req), req.params.id, req.query.agencyId));

  // ---- self-assessment and appraisal of one unit
  const U = `${P}/rounds/:id/units/:agencyId`;
  app.get(U, { schema: { tags, summary: "A unit's assessment: every node with self points, auto-filled figure (query, drill-down), evidence, comments, appraisal; running total and what is missing", params: S.UnitParams } }, async (req) => svc.assessment(staff(req), req.params.id, req.params.agencyId));
  app.put(`${U}/nodes/:code`, {
    schema: { tags, summary: 'Self-assess a leaf {version?, answer?, explanation?, comment?}. Locked after the deadline: 423 ROUND_LOCKED. An auto-filled node takes only a comment (409 PAR_NODE_AUTO).', params: S.NodeParams, body: S.SaveNodeBody },
  }, async (req) => svc.saveNode(staff(req), req.params.id, req.params.agencyId, req.params.code, req.body));
  app.post(`${U}/nodes/:code/evidence`, { schema: { tags, summary: 'Attach evidence: an uploaded file {sha256, fileName, pageNote} (POST /api/files first) or a document from the picker {documentRef, pageNote}', params: S.NodeParams, body: S.EvidenceBody } }, async (req, reply) => {
    const r = await svc.addEvidence(staff(req), req.params.id, req.params.agencyId, req.params.code, req.body);
    reply.code(201);
    return r;
  });
  app.get(`${U}/evidence/:evidenceId/content`, { schema: { tags, summary: 'Download an evidence file (same scope as the assessment; others 404)', params: S.EvidenceParams } }, async (req, reply) => {
    const f = await svc.evidenceContent(staff(req), req.params.id, req.params.agencyId, req.params.evidenceId);
    reply.header('content-type', f.contentType);
    disposition(reply, 'attachment', f.fileName);
    reply.header('cache-control', 'private, no-store');
    return reply.send(f.content);
  });
  app.delete(`${U}/evidence/:evidenceId`, { schema: { tags, summary: 'Remove an evidence item (kept in history)', params: S.EvidenceParams } }, async (req) => svc.removeEvidence(staff(req), req.params.id, req.params.agencyId, req.params.evidenceId));
  app.get(`${U}/documents`, { schema: { tags, summary: 'The picker: documents already in motcua the unit can attach (its reform reports, its earlier evidence)', params: S.UnitParams } }, async (req) => svc.pickerDocuments(staff(req), req.params.id, req.params.agencyId));
  app.post(`${U}/refresh-auto`, { schema: { tags, summary: 'Recompute the auto-filled nodes from live data for the round period', params: S.UnitParams } }, async (req) => svc.refreshAuto(staff(req), req.params.id, req.params.agencyId));
  app.post(`${U}/submit`, { schema: { tags, summary: "The unit's leader submits (422 PAR_INCOMPLETE lists nodes without points, or without evidence and explanation)", params: S.UnitParams, body: S.VersionBody } }, async (req) => svc.submit(staff(req), req.params.id, req.params.agencyId, req.body.version));
  app.post(`${U}/withdraw`, { schema: { tags, summary: 'Withdraw a submission to edit again, until the deadline', params: S.UnitParams, body: S.VersionBody } }, async (req) => svc.withdraw(staff(req), req.params.id, req.params.agencyId, req.body.version));
  app.post(`${U}/nodes/:code/appraise`, { schema: { tags, summary: 'Appraise a leaf: accept, or adjust with points and a required comment (assigned appraisers only; versioned). After the appraisal deadline (and outside the unit\'s appraisal grace): 423 ROUND_LOCKED', params: S.NodeParams, body: S.AppraiseBody } }, async (req) => svc.appraise(staff(req), req.params.id, req.params.agencyId, req.params.code, req.body));
  app.post(`${U}/nodes/:code/answer`, { schema: { tags, summary: "The unit answers the appraisal comment on a node, once per appraisal cycle; locked with the appraisal (423 ROUND_LOCKED)", params: S.NodeParams, body: S.AnswerBody } }, async (req, reply) => {
    const r = await svc.answer(staff(req), req.params.id, req.params.agencyId, req.params.code, req.body);
    reply.code(201);
    return r;
  });

  // ---- survey
  app.get(`${P}/rounds/:id/survey`, { schema: { tags, summary: 'Survey results entered for the round', params: S.IdParams } }, async (req) => svc.surveyResults(staff(req), req.params.id));
  app.post(`${P}/rounds/:id/survey`, { schema: { tags, summary: 'Enter a survey result for a unit and survey node: points, or answer counts per question weighted by the set (default A 100 %, B 60 %, C 20 %, D 0 %)', params: S.IdParams, body: S.SurveyBody } }, async (req) => svc.enterSurvey(staff(req), req.params.id, req.body));
  app.post(`${P}/rounds/:id/survey/import`, {
    schema: { tags, summary: 'Import survey results as CSV {csv} or Excel {xlsxBase64} (first sheet): agencyCode,nodeCode,points or agencyCode,nodeCode,A,B,C,D (one question per line); all or nothing, one error per bad line', params: S.IdParams, body: S.SurveyCsvBody },
  }, async (req) => ('csv' in req.body ? svc.importSurveyCsv(staff(req), req.params.id, req.body.csv) : svc.importSurveyXlsx(staff(req), req.params.id, req.body.xlsxBase64)));

  // ---- results
  app.get(`${P}/rounds/:id/results`, { schema: { tags, summary: 'Index per unit, ranking (owners and council, or everyone once published), change vs last year, per-area points, lost points. Private until published.', params: S.IdParams } }, async (req) => svc.results(staff(req), req.params.id));
  app.get(`${P}/rounds/:id/units/:agencyId/lost-points`, { schema: { tags, summary: 'The lost-points report of a unit: every node below its maximum, most lost first, with the appraiser note', params: S.UnitParams } }, async (req) => svc.lostPoints(staff(req), req.params.id, req.params.agencyId));
  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(`${P}/rounds/:id/results.${format}`, { schema: { tags, summary: `Results as ${format.toUpperCase()}`, params: S.IdParams } }, async (req, reply) => {
      const auth = staff(req);
      const r = await svc.results(auth, req.params.id);
      const now = ctx.now();
      let body: Buffer;
      if (format === 'xlsx') {
        body = await resultsXlsx(r, toLocalDate(now));
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      } else {
        const round = (await import('./par.repository.ts')).findRound(ctx.db, req.params.id);
        const owner = await findAgency(ctx.db, (await round)!.ownerAgencyId);
        body = await resultsPdf(r, { name: owner?.name ?? '', provinceName: owner?.name.replace(/^Ủy ban nhân dân\s+/i, '') ?? null }, now);
        reply.header('content-type', 'application/pdf');
      }
      disposition(reply, 'attachment', `chi-so-cchc-${r.round.year}.${format}`);
      reply.header('cache-control', 'private, no-store');
      return reply.send(body);
    });
  }

  // ---- public (portal)
  // ---- the survey run in motcua
  app.post(`${P}/rounds/:id/survey/respondents`, {
    schema: { tags, summary: 'Sample respondents of a unit and group (officials, leaders, citizens): one link and QR code each, shown once (only the token hash is stored); each answers once, on a phone, without an account', params: S.IdParams, body: S.SampleBody },
  }, async (req, reply) => {
    const r = await svc.sampleRespondents(staff(req), req.params.id, req.body);
    reply.code(201);
    return r;
  });
  app.get(`${P}/rounds/:id/survey/progress`, { schema: { tags, summary: 'Respondents sampled and answered, per unit and group', params: S.IdParams } }, async (req) => svc.surveyProgress(staff(req), req.params.id));
  app.post(`${P}/rounds/:id/survey/apply`, { schema: { tags, summary: "The answers so far counted into each unit's survey criteria with the set's answer weights (written as survey results, audited)", params: S.IdParams } }, async (req) => svc.applySurveyAnswers(staff(req), req.params.id));
  app.get('/public/par/survey/:token', { schema: { tags, summary: 'The questionnaire a survey link opens (no account)', params: S.TokenParams } }, async (req) => svc.questionnaire(req.params.token));
  app.post('/public/par/survey/:token', {
    schema: { tags, summary: 'Answer a questionnaire once: every question, one letter each (409 PAR_SURVEY_ANSWERED the second time)', params: S.TokenParams, body: S.QuestionnaireAnswerBody },
  }, async (req, reply) => {
    const r = await svc.answerQuestionnaire(req.params.token, req.body);
    reply.code(201);
    return r;
  });
  app.get('/public/par/rounds', {
    schema: { tags, summary: 'Published PAR rounds, newest first, keyset-paginated: pass `next` as `after`', querystring: z.object({ after: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }) },
  }, async (req) => svc.publicRounds(req.query));
  app.get('/public/par/rounds/:id', { schema: { tags, summary: 'The published ranking of a round (index, group, per-area points, change vs last year)', params: S.IdParams } }, async (req) => svc.publicRanking(req.params.id));
};
