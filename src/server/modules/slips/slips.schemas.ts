import { z } from 'zod';
import { DOSSIER_SLIP_KINDS } from '../../../core/slips/index.ts';

export const SlipParams = z.object({
  id: z.string().uuid(),
  kind: z.enum(DOSSIER_SLIP_KINDS).describe('receipt (01), supplement_request (02), refusal (03), apology (04), control (05), stop_notice (2025)'),
});

export const SlipQuery = z.object({
  copy: z.enum(['staff', 'public']).default('staff').describe('public: the ID number and phone are masked'),
  seq: z.coerce.number().int().min(1).optional().describe('History entry to print (e.g. an earlier supplement request); default: the latest'),
});

const LocalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a real date');

export const RegisterQuery = z.object({
  agencyId: z.string().uuid(),
  from: LocalDay.describe('First receipt day (Vietnam time), inclusive'),
  to: LocalDay.describe('Last receipt day (Vietnam time), inclusive; at most 366 days after `from`'),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});
