/**
 * Online payment over real HTTP on a real database: a VietQR code for the outstanding fees (EMVCo payload with
 * a valid CRC, the agency's account, the dossier code as transfer content) and the provider's signed webhook
 * (good, bad and replayed signatures), recorded through the dossier action record_payment.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { parseEmv } from '../../../core/payments/vietqr.ts';

const SECRET = 'test-webhook-secret-0123456789';
let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
let citizen: ApiClient;
let desk: ApiClient;
let dossier: { id: string; code: string };

const sign = (raw: string, secret = SECRET) => crypto.createHmac('sha256', secret).update(raw).digest('hex');
async function webhook(body: unknown, signature?: string) {
  const raw = JSON.stringify(body);
  const res = await fetch(`${http.base}/api/payments/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature === undefined ? { 'x-signature': sign(raw) } : signature ? { 'x-signature': signature } : {}) }, body: raw });
  return { status: res.status, body: (await res.json()) as any };
}

beforeAll(async () => {
  env = await createSeededEnv(clock, { paymentWebhookSecret: SECRET });
  http = await startHttp(env);
  desk = await new ApiClient(http.base).login('pleiku.motcua');
  citizen = await new ApiClient(http.base).citizenLogin('0905333444');
  const agencies = (await desk.get('/api/agencies?limit=100')).body.items as { code: string; id: string }[];
  const r = await citizen.post('/api/citizen/dossiers', { agencyId: agencies.find((a) => a.code === '000.01.00.H21')!.id, procedureCode: '1.010038', applicant: { fullName: 'Lê Văn Tám', phone: '0905333444' }, resultMethod: 'online' }, { 'idempotency-key': 'pay-0001-apply' });
  expect(r.status).toBe(201);
  dossier = { id: r.body.id, code: r.body.code };
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

describe('payment intents (VietQR)', () => {
  let reference: string;

  it('returns a VietQR code for the outstanding amount, the agency’s account and the dossier code', async () => {
    const r = await citizen.post(`/api/citizen/dossiers/${dossier.id}/payment-intents`);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.amountVnd).toBe(5000);
    expect(r.body.reference).toMatch(/^MC[A-Z2-9]{10}$/);
    expect(r.body.account.bankBin).toBe('970405');
    expect(r.body.vietqr.dataUrl).toMatch(/^data:image\/png;base64,/);
    const { fields, crcOk } = parseEmv(r.body.vietqr.payload);
    expect(crcOk).toBe(true);
    expect(fields.get('54')).toBe('5000');
    expect(fields.get('53')).toBe('704');
    const merchant = parseEmv(fields.get('38')!).fields;
    expect(merchant.get('00')).toBe('A000000727');
    const beneficiary = parseEmv(merchant.get('01')!).fields;
    expect(beneficiary.get('00')).toBe('970405');
    expect(beneficiary.get('01')).toBe(r.body.account.accountNumber);
    const extra = parseEmv(fields.get('62')!).fields;
    expect(extra.get('08')).toBe(dossier.code);
    expect(extra.get('05')).toBe(r.body.reference);
    reference = r.body.reference;
  });

  it('only the applicant may start a payment', async () => {
    const other = await new ApiClient(http.base).citizenLogin('0905333555');
    expect((await other.post(`/api/citizen/dossiers/${dossier.id}/payment-intents`)).status).toBe(404);
    expect((await desk.post(`/api/citizen/dossiers/${dossier.id}/payment-intents`)).status).toBe(401);
  });

  it('rejects a missing or wrong signature with 401 and changes nothing', async () => {
    const body = { provider: 'demo-gateway', transactionId: 'TX-1001', reference, amountVnd: 5000 };
    const none = await webhook(body, '');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    const wrongKey = await webhook(body, sign(JSON.stringify(body), 'another-secret-0123456789'));
    expect(wrongKey.status).toBe(401);
    // A valid signature over a different body (tampered amount).
    const tampered = await webhook(body, sign(JSON.stringify({ ...body, amountVnd: 1 })));
    expect(tampered.status).toBe(401);
    expect((await desk.get(`/api/dossiers/${dossier.id}/payments`)).body.payments).toEqual([]);
  });

  it('a signed notification records the payment through record_payment (role system, online); a replay changes nothing', async () => {
    clock.set('2026-03-02T09:30:00+07:00');
    const body = { provider: 'demo-gateway', transactionId: 'TX-1001', reference, amountVnd: 5000 };
    const ok = await webhook(body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, duplicate: false, dossierId: dossier.id, paidTotal: 5000 });
    const replay = await webhook(body);
    expect(replay.status).toBe(200);
    expect(replay.body.duplicate).toBe(true);
    expect(replay.body.paidTotal).toBe(5000);

    const pays = (await desk.get(`/api/dossiers/${dossier.id}/payments`)).body.payments;
    expect(pays).toHaveLength(1);
    expect(pays[0]).toMatchObject({ amountVnd: 5000, method: 'online' });
    expect(pays[0].reference).toContain(reference);
    const h = (await desk.get(`/api/dossiers/${dossier.id}/history`)).body.items;
    const entry = h.at(-1);
    expect(entry.action).toBe('record_payment');
    expect(entry.actorRole).toBe('system');
    expect(entry.data.paymentMethod).toBe('online');
    const d = await desk.get(`/api/dossiers/${dossier.id}`);
    expect(d.body.paidTotal).toBe(5000);
    expect(d.body.state).toBe('submitted_online'); // a payment does not move the dossier
    const mine = await citizen.get(`/api/citizen/dossiers/${dossier.id}`);
    expect(mine.body.paidTotal).toBe(5000);
    expect(mine.body.canPay).toBe(false);
    const again = await citizen.post(`/api/citizen/dossiers/${dossier.id}/payment-intents`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOTHING_TO_PAY');
  });

  it('a notice whose amount differs from the request is refused (422), kept for the clerk, never booked; a replay too', async () => {
    const agencies = (await desk.get('/api/agencies?limit=100')).body.items as { code: string; id: string }[];
    const applied = await citizen.post('/api/citizen/dossiers', { agencyId: agencies.find((a) => a.code === '000.01.00.H21')!.id, procedureCode: '1.010038', applicant: { fullName: 'Lê Văn Tám', phone: '0905333444' }, resultMethod: 'online' }, { 'idempotency-key': 'pay-0002-apply' });
    expect(applied.status).toBe(201);
    const intent = await citizen.post(`/api/citizen/dossiers/${applied.body.id}/payment-intents`);
    expect(intent.body.amountVnd).toBe(5000);
    const wrong = { provider: 'demo-gateway', transactionId: 'TX-2001', reference: intent.body.reference, amountVnd: 500 };
    for (const attempt of [wrong, wrong]) {
      const r = await webhook(attempt);
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
    }
    const pays = (await desk.get(`/api/dossiers/${applied.body.id}/payments`)).body;
    expect(pays.payments).toEqual([]);
    expect(pays.refusedNotices).toEqual([expect.objectContaining({ transactionId: 'TX-2001', amountVnd: 500, outcome: 'amount_mismatch' })]);
    expect((await desk.get(`/api/dossiers/${applied.body.id}`)).body.paidTotal).toBe(0);
    expect((await citizen.get(`/api/citizen/dossiers/${applied.body.id}`)).body.canPay).toBe(true);
    // More than asked is refused as well; the exact amount then books once.
    expect((await webhook({ ...wrong, transactionId: 'TX-2002', amountVnd: 50_000 })).status).toBe(422);
    const right = await webhook({ ...wrong, transactionId: 'TX-2003', amountVnd: 5000 });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    expect(right.body.paidTotal).toBe(5000);
    // A second, different transaction for the paid request is not booked twice.
    const twice = await webhook({ ...wrong, transactionId: 'TX-2004', amountVnd: 5000 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('PAYMENT_INTENT_NOT_PENDING');
    expect((await desk.get(`/api/dossiers/${applied.body.id}`)).body.paidTotal).toBe(5000);
    expect((await desk.get(`/api/dossiers/${applied.body.id}/payments`)).body.refusedNotices.map((n: { transactionId: string }) => n.transactionId).sort()).toEqual(['TX-2001', 'TX-2002', 'TX-2004']);
  });

  it('the collection account of an agency without one is its nearest ancestor’s (one query, any depth)', async () => {
    const { insertAgency, findAgencyByCode } = await import('../units/units.repository.ts');
    const pleiku = (await findAgencyByCode(env.ctx.db, '000.01.00.H21'))!;
    const child = await insertAgency(env.ctx.db, { code: '000.01.01.H21', name: 'Bộ phận thử nghiệm', kind: 'other', level: 'commune', unitId: pleiku.unitId, parentId: pleiku.id, validFrom: '2025-07-01', createdAt: env.ctx.now() });
    const grandchild = await insertAgency(env.ctx.db, { code: '000.01.02.H21', name: 'Tổ thử nghiệm', kind: 'other', level: 'commune', unitId: pleiku.unitId, parentId: child.id, validFrom: '2025-07-01', createdAt: env.ctx.now() });
    const own = await env.ctx.services.payments.accountFor(pleiku.id);
    expect(own?.agencyId).toBe(pleiku.id);
    expect((await env.ctx.services.payments.accountFor(grandchild.id))?.agencyId).toBe(pleiku.id);
    expect(await env.ctx.services.payments.accountFor('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('an unknown reference is 404; a malformed body is 400', async () => {
    expect((await webhook({ provider: 'demo-gateway', transactionId: 'TX-9', reference: 'MCUNKNOWN00', amountVnd: 1000 })).status).toBe(404);
    expect((await webhook({ provider: 'demo-gateway', reference: 'MCUNKNOWN00' })).status).toBe(400);
  });
});

describe('without PAYMENT_WEBHOOK_SECRET', () => {
  it('the webhook refuses every call', async () => {
    const e2 = await createSeededEnv(new TestClock(), { paymentWebhookSecret: null });
    const h2 = await startHttp(e2);
    try {
      const raw = JSON.stringify({ provider: 'x', transactionId: 'y', reference: 'MCAAAAAAAAAA', amountVnd: 1 });
      const r = await fetch(`${h2.base}/api/payments/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sign(raw) }, body: raw });
      expect(r.status).toBe(401);
    } finally {
      await h2.close();
      await e2.close();
    }
  });
});
