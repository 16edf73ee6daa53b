import { z } from 'zod';
import { IsoDate } from '../../platform/http/schemas.ts';

export { IsoDate };

export const UnitOut = z.object({
  id: z.string().uuid(),
  key: z.string(),
  code: z.string(),
  name: z.string(),
  level: z.string(),
  kind: z.string().nullable(),
  parentId: z.string().uuid().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const UnitDetailOut = UnitOut.extend({
  mergedFrom: z.array(z.object({ unit: UnitOut, whole: z.boolean(), effectiveFrom: z.string() })),
  mergedInto: z.array(z.object({ unit: UnitOut, whole: z.boolean(), effectiveFrom: z.string() })),
});

export const UnitListQuery = z.object({
  parentId: z.string().uuid().optional(),
  level: z.enum(['province', 'commune', 'legacy_province', 'legacy_commune']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  asOf: IsoDate.optional(),
  after: z.string().max(300).optional().describe('keyset cursor: the `next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AgencyOut = z.object({
  id: z.string().uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  level: z.string(),
  unitId: z.string().uuid().nullable(),
  parentId: z.string().uuid().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  deskAddress: z.string().nullable().describe('Where citizens hand in dossiers (the one-stop desk)'),
});

export const AgencyCode = z.string().regex(/^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}$/, 'national agency code, e.g. 000.00.12.H56');

export const CreateAgencyBody = z.object({
  code: AgencyCode,
  name: z.string().trim().min(1).max(300),
  kind: z.enum(['people_committee', 'department', 'division', 'other']),
  level: z.enum(['province', 'commune']),
  unitId: z.string().uuid().nullable().default(null),
  parentId: z.string().uuid().nullable().default(null),
  validFrom: IsoDate,
  deskAddress: z.string().trim().min(1).max(500).nullable().default(null),
});
