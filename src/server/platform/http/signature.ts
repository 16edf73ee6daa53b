/** Webhook signatures: hex(HMAC-SHA256(raw body, secret)), compared in constant time (payments, the postal operator). */
import crypto from 'node:crypto';

export function signatureOk(raw: Buffer, header: string | undefined, secret: string | null): boolean {
  if (!secret || !header || !/^[0-9a-fA-F]{64}$/.test(header.trim())) return false;
  const expected = crypto.createHmac('sha256', secret).update(raw).digest();
  return crypto.timingSafeEqual(expected, Buffer.from(header.trim(), 'hex'));
}
