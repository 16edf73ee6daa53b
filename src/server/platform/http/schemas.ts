/** Zod building blocks shared by every module's route schemas (validated at the edge, one definition each). */
import { z } from 'zod';
import { isLocalDate, yearOf } from '../../../core/calendar/dates.ts';
import type { LocalDate } from '../../../core/calendar/types.ts';

/**
 * A calendar day YYYY-MM-DD that exists, between 1900 and 2100 (the range the calendar engine and the lunar table
 * cover): "2026-02-30", "0000-00-00" and "9999-12-31" are 400 at the edge instead of errors deeper down.
 */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => isLocalDate(s) && yearOf(s as LocalDate) >= 1900 && yearOf(s as LocalDate) <= 2100, 'a real date between 1900-01-01 and 2100-12-31');

/** A calendar day YYYY-MM-DD that exists, any year (the calendar's own range rule answers 422 with its reason). */
export const AnyIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => isLocalDate(s), 'a real date');
