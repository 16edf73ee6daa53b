import { z } from 'zod';

export const ROLE_VALUES = ['desk_officer', 'specialist', 'leader', 'unit_admin', 'province_admin', 'reform_officer', 'inspector'] as const;
export const StaffRole = z.enum(ROLE_VALUES);

export const CreateStaffBody = z.object({
  username: z.string().trim().min(3).max(64).regex(/^[a-z0-9._-]+$/, 'lower-case letters, digits, . _ -'),
  password: z.string().min(10).max(200),
  fullName: z.string().trim().min(1).max(200),
  email: z.string().email().optional(),
  phone: z.string().regex(/^\+?[0-9 ]{8,15}$/).optional(),
  roles: z.array(z.object({ agencyId: z.string().uuid(), role: StaffRole })).min(1),
});

export const RoleChangeBody = z.object({ agencyId: z.string().uuid(), role: StaffRole });

export const StaffOut = z.object({
  id: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
});

export const StaffWithRolesOut = StaffOut.extend({ roles: z.array(z.object({ agencyId: z.string().uuid(), agencyName: z.string(), role: z.string() })) });
