import { z } from 'zod';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const AssignmentOut = z.object({
  agencyId: z.string().uuid(),
  agencyCode: z.string(),
  agencyName: z.string(),
  role: z.string(),
});

export const MeOut = z.object({
  userId: z.string().uuid(),
  username: z.string(),
  fullName: z.string(),
  assignments: z.array(AssignmentOut),
});

export const LoginOut = MeOut.extend({ token: z.string(), expiresAt: z.string() });
