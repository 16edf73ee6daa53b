import crypto from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { AuthInfo } from '../../platform/http/auth.ts';
import { findUser, findUserByUsername, loadAssignments } from '../staff/index.ts';
import * as repo from './auth.repository.ts';

/** argon2id with the library's defaults (OWASP-compliant memory and time cost). */
export const hashPassword = (password: string): Promise<string> => hash(password);

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export class AuthService {
  constructor(private readonly ctx: AppContext) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; auth: AuthInfo }> {
    const user = await findUserByUsername(this.ctx.db, username);
    // Verify against a dummy hash when the user is unknown, so timing does not reveal which usernames exist.
    const ok = user ? await verify(user.passwordHash, password) : (await verify(await dummyHash(), password), false);
    if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
    const token = crypto.randomBytes(32).toString('base64url');
    const now = this.ctx.now();
    const expiresAt = new Date(now.getTime() + this.ctx.config.sessionTtlHours * 3600_000);
    await repo.insertSession(this.ctx.db, { tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt });
    const auth: AuthInfo = { userId: user.id, username: user.username, fullName: user.fullName, assignments: await loadAssignments(this.ctx.db, user.id) };
    return { token, expiresAt, auth };
  }

  /** Checks a signed-in user's password again (e.g. to leave the locked kiosk screen); INVALID_CREDENTIALS if wrong. */
  async confirmPassword(userId: string, password: string): Promise<void> {
    const user = await findUser(this.ctx.db, userId);
    const ok = user ? await verify(user.passwordHash, password) : false;
    if (!user || !ok || !user.active) throw new AppError('INVALID_CREDENTIALS');
  }

  async logout(token: string): Promise<void> {
    await repo.revokeSession(this.ctx.db, sha256(token), this.ctx.now());
  }

  async resolveSession(token: string): Promise<{ ok: true; auth: AuthInfo } | { ok: false; reason: 'unknown' | 'expired' }> {
    const row = await repo.findSessionWithUser(this.ctx.db, sha256(token));
    if (!row || row.s.revokedAt || !row.u.active) return { ok: false, reason: 'unknown' };
    if (row.s.expiresAt.getTime() <= this.ctx.now().getTime()) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      auth: { userId: row.u.id, username: row.u.username, fullName: row.u.fullName, assignments: await loadAssignments(this.ctx.db, row.u.id) },
    };
  }
}

// A hash of a random string, used only to equalise timing for unknown usernames.
let dummy: Promise<string> | null = null;
const dummyHash = () => (dummy ??= hash(crypto.randomBytes(16).toString('hex')));
