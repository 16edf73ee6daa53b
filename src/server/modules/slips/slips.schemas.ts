import { z } from 'zod';
import { DOSSIER_SLIP_KINDS } from '../../../core/slips/index.ts';
import { IsoDate } from '../../platform/http/schemas.ts';

export const SlipParams = z.object({
  id: z.string().uuid(),
  kind: z.enum(DOSSIER_SLIP_KINDS).describe('receipt (01), supplement_request (02), refusal (03), apology (04), control (05), stop_notice (2025)'),
});

export const SlipQuery = z.object({
  copy: z.enum(['staff', 'public']).default('staff').describe('public: the ID number and phone are masked'),
  seq: z.coerce.number().int().min(1).optional().describe('History entry to print (e.g. an earlier supplement request); default: the latest'),
});

const LocalDay = IsoDate;

export const RegisterQuery = z.object({
  agencyId: z.string().uuid(),
  from: LocalDay.describe('First receipt day (Vietnam time), inclusive'),
  to: LocalDay.describe('Last receipt day (Vietnam time), inclusive; at most 366 days after `from`'),
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
});
