/**
 * An electronic result carries the handling agency's seal before the citizen gets it (issue 12): the officer attaches
 * a real PDF, the server signs it with Phường Pleiku's seal (PAdES, visible seal box), the citizen's page says who
 * signed it and that it is valid, and the file the citizen downloads verifies in poppler's `pdfsig` — an independent
 * verifier — and fails there after one byte is changed. With RESULT_SIGNATURE=required a result that cannot be signed
 * is refused and nothing is attached.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, samplePdf, startHttp, TestClock, type TestEnv } from '../../../../test/support/harness.ts';
import { renderAppearancePdf } from '../../platform/signing/index.ts';

const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const applicant = { fullName: 'Lê Văn Hùng', idNumber: '052190008888', phone: '0905333444', email: 'hung@example.vn', address: 'Tổ 2, phường Pleiku' };

interface Env {
  env: TestEnv;
  http: Awaited<ReturnType<typeof startHttp>>;
  staff: Record<string, ApiClient>;
  pleikuId: string;
}

async function open(overrides: Parameters<typeof createSeededEnv>[1] = {}): Promise<Env> {
  const env = await createSeededEnv(clock, overrides);
  const http = await startHttp(env);
  const staff: Record<string, ApiClient> = {};
  for (const u of ['pleiku.motcua', 'pleiku.chuyenvien', 'pleiku.lanhdao']) staff[u] = await new ApiClient(http.base).login(u);
  const agencies = (await new ApiClient(http.base).get('/api/agencies?limit=100')).body.items as { code: string; id: string }[];
  return { env, http, staff, pleikuId: agencies.find((a) => a.code === '000.01.00.H21')!.id };
}

async function act(e: Env, user: string, id: string, action: string, input: Record<string, unknown> = {}, documents: unknown[] = []) {
  const d = await e.staff[user]!.get(`/api/dossiers/${id}`);
  return e.staff[user]!.post(`/api/dossiers/${id}/actions`, { action, version: d.body.version, input, documents });
}

/** A citizen's online dossier taken to the point where the result is attached. */
async function approvedDossier(e: Env, citizen: ApiClient, key: string): Promise<string> {
  const up = await citizen.upload(samplePdf('to khai'), 'to-khai.pdf', 'application/pdf', '/api/citizen/files');
  const r = await citizen.post('/api/citizen/dossiers', { agencyId: e.pleikuId, procedureCode: '1.010038', applicant, formData: { lyDo: 'Tách hộ' }, documents: [{ componentName: 'Tờ khai', sha256: up.body.sha256, fileName: 'to-khai.pdf' }], resultMethod: 'online' }, { 'idempotency-key': key });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.id as string;
  const specialist = (await e.staff['pleiku.chuyenvien']!.get('/api/auth/me')).body.userId;
  for (const [user, action, input] of [
    ['pleiku.motcua', 'receive', {}],
    ['pleiku.motcua', 'forward', {}],
    ['pleiku.lanhdao', 'assign', { assigneeId: specialist }],
    ['pleiku.chuyenvien', 'start_processing', {}],
    ['pleiku.chuyenvien', 'propose', {}],
    ['pleiku.lanhdao', 'approve', {}],
  ] as const) {
    const res = await act(e, user, id, action, input);
    expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return id;
}

const pdfsig = (file: string) => spawnSync('pdfsig', ['-nocert', file], { encoding: 'utf8' });

describe('RESULT_SIGNATURE=if-available (the default): a PDF result is sealed by the handling agency', () => {
  let e: Env;
  let citizen: ApiClient;
  let dossierId: string;
  let original: Buffer;
  beforeAll(async () => {
    e = await open();
    citizen = await new ApiClient(e.http.base).citizenLogin('hung@example.vn');
    dossierId = await approvedDossier(e, citizen, 'result-sign-0001');
    original = Buffer.from(await renderAppearancePdf({ kind: 'copy', agency: 'UBND Phường Pleiku', signedAt: clock.now() }, 595, 842));
  });
  afterAll(async () => {
    await e?.http.close();
    await e?.env.close();
  });

  it('signs at attachment; the citizen sees the seal as valid and downloads a file pdfsig accepts', async () => {
    const up = await e.staff['pleiku.chuyenvien']!.upload(original, 'giay-xac-nhan.pdf');
    expect(up.status).toBe(201);
    clock.set('2026-03-03T14:30:00+07:00');
    const attached = await act(e, 'pleiku.chuyenvien', dossierId, 'attach_result', {}, [{ sha256: up.body.sha256, fileName: 'giay-xac-nhan.pdf', componentName: 'Kết quả' }]);
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    expect((await act(e, 'pleiku.chuyenvien', dossierId, 'mark_result_ready')).status).toBe(200);

    const view = await citizen.get(`/api/citizen/dossiers/${dossierId}`);
    expect(view.body.results).toHaveLength(1);
    const result = view.body.results[0];
    expect(result.signature.status).toBe('valid');
    expect(result.signature.statusLabel.vi.length).toBeGreaterThan(3);
    expect(result.signature.signers).toHaveLength(1);
    expect(result.signature.signers[0].status).toBe('valid');
    expect(result.signature.signers[0].name).toMatch(/Pleiku/);
    expect(result.signature.signers[0].signedAt).toBe('2026-03-03T14:30:00+07:00');

    const dl = await fetch(`${e.http.base}/api/citizen/dossiers/${dossierId}/result/${result.id}`, { headers: { authorization: `Bearer ${citizen.token}` } });
    expect(dl.status).toBe(200);
    const bytes = Buffer.from(await dl.arrayBuffer());
    // The officer's file is kept as the first revision: the seal is an incremental update after it.
    expect(bytes.subarray(0, original.length).equals(original)).toBe(true);
    expect(bytes.length).toBeGreaterThan(original.length);

    const file = path.join(e.env.dataDir, 'ket-qua-da-ky.pdf');
    fs.writeFileSync(file, bytes);
    const ok = pdfsig(file);
    expect(ok.stdout, ok.stderr).toContain('Signature is Valid.');
    expect(ok.stdout).toContain('Signature Type: ETSI.CAdES.detached');
    expect(ok.stdout).toMatch(/Signer Certificate Common Name: .*Pleiku/);

    const tampered = Buffer.from(bytes);
    tampered[40] = tampered[40]! ^ 0x01;
    fs.writeFileSync(file, tampered);
    expect(pdfsig(file).stdout).not.toContain('Signature is Valid.');
  });

  it('the staff see the signed file as the dossier\'s result document', async () => {
    const docs = (await e.staff['pleiku.chuyenvien']!.get(`/api/dossiers/${dossierId}/documents`)).body.items as { electronicResult: boolean; id: string }[];
    const result = docs.find((d) => d.electronicResult)!;
    const dl = await fetch(`${e.http.base}/api/dossiers/${dossierId}/documents/${result.id}/content`, { headers: { authorization: `Bearer ${e.staff['pleiku.chuyenvien']!.token}` } });
    expect(dl.status).toBe(200);
    const report = await e.env.ctx.services.signatures.verify(Buffer.from(await dl.arrayBuffer()));
    expect(report.status).toBe('valid');
    expect(report.signatures.map((s) => s.reason)).toEqual([expect.stringContaining('Kết quả giải quyết hồ sơ 000.01.00.H21-')]);
  });
});

describe('RESULT_SIGNATURE=required: a result that cannot be sealed is refused, nothing attached', () => {
  let e: Env;
  let citizen: ApiClient;
  beforeAll(async () => {
    e = await open({ resultSignature: 'required' });
    citizen = await new ApiClient(e.http.base).citizenLogin('hung@example.vn');
  });
  afterAll(async () => {
    await e?.http.close();
    await e?.env.close();
  });

  it('a broken PDF → 422 RESULT_SIGNATURE_REQUIRED with the reason; the dossier is unchanged', async () => {
    const id = await approvedDossier(e, citizen, 'result-sign-0002');
    const before = (await e.staff['pleiku.chuyenvien']!.get(`/api/dossiers/${id}`)).body;
    const up = await e.staff['pleiku.chuyenvien']!.upload(samplePdf('khong co trang'), 'ket-qua.pdf');
    const r = await act(e, 'pleiku.chuyenvien', id, 'attach_result', {}, [{ sha256: up.body.sha256, fileName: 'ket-qua.pdf', componentName: 'Kết quả' }]);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('RESULT_SIGNATURE_REQUIRED');
    expect(r.body.error.message).toContain('ket-qua.pdf');
    const after = (await e.staff['pleiku.chuyenvien']!.get(`/api/dossiers/${id}`)).body;
    expect(after.version).toBe(before.version);
    expect(after.state).toBe(before.state);
    const docs = (await e.staff['pleiku.chuyenvien']!.get(`/api/dossiers/${id}/documents`)).body.items as { electronicResult: boolean }[];
    expect(docs.some((d) => d.electronicResult)).toBe(false);
  });
});
