import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { requireRole } from '../../platform/http/auth.ts';
import { formatVnIso } from '../../../core/calendar/index.ts';
import { AnyIsoDate as IsoDate } from '../../platform/http/schemas.ts';
import { DueQuery, HolidayOut, LunarOut, OverrideBody, OverrideOut } from './calendar.schemas.ts';

export const calendarRoutes = (ctx: AppContext): FastifyPluginAsync => async (root) => {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const svc = ctx.services.calendar;
  app.get('/calendar/holidays/:year', { schema: { tags, summary: 'Non-working days of a year with reasons (rules, compensatory days, official overrides)', params: z.object({ year: z.coerce.number().int().min(1901).max(2099) }), response: { 200: z.object({ year: z.number(), days: z.array(HolidayOut) }) } } }, async (req) => ({ year: req.params.year, days: await svc.holidays(req.params.year) }));
  app.get('/calendar/due', { schema: { tags, summary: 'Due datetime for a dossier received at `from` under the stored calendar', querystring: DueQuery, response: { 200: z.object({ from: z.string(), amount: z.number(), unit: z.string(), due: z.string() }) } } }, async (req) => {
    const due = await svc.due(new Date(req.query.from), { amount: req.query.amount, unit: req.query.unit });
    return { from: req.query.from, amount: req.query.amount, unit: req.query.unit, due: formatVnIso(due) };
  });
  app.get('/calendar/lunar/:date', { schema: { tags, summary: 'Vietnamese lunar date (UTC+7) of a solar date, 1900–2100', params: z.object({ date: IsoDate }), response: { 200: LunarOut } } }, async (req) => svc.lunar(req.params.date));
  app.get('/calendar/overrides', { schema: { tags, summary: 'Official overrides (extra days off, make-up working days) of a year', querystring: z.object({ year: z.coerce.number().int().min(1901).max(2099) }), response: { 200: z.object({ items: z.array(OverrideOut) }) } } }, async (req) => ({ items: await svc.listOverrides(req.query.year) }));
  app.put('/calendar/overrides', { schema: { tags, summary: 'Set the override of a date (province admin)', body: OverrideBody, response: { 200: OverrideOut } } }, async (req) => {
    const auth = requireRole(req, ['province_admin']);
    return svc.setOverride(auth, req.body);
  });
  app.delete('/calendar/overrides/:id', { schema: { tags, summary: 'Remove an override (province admin)', params: z.object({ id: z.string().uuid() }), response: { 200: OverrideOut } } }, async (req) => {
    const auth = requireRole(req, ['province_admin']);
    return svc.removeOverride(auth, req.params.id);
  });
};
