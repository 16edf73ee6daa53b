/**
 * The applicant's contact fields as the API accepts them — one definition for the server's schema and the console's
 * intake form, so the form never accepts what the API then refuses (e.g. `a@b.c`).
 */
import { z } from 'zod';

export const applicantFieldSchemas = {
  /** CCCD (12 digits) or the older CMND (9 digits). */
  idNumber: z.string().trim().regex(/^[0-9]{9}$|^[0-9]{12}$/, 'CCCD/CMND: 12 (or 9) digits'),
  phone: z.string().trim().regex(/^\+?[0-9 ]{8,15}$/, 'phone number'),
  email: z.string().trim().email(),
} as const;

export type ApplicantField = keyof typeof applicantFieldSchemas;

/** Whether the API accepts `value` for this applicant field. */
export const applicantFieldValid = (field: ApplicantField, value: string): boolean => applicantFieldSchemas[field].safeParse(value).success;
