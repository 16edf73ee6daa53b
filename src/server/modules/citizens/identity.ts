/**
 * How a citizen proves who they are. The portal's sessions do not depend on the method: every provider
 * ends in a `VerifiedIdentity`, and CitizensService.signIn() links it to a citizen and opens a session.
 *
 * - `OtpIdentityProvider` (shipped): a one-time code sent to an e-mail address or a Vietnamese mobile number.
 * - A national e-ID (VNeID) / OpenID Connect provider plugs in as another implementation: `begin()` returns
 *   the authorisation URL (with state + PKCE), `complete()` exchanges the code, checks the ID token and maps
 *   its claims (subject, name, ID number) to a VerifiedIdentity with `eidVerified: true`. See README.md.
 */
import crypto from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import * as repo from './citizens.repository.ts';

export interface VerifiedIdentity {
  /** Provider id: 'otp', later e.g. 'vneid'. */
  provider: string;
  /** Stable subject at the provider (the normalised contact for OTP; the OIDC `sub` for e-ID). */
  subject: string;
  /** The verified e-mail or phone (normalised). */
  contact: string;
  fullName?: string;
  idNumber?: string;
  /** True only for a national electronic identification (level 2). */
  eidVerified: boolean;
}

export interface IdentityProvider<Begin, Complete> {
  readonly id: string;
  /** Starts a sign-in (send a code; or build an authorisation URL). */
  begin(input: Begin): Promise<unknown>;
  /** Finishes it: the proof is checked and the identity returned, or an AppError is thrown. */
  complete(input: Complete): Promise<VerifiedIdentity>;
}

export type Contact = { kind: 'email' | 'phone'; value: string };

/** E-mail (lower-cased) or a Vietnamese mobile number as 0XXXXXXXXX (+84 / 84 accepted). */
export function normaliseContact(raw: string): Contact | null {
  const s = raw.trim();
  if (s.includes('@')) {
    const e = s.toLowerCase();
    return e.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e) ? { kind: 'email', value: e } : null;
  }
  let d = s.replace(/[\s.\-()]/g, '');
  if (d.startsWith('+84')) d = '0' + d.slice(3);
  else if (d.startsWith('84') && d.length === 11) d = '0' + d.slice(2);
  return /^0[35789]\d{8}$/.test(d) ? { kind: 'phone', value: d } : null;
}

export const OTP_POLICY = { digits: 6, ttlMinutes: 10, maxAttempts: 5, maxPerHour: 5 } as const;

const hashCode = (otpId: string, code: string) => crypto.createHash('sha256').update(`${otpId}:${code}`).digest('hex');

/**
 * One-time code by e-mail or SMS: 6 digits, stored only as a salted hash, valid 10 minutes, 5 attempts,
 * at most 5 codes per contact per hour. A new code replaces the previous one. The code is delivered through
 * the notifications outbox, written in the same transaction as the code.
 */
export class OtpIdentityProvider implements IdentityProvider<{ contact: string }, { contact: string; code: string }> {
  readonly id = 'otp';
  constructor(private readonly ctx: AppContext) {}

  private contactOf(raw: string): Contact {
    const c = normaliseContact(raw);
    if (!c) throw new AppError('CONTACT_INVALID');
    return c;
  }

  async begin({ contact }: { contact: string }): Promise<{ sent: true }> {
    const c = this.contactOf(contact);
    const now = this.ctx.now();
    const hourAgo = new Date(now.getTime() - 3600_000);
    const recent = await repo.otpTimesSince(this.ctx.db, c.value, hourAgo);
    if (recent.length >= OTP_POLICY.maxPerHour) {
      const retryAt = recent[0]!.getTime() + 3600_000;
      throw new AppError('RATE_LIMITED', { retryAfterMinutes: Math.max(1, Math.ceil((retryAt - now.getTime()) / 60_000)) });
    }
    const code = String(crypto.randomInt(0, 10 ** OTP_POLICY.digits)).padStart(OTP_POLICY.digits, '0');
    const id = crypto.randomUUID();
    await this.ctx.db.transaction(async (tx) => {
      // The previous codes stop working.
      await repo.consumeOpenOtps(tx, c.value, now);
      await repo.insertOtp(tx, { id, contact: c.value, codeHash: hashCode(id, code), createdAt: now, expiresAt: new Date(now.getTime() + OTP_POLICY.ttlMinutes * 60_000) });
      await this.ctx.services.notifications.enqueue(tx, {
        channel: c.kind === 'email' ? 'email' : 'sms',
        to: c.value,
        subject: `Mã đăng nhập Cổng dịch vụ công: ${code}`,
        body: `Mã xác thực của bạn là ${code}. Mã có hiệu lực trong ${OTP_POLICY.ttlMinutes} phút. Không chia sẻ mã này với bất kỳ ai, kể cả cán bộ.`,
      });
    });
    await this.ctx.services.notifications.kick();
    return { sent: true };
  }

  async complete({ contact, code }: { contact: string; code: string }): Promise<VerifiedIdentity> {
    const c = this.contactOf(contact);
    const now = this.ctx.now();
    const otp = await repo.latestOpenOtp(this.ctx.db, c.value);
    if (!otp || otp.expiresAt.getTime() <= now.getTime()) throw new AppError('OTP_EXPIRED');
    if (otp.attempts >= OTP_POLICY.maxAttempts) throw new AppError('OTP_TOO_MANY_ATTEMPTS');
    const given = Buffer.from(hashCode(otp.id, code.trim()));
    const ok = given.length === otp.codeHash.length && crypto.timingSafeEqual(given, Buffer.from(otp.codeHash));
    if (!ok) {
      // Counted atomically, so parallel guesses cannot exceed the limit.
      const attempts = await repo.countOtpAttempt(this.ctx.db, otp.id, OTP_POLICY.maxAttempts);
      if (attempts === null || attempts >= OTP_POLICY.maxAttempts) throw new AppError('OTP_TOO_MANY_ATTEMPTS');
      throw new AppError('OTP_INVALID', {}, { attemptsLeft: OTP_POLICY.maxAttempts - attempts });
    }
    // Single use: only one request can consume the code.
    if (!(await repo.consumeOtp(this.ctx.db, otp.id, now))) throw new AppError('OTP_EXPIRED');
    return { provider: this.id, subject: c.value, contact: c.value, eidVerified: false };
  }
}
