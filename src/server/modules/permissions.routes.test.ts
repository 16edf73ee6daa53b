/**
 * The permission matrix: endpoints × callers → expected HTTP status, over real HTTP on a real database.
 * Rules under test:
 * - no session → 401 on everything but the public reads (health, units, agencies, catalog, calendar);
 * - dossiers are visible only inside the caller's agency subtree, and outside it they do not exist: an officer
 *   of commune B gets 404 on every /api/dossiers/:id* route of commune A's dossier (no existence leak);
 * - writes of the admin modules need an admin role in scope (province-wide ones a province admin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createSeededEnv, samplePdf, startHttp, TestClock, type TestEnv } from '../../../test/support/harness.ts';

type Caller = 'anonymous' | 'deskA' | 'deskB' | 'specialistA' | 'unitAdminA' | 'provinceAdmin' | 'inspector';
const CALLERS: Record<Exclude<Caller, 'anonymous'>, string> = {
  deskA: 'pleiku.motcua',
  deskB: 'dienhong.motcua',
  specialistA: 'pleiku.chuyenvien',
  unitAdminA: 'pleiku.quantri',
  provinceAdmin: 'tinh.quantri',
  inspector: 'tinh.thanhtra',
};
const ALL: Caller[] = ['anonymous', 'deskA', 'deskB', 'specialistA', 'unitAdminA', 'provinceAdmin', 'inspector'];

let env: TestEnv;
let http: Awaited<ReturnType<typeof startHttp>>;
const clock = new TestClock(new Date('2026-03-02T09:00:00+07:00'));
const client = {} as Record<Caller, ApiClient>;
const agencyId: Record<string, string> = {};
const PLEIKU = '000.01.00.H21';
let dossier: { id: string; code: string; version: number };
let docId: string;
let pubId: string;
let targetUserId: string;
let fb: { id: string; version: number };

beforeAll(async () => {
  env = await createSeededEnv(clock);
  http = await startHttp(env);
  client.anonymous = new ApiClient(http.base);
  for (const [k, u] of Object.entries(CALLERS)) client[k as Caller] = await new ApiClient(http.base).login(u);
  for (const a of (await client.anonymous.get('/api/agencies?limit=1000')).body.items as { code: string; id: string }[]) agencyId[a.code] = a.id;

  // Commune A's dossier, with one document.
  const up = await client.deskA.upload(samplePdf('don de nghi'), 'don-de-nghi.pdf');
  expect(up.status).toBe(201);
  const created = await client.deskA.post('/api/dossiers', {
    agencyId: agencyId[PLEIKU],
    procedureCode: '1.010038',
    channel: 'desk',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '052090001234', phone: '0905123456' },
    documents: [{ sha256: up.body.sha256, fileName: 'don-de-nghi.pdf', componentName: 'Tờ khai thay đổi thông tin cư trú' }],
    fees: [{ kind: 'charge', description: 'Lệ phí đăng ký cư trú', amountVnd: 10000 }],
  });
  expect(created.status).toBe(201);
  dossier = { id: created.body.id, code: created.body.code, version: created.body.version };
  const docs = await client.deskA.get(`/api/dossiers/${dossier.id}/documents`);
  docId = docs.body.items[0].id;

  const pubs = await client.anonymous.get(`/api/agencies/${agencyId[PLEIKU]}/publications`);
  pubId = pubs.body.items.find((i: { procedure: { code: string } }) => i.procedure.code === '1.010038').publication.id;
  targetUserId = (await client.specialistA.get('/api/auth/me')).body.userId;

  // Feedback sent to commune A (public, no sign-in).
  const sent = await client.anonymous.post('/api/public/feedback', { agencyId: agencyId[PLEIKU], subject: 'procedure', title: 'Phản ánh thử', content: 'Nội dung phản ánh', contact: { fullName: 'Người dân' } });
  expect(sent.status).toBe(201);
  fb = { id: sent.body.id, version: 1 };
});

afterAll(async () => {
  await http?.close();
  await env?.close();
});

interface Row {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** URL and body per caller (evaluated when the case runs). */
  req: (caller: Caller) => Promise<{ url: string; body?: unknown }> | { url: string; body?: unknown };
  expect: Record<Caller, number>;
  /** The error code expected for a given status (checked when the status is an error). */
  codes?: Partial<Record<number, string>>;
}

const by = (o: Partial<Record<Caller, number>> & { default: number }): Record<Caller, number> =>
  Object.fromEntries(ALL.map((c) => [c, o[c] ?? o.default])) as Record<Caller, number>;

/** Public reads: everybody, signed in or not. */
const PUBLIC = by({ default: 200 });
/** Dossier routes of commune A: 401 without a session, 404 for commune B, 200 for anyone whose scope covers A. */
const DOSSIER_A = by({ default: 200, anonymous: 401, deskB: 404 });
/** Admin writes in commune A: unit admin of A and the province admin. */
const ADMIN_A = (ok: number) => by({ default: 403, anonymous: 401, unitAdminA: ok, provinceAdmin: ok });
/** Province-wide admin writes. */
const PROVINCE_ONLY = (ok: number) => by({ default: 403, anonymous: 401, provinceAdmin: ok });

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;
const agencyCodeSeq = (() => {
  let n = 40;
  return () => `000.00.${String(n++).padStart(2, '0')}.H21`;
})();
// Province-level procedures no demo commune publishes, one per caller that may publish.
const PUBLISHABLE = ['1.001456', '1.001686', '1.003695', '2.001410', '3.000333', '3.000466', '1.001445'];

// The document office (modules/documents): commune A's incoming document (registered by its clerk) and outgoing
// draft (by its specialist), made once when a row first needs them.
let docsA: Promise<{ incoming: string; outgoing: string; file: { sha256: string; fileName: string } }> | null = null;
const documentsA = () =>
  (docsA ??= (async () => {
    const up = await client.deskA.upload(samplePdf('van ban den'), 'van-ban-den.pdf');
    const file = { sha256: up.body.sha256 as string, fileName: 'van-ban-den.pdf' };
    const inc = await client.deskA.post('/api/documents/incoming', { numberSymbol: '45/UBND-VP', issuedOn: '2026-02-27', senderName: 'UBND tỉnh Gia Lai', kind: 'official_letter', summary: 'Văn bản đến thử', pages: 1, file });
    expect(inc.status).toBe(201);
    const out = await client.specialistA.post('/api/documents/outgoing', { kind: 'official_letter', subject: 'V/v thử', file });
    expect(out.status).toBe(201);
    return { incoming: inc.body.id as string, outgoing: out.body.id as string, file };
  })());
/** A document of commune A: 401 without a session, 404 outside A's scope and for roles that do not see documents. */
const DOC_A = (ok: number) => by({ default: ok, anonymous: 401, deskB: 404, inspector: 404 });
/** Registering or drafting for one's own agency: the clerk roles (and the specialist for drafts). */
const DOC_WRITE = (specialist: number) => by({ default: 201, anonymous: 401, specialistA: specialist, provinceAdmin: 403, inspector: 403 });

const ROWS: Row[] = [
  // ----------------------------------------------------------------- public reads
  { name: 'GET /api/health', method: 'GET', req: () => ({ url: '/api/health' }), expect: PUBLIC },
  { name: 'GET /api/units', method: 'GET', req: () => ({ url: '/api/units?limit=5' }), expect: PUBLIC },
  { name: 'GET /api/agencies', method: 'GET', req: () => ({ url: '/api/agencies' }), expect: PUBLIC },
  { name: 'GET /api/agencies/:id', method: 'GET', req: () => ({ url: `/api/agencies/${agencyId[PLEIKU]}` }), expect: PUBLIC },
  { name: 'GET /api/procedures', method: 'GET', req: () => ({ url: '/api/procedures?q=tach%20ho' }), expect: PUBLIC },
  { name: 'GET /api/procedures/:code', method: 'GET', req: () => ({ url: '/api/procedures/1.010038' }), expect: PUBLIC },
  { name: 'GET /api/agencies/:id/publications', method: 'GET', req: () => ({ url: `/api/agencies/${agencyId[PLEIKU]}/publications` }), expect: PUBLIC },
  { name: 'GET /api/publications/:id/workflow', method: 'GET', req: () => ({ url: `/api/publications/${pubId}/workflow` }), expect: PUBLIC },
  { name: 'GET /api/public/life-events', method: 'GET', req: () => ({ url: '/api/public/life-events' }), expect: PUBLIC },
  { name: 'GET /api/public/life-events/:slug', method: 'GET', req: () => ({ url: '/api/public/life-events/sinh-con' }), expect: PUBLIC },
  { name: 'GET /api/public/catalog/fields', method: 'GET', req: () => ({ url: '/api/public/catalog/fields' }), expect: PUBLIC },
  { name: 'GET /api/public/catalog', method: 'GET', req: () => ({ url: `/api/public/catalog?field=${encodeURIComponent('Hộ tịch')}` }), expect: PUBLIC },
  { name: 'GET /api/calendar/holidays/:year', method: 'GET', req: () => ({ url: '/api/calendar/holidays/2026' }), expect: PUBLIC },
  { name: 'GET /api/calendar/due', method: 'GET', req: () => ({ url: `/api/calendar/due?from=${encodeURIComponent('2026-03-02T09:00:00+07:00')}&amount=1&unit=working_days` }), expect: PUBLIC },
  { name: 'GET /api/calendar/lunar/:date', method: 'GET', req: () => ({ url: '/api/calendar/lunar/2026-02-17' }), expect: PUBLIC },
  { name: 'GET /api/calendar/overrides', method: 'GET', req: () => ({ url: '/api/calendar/overrides?year=2026' }), expect: PUBLIC },

  // ----------------------------------------------------------------- signed-in basics
  { name: 'GET /api/auth/me', method: 'GET', req: () => ({ url: '/api/auth/me' }), expect: by({ default: 200, anonymous: 401 }), codes: { 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/dossiers (own queue)', method: 'GET', req: () => ({ url: '/api/dossiers' }), expect: by({ default: 200, anonymous: 401 }) },
  { name: 'GET /api/dossiers?agencyId=A (queue of commune A)', method: 'GET', req: () => ({ url: `/api/dossiers?agencyId=${agencyId[PLEIKU]}` }), expect: by({ default: 200, anonymous: 401, deskB: 403 }) },
  {
    name: 'POST /api/dossiers into commune A (anonymous, officer of B)',
    method: 'POST',
    req: () => ({ url: '/api/dossiers', body: { agencyId: agencyId[PLEIKU], procedureCode: '1.010038', channel: 'desk', applicant: { fullName: 'Trần Thị Bình', idNumber: '052190004321' } } }),
    expect: { anonymous: 401, deskB: 403 } as Record<Caller, number>,
  },
  { name: 'POST /api/files', method: 'POST', req: () => ({ url: '/api/files' }), expect: { anonymous: 401 } as Record<Caller, number> },

  // ----------------------------------------------------------------- commune A's dossier
  { name: 'GET /api/dossiers/:id', method: 'GET', req: () => ({ url: `/api/dossiers/${dossier.id}` }), expect: DOSSIER_A, codes: { 404: 'DOSSIER_NOT_FOUND', 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/dossiers/:id/history', method: 'GET', req: () => ({ url: `/api/dossiers/${dossier.id}/history` }), expect: DOSSIER_A, codes: { 404: 'DOSSIER_NOT_FOUND' } },
  { name: 'GET /api/dossiers/:id/documents', method: 'GET', req: () => ({ url: `/api/dossiers/${dossier.id}/documents` }), expect: DOSSIER_A, codes: { 404: 'DOSSIER_NOT_FOUND' } },
  { name: 'GET /api/dossiers/:id/documents/:docId/content', method: 'GET', req: () => ({ url: `/api/dossiers/${dossier.id}/documents/${docId}/content` }), expect: DOSSIER_A, codes: { 404: 'DOSSIER_NOT_FOUND' } },
  { name: 'GET /api/dossiers/:id/payments', method: 'GET', req: () => ({ url: `/api/dossiers/${dossier.id}/payments` }), expect: DOSSIER_A, codes: { 404: 'DOSSIER_NOT_FOUND' } },
  { name: 'GET /api/dossiers/by-code/:code', method: 'GET', req: () => ({ url: `/api/dossiers/by-code/${dossier.code}` }), expect: DOSSIER_A, codes: { 404: 'DOSSIER_NOT_FOUND' } },
  {
    // A stale version: in-scope callers learn of the conflict (409); commune B must not learn the dossier exists.
    name: 'POST /api/dossiers/:id/actions (stale version)',
    method: 'POST',
    req: () => ({ url: `/api/dossiers/${dossier.id}/actions`, body: { action: 'add_note', version: dossier.version + 100, input: { note: 'thử' } } }),
    expect: by({ default: 409, anonymous: 401, deskB: 404 }),
    codes: { 404: 'DOSSIER_NOT_FOUND', 409: 'VERSION_CONFLICT' },
  },
  {
    name: 'POST /api/dossiers/:id/actions (current version, forward)',
    method: 'POST',
    req: () => ({ url: `/api/dossiers/${dossier.id}/actions`, body: { action: 'forward', version: dossier.version, input: {} } }),
    expect: { anonymous: 401, deskB: 404 } as Record<Caller, number>,
    codes: { 404: 'DOSSIER_NOT_FOUND' },
  },
  { name: 'GET /api/dossiers/:id (unknown id)', method: 'GET', req: () => ({ url: `/api/dossiers/${crypto.randomUUID()}` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'DOSSIER_NOT_FOUND' } },

  // ----------------------------------------------------------------- feedback (commune A's)
  { name: 'POST /api/public/feedback', method: 'POST', req: () => ({ url: '/api/public/feedback', body: { agencyId: agencyId[PLEIKU], subject: 'rule', title: 'Kiến nghị', content: 'Nội dung', contact: { fullName: 'Người dân' } } }), expect: by({ default: 201 }) },
  { name: 'GET /api/public/feedback', method: 'GET', req: () => ({ url: '/api/public/feedback' }), expect: PUBLIC },
  { name: 'GET /api/public/stats', method: 'GET', req: () => ({ url: `/api/public/stats?agencyId=${agencyId[PLEIKU]}` }), expect: PUBLIC },
  { name: 'GET /api/feedback (own queue)', method: 'GET', req: () => ({ url: '/api/feedback' }), expect: by({ default: 200, anonymous: 401 }), codes: { 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/feedback?view=overdue', method: 'GET', req: () => ({ url: '/api/feedback?view=overdue' }), expect: by({ default: 200, anonymous: 401 }), codes: { 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/feedback?agencyId=A', method: 'GET', req: () => ({ url: `/api/feedback?agencyId=${agencyId[PLEIKU]}` }), expect: by({ default: 200, anonymous: 401, deskB: 403 }), codes: { 403: 'FORBIDDEN' } },
  { name: 'GET /api/feedback/:id', method: 'GET', req: () => ({ url: `/api/feedback/${fb.id}` }), expect: DOSSIER_A, codes: { 404: 'FEEDBACK_NOT_FOUND', 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/feedback/:id/history', method: 'GET', req: () => ({ url: `/api/feedback/${fb.id}/history` }), expect: DOSSIER_A, codes: { 404: 'FEEDBACK_NOT_FOUND', 401: 'UNAUTHENTICATED' } },
  {
    name: 'POST /api/feedback/:id/actions (stale version)',
    method: 'POST',
    req: () => ({ url: `/api/feedback/${fb.id}/actions`, body: { action: 'receive', version: fb.version + 100, input: {} } }),
    expect: by({ default: 409, anonymous: 401, deskB: 404 }),
    codes: { 404: 'FEEDBACK_NOT_FOUND', 409: 'FEEDBACK_VERSION_CONFLICT', 401: 'UNAUTHENTICATED' },
  },
  {
    name: 'POST /api/feedback/:id/actions (current version, receive)',
    method: 'POST',
    req: () => ({ url: `/api/feedback/${fb.id}/actions`, body: { action: 'receive', version: fb.version, input: {} } }),
    expect: { anonymous: 401, deskB: 404, inspector: 403, provinceAdmin: 403 } as Record<Caller, number>,
    codes: { 404: 'FEEDBACK_NOT_FOUND', 403: 'ROLE_NOT_ALLOWED' },
  },
  { name: 'GET /api/feedback/:id (unknown id)', method: 'GET', req: () => ({ url: `/api/feedback/${crypto.randomUUID()}` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'FEEDBACK_NOT_FOUND' } },

  // ----------------------------------------------------------------- units (admin writes)
  {
    name: 'POST /api/agencies',
    method: 'POST',
    req: () => ({ url: '/api/agencies', body: { code: agencyCodeSeq(), name: 'Ban Quản lý dự án', kind: 'other', level: 'province', parentId: agencyId['000.00.00.H21'], validFrom: '2026-01-01' } }),
    expect: PROVINCE_ONLY(201),
    codes: { 403: 'FORBIDDEN', 401: 'UNAUTHENTICATED' },
  },

  // ----------------------------------------------------------------- staff
  { name: 'GET /api/staff', method: 'GET', req: () => ({ url: '/api/staff' }), expect: ADMIN_A(200), codes: { 403: 'FORBIDDEN' } },
  {
    name: 'POST /api/staff (specialist of commune A)',
    method: 'POST',
    req: () => ({ url: '/api/staff', body: { username: `pleiku.nv${uniq()}`, password: 'Mat-khau-2026!', fullName: 'Nhân viên mới', roles: [{ agencyId: agencyId[PLEIKU], role: 'specialist' }] } }),
    expect: ADMIN_A(201),
    codes: { 403: 'FORBIDDEN' },
  },
  {
    name: 'POST /api/staff (province_admin)',
    method: 'POST',
    req: () => ({ url: '/api/staff', body: { username: `tinh.qt${uniq()}`, password: 'Mat-khau-2026!', fullName: 'Quản trị mới', roles: [{ agencyId: agencyId['000.00.00.H21'], role: 'province_admin' }] } }),
    expect: PROVINCE_ONLY(201),
    codes: { 403: 'FORBIDDEN' },
  },
  { name: 'POST /api/staff/:id/roles', method: 'POST', req: () => ({ url: `/api/staff/${targetUserId}/roles`, body: { agencyId: agencyId[PLEIKU], role: 'leader' } }), expect: ADMIN_A(200), codes: { 403: 'FORBIDDEN' } },
  { name: 'DELETE /api/staff/:id/roles', method: 'DELETE', req: () => ({ url: `/api/staff/${targetUserId}/roles`, body: { agencyId: agencyId[PLEIKU], role: 'leader' } }), expect: ADMIN_A(200), codes: { 403: 'FORBIDDEN' } },

  // ----------------------------------------------------------------- catalog
  { name: 'POST /api/procedures/import', method: 'POST', req: () => ({ url: '/api/procedures/import', body: { records: [{}] } }), expect: { ...PROVINCE_ONLY(400) }, codes: { 403: 'FORBIDDEN', 400: 'VALIDATION_FAILED' } },
  { name: 'GET /api/catalog/reviews', method: 'GET', req: () => ({ url: '/api/catalog/reviews?state=pending' }), expect: ADMIN_A(200), codes: { 403: 'FORBIDDEN', 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/procedures/:code/versions', method: 'GET', req: () => ({ url: '/api/procedures/1.010038/versions' }), expect: ADMIN_A(200), codes: { 403: 'FORBIDDEN' } },
  { name: 'GET /api/procedures/:code/versions/:version', method: 'GET', req: () => ({ url: '/api/procedures/1.010038/versions/1' }), expect: ADMIN_A(200), codes: { 403: 'FORBIDDEN' } },
  {
    // A stale version: the province admin learns of the conflict; nobody else may review at all.
    name: 'POST /api/procedures/:code/review (stale version)',
    method: 'POST',
    req: () => ({ url: '/api/procedures/1.010038/review', body: { version: 999 } }),
    expect: PROVINCE_ONLY(409),
    codes: { 403: 'FORBIDDEN', 409: 'PROCEDURE_VERSION_CONFLICT', 401: 'UNAUTHENTICATED' },
  },
  {
    name: 'POST /api/agencies/:id/publications (commune A)',
    method: 'POST',
    req: (c) => ({ url: `/api/agencies/${agencyId[PLEIKU]}/publications`, body: { procedureCode: PUBLISHABLE[ALL.indexOf(c)]! } }),
    expect: ADMIN_A(201),
    codes: { 403: 'FORBIDDEN' },
  },
  {
    name: 'PUT /api/publications/:id/workflow (commune A)',
    method: 'PUT',
    req: () => ({ url: `/api/publications/${pubId}/workflow`, body: { steps: [{ order: 1, name: 'Tiếp nhận', role: 'desk_officer', departmentHint: null, allotmentHalfDays: 1, agency: null, parallelGroup: null }, { order: 2, name: 'Xử lý', role: 'specialist', departmentHint: null, allotmentHalfDays: 8, agency: null, parallelGroup: null }] } }),
    expect: ADMIN_A(200),
    codes: { 403: 'FORBIDDEN' },
  },

  // ----------------------------------------------------------------- service index (monitoring) and reform reports
  { name: 'GET /api/monitoring/index?agencyId=A', method: 'GET', req: () => ({ url: `/api/monitoring/index?agencyId=${agencyId[PLEIKU]}&period=year&year=2026` }), expect: DOSSIER_A, codes: { 404: 'NOT_FOUND', 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/monitoring/index?agencyId=province', method: 'GET', req: () => ({ url: `/api/monitoring/index?agencyId=${agencyId['000.00.00.H21']}&period=month&year=2026&index=3` }), expect: by({ default: 404, anonymous: 401, provinceAdmin: 200, inspector: 200 }) },
  { name: 'GET /api/monitoring/index/dossiers?agencyId=A', method: 'GET', req: () => ({ url: `/api/monitoring/index/dossiers?agencyId=${agencyId[PLEIKU]}&period=year&year=2026&indicator=ON_TIME` }), expect: DOSSIER_A },
  { name: 'GET /api/monitoring/rankings?agencyId=province', method: 'GET', req: () => ({ url: `/api/monitoring/rankings?agencyId=${agencyId['000.00.00.H21']}&period=year&year=2026` }), expect: by({ default: 404, anonymous: 401, provinceAdmin: 200, inspector: 200 }) },
  {
    name: 'POST /api/monitoring/reconciliations (A)',
    method: 'POST',
    req: () => ({ url: '/api/monitoring/reconciliations', body: { agencyId: agencyId[PLEIKU], period: 'month', year: 2026, index: 2, source: 'Cổng DVC quốc gia', metrics: [{ code: 'ON_TIME', numerator: 9, denominator: 10 }] } }),
    expect: by({ default: 403, anonymous: 401, unitAdminA: 201, provinceAdmin: 201 }),
  },
  { name: 'POST /api/monitoring/reconciliations/read (no file)', method: 'POST', req: () => ({ url: '/api/monitoring/reconciliations/read', body: {} }), expect: by({ default: 403, anonymous: 401, unitAdminA: 400, provinceAdmin: 400 }), codes: { 400: 'INPUT_REQUIRED' } },
  { name: 'POST /api/monitoring/rebuild', method: 'POST', req: () => ({ url: '/api/monitoring/rebuild', body: {} }), expect: PROVINCE_ONLY(200), codes: { 403: 'FORBIDDEN' } },
  { name: 'GET /api/public/index?agencyId=A', method: 'GET', req: () => ({ url: `/api/public/index?agencyId=${agencyId[PLEIKU]}&period=year&year=2026` }), expect: PUBLIC },
  { name: 'GET /api/public/rankings?agencyId=province', method: 'GET', req: () => ({ url: `/api/public/rankings?agencyId=${agencyId['000.00.00.H21']}&period=year&year=2026` }), expect: PUBLIC },
  // ----------------------------------------------------------------- the document office
  { name: 'POST /api/documents/incoming', method: 'POST', req: async (c) => ({ url: '/api/documents/incoming', body: { numberSymbol: `${uniq()}/UBND`, issuedOn: '2026-02-27', senderName: 'Sở Tư pháp', kind: 'report', summary: `Báo cáo ${c}`, pages: 1, file: (await documentsA()).file } }), expect: DOC_WRITE(403), codes: { 403: 'DOCUMENT_ROLE_NOT_ALLOWED' } },
  { name: 'POST /api/documents/outgoing', method: 'POST', req: async () => ({ url: '/api/documents/outgoing', body: { kind: 'plan', subject: 'Kế hoạch thử', file: (await documentsA()).file } }), expect: DOC_WRITE(201), codes: { 403: 'DOCUMENT_ROLE_NOT_ALLOWED' } },
  { name: 'GET /api/documents', method: 'GET', req: () => ({ url: '/api/documents?queue=to_direct' }), expect: by({ default: 200, anonymous: 401 }) },
  { name: 'GET /api/documents/:id (commune A)', method: 'GET', req: async () => ({ url: `/api/documents/${(await documentsA()).incoming}` }), expect: DOC_A(200), codes: { 404: 'DOCUMENT_NOT_FOUND' } },
  { name: 'GET /api/documents/:id/history (commune A)', method: 'GET', req: async () => ({ url: `/api/documents/${(await documentsA()).incoming}/history` }), expect: DOC_A(200), codes: { 404: 'DOCUMENT_NOT_FOUND' } },
  { name: 'GET /api/documents/:id/file (commune A)', method: 'GET', req: async () => ({ url: `/api/documents/${(await documentsA()).incoming}/file` }), expect: DOC_A(200), codes: { 404: 'DOCUMENT_NOT_FOUND' } },
  { name: 'GET /api/documents/:id/views (commune A)', method: 'GET', req: async () => ({ url: `/api/documents/${(await documentsA()).incoming}/views` }), expect: DOC_A(200), codes: { 404: 'DOCUMENT_NOT_FOUND' } },
  // Directing is the leader's (the routes test has the leader); every other role in scope is refused.
  { name: 'POST /api/documents/:id/direct (commune A, not a leader)', method: 'POST', req: async () => ({ url: `/api/documents/${(await documentsA()).incoming}/direct`, body: { version: 1, direction: 'Giao xử lý', handlerId: targetUserId, workingDays: 5 } }), expect: DOC_A(403), codes: { 404: 'DOCUMENT_NOT_FOUND', 403: 'DOCUMENT_ROLE_NOT_ALLOWED' } },
  ...(['assign', 'process', 'reply', 'close'] as const).map((a): Row => ({
    name: `POST /api/documents/:id/${a} (commune A, not directed yet)`,
    method: 'POST',
    req: async () => ({ url: `/api/documents/${(await documentsA()).incoming}/${a}`, body: { version: 1, note: 'Ghi chú', handlerId: targetUserId } }),
    expect: DOC_A(409),
    codes: { 404: 'DOCUMENT_NOT_FOUND', 409: 'DOCUMENT_ACTION_NOT_ALLOWED' },
  })),
  ...(['submit', 'revise', 'comment', 'return', 'approve-sign', 'issue-number', 'seal', 'send'] as const).map((a): Row => ({
    name: `POST /api/documents/:id/${a} (commune A's draft, stale version)`,
    method: 'POST',
    req: async () => {
      const d = await documentsA();
      return { url: `/api/documents/${d.outgoing}/${a}`, body: { version: 9, note: 'Ghi chú', comment: 'Góp ý', file: d.file, recipients: [{ name: 'Công ty A' }] } };
    },
    expect: DOC_A(409),
    codes: { 404: 'DOCUMENT_NOT_FOUND', 409: 'DOCUMENT_VERSION_CONFLICT' },
  })),
  { name: 'GET /api/documents/rates (commune A)', method: 'GET', req: () => ({ url: `/api/documents/rates?agencyId=${agencyId[PLEIKU]}&from=2026-01-01&to=2026-03-31` }), expect: by({ default: 200, anonymous: 401, deskB: 404 }), codes: { 404: 'NOT_FOUND' } },
  { name: 'GET /api/documents/work-files', method: 'GET', req: () => ({ url: '/api/documents/work-files' }), expect: by({ default: 200, anonymous: 401 }) },
  { name: 'POST /api/documents/work-files', method: 'POST', req: () => ({ url: '/api/documents/work-files', body: { code: uniq(), title: 'Hồ sơ thử', retentionYears: 5 } }), expect: DOC_WRITE(201), codes: { 403: 'DOCUMENT_ROLE_NOT_ALLOWED' } },
  { name: 'GET /api/documents/work-files/:id (unknown)', method: 'GET', req: () => ({ url: `/api/documents/work-files/${crypto.randomUUID()}` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'WORK_FILE_NOT_FOUND' } },
  { name: 'POST /api/documents/work-files/:id/actions (unknown)', method: 'POST', req: () => ({ url: `/api/documents/work-files/${crypto.randomUUID()}/actions`, body: { action: 'close', version: 1 } }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'WORK_FILE_NOT_FOUND' } },
  { name: 'POST /api/documents/work-files/:id/documents (unknown)', method: 'POST', req: async () => ({ url: `/api/documents/work-files/${crypto.randomUUID()}/documents`, body: { documentId: (await documentsA()).incoming, version: 1 } }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'WORK_FILE_NOT_FOUND' } },
  { name: 'GET /api/public/documents/packages/:code (unknown)', method: 'GET', req: () => ({ url: `/api/public/documents/packages/${'A'.repeat(32)}` }), expect: by({ default: 404 }), codes: { 404: 'DOCUMENT_PACKAGE_NOT_FOUND' } },

  // ----------------------------------------------------------------- digital signatures
  { name: 'POST /api/signatures/verify (no file)', method: 'POST', req: () => ({ url: '/api/signatures/verify', body: {} }), expect: by({ default: 400, anonymous: 401 }), codes: { 401: 'UNAUTHENTICATED', 400: 'INPUT_REQUIRED' } },
  { name: 'POST /api/public/signatures/verify (no file)', method: 'POST', req: () => ({ url: '/api/public/signatures/verify', body: {} }), expect: by({ default: 400 }), codes: { 400: 'INPUT_REQUIRED' } },
  { name: 'GET /api/public/signatures/ca.pem', method: 'GET', req: () => ({ url: '/api/public/signatures/ca.pem' }), expect: PUBLIC },
  { name: 'GET /api/signatures/signers', method: 'GET', req: () => ({ url: '/api/signatures/signers' }), expect: by({ default: 200, anonymous: 401 }), codes: { 401: 'UNAUTHENTICATED' } },
  { name: 'GET /api/reform/reports', method: 'GET', req: () => ({ url: '/api/reform/reports?year=2026' }), expect: by({ default: 200, anonymous: 401 }) },
  // PAR index (reform/par): sets are read by staff, imported by the province's reform officer / admin; a round
  // outside the caller's part answers 404; published rankings are public. Unit/appraiser scope: par.routes.test.ts.
  { name: 'GET /api/reform/par/sets', method: 'GET', req: () => ({ url: '/api/reform/par/sets' }), expect: by({ default: 200, anonymous: 401 }) },
  { name: 'POST /api/reform/par/sets/import (empty document)', method: 'POST', req: () => ({ url: '/api/reform/par/sets/import', body: {} }), expect: by({ default: 403, anonymous: 401, provinceAdmin: 400 }), codes: { 403: 'ROLE_NOT_ALLOWED', 400: 'PAR_SET_INVALID' } },
  { name: 'GET /api/reform/par/rounds/:id (unknown)', method: 'GET', req: () => ({ url: `/api/reform/par/rounds/${crypto.randomUUID()}` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'PAR_ROUND_NOT_FOUND' } },
  { name: 'DELETE /api/reform/par/rounds/:id/appraisers/:appraiserId (unknown round)', method: 'DELETE', req: () => ({ url: `/api/reform/par/rounds/${crypto.randomUUID()}/appraisers/${crypto.randomUUID()}`, body: { reason: 'Phân công nhầm' } }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'PAR_ROUND_NOT_FOUND' } },
  // The survey run: sampling and applying are the round owners' (an unknown round is 404 for every signed-in role);
  // a questionnaire link is public, an unknown one 404 for everyone, signed in or not.
  { name: 'POST /api/reform/par/rounds/:id/survey/respondents (unknown round)', method: 'POST', req: () => ({ url: `/api/reform/par/rounds/${crypto.randomUUID()}/survey/respondents`, body: { agencyId: crypto.randomUUID(), group: 'citizens', count: 1 } }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'PAR_ROUND_NOT_FOUND' } },
  { name: 'POST /api/reform/par/rounds/:id/survey/apply (unknown round)', method: 'POST', req: () => ({ url: `/api/reform/par/rounds/${crypto.randomUUID()}/survey/apply` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'PAR_ROUND_NOT_FOUND' } },
  { name: 'GET /api/public/par/survey/:token (unknown)', method: 'GET', req: () => ({ url: '/api/public/par/survey/AAAAAAAAAAAAAAAAAAAAAA' }), expect: by({ default: 404 }), codes: { 404: 'PAR_SURVEY_LINK_NOT_FOUND' } },
  { name: 'GET /api/reform/par/rounds/:id/survey/progress (unknown round)', method: 'GET', req: () => ({ url: `/api/reform/par/rounds/${crypto.randomUUID()}/survey/progress` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'PAR_ROUND_NOT_FOUND' } },
  { name: 'POST /api/public/par/survey/:token (unknown)', method: 'POST', req: () => ({ url: '/api/public/par/survey/AAAAAAAAAAAAAAAAAAAAAA', body: { answers: [{ nodeCode: '8.2.1', letter: 'A' }] } }), expect: by({ default: 404 }), codes: { 404: 'PAR_SURVEY_LINK_NOT_FOUND' } },
  // Machine-to-machine: the postal operator's notices carry an HMAC signature, never a session.
  { name: 'POST /api/postal/notices (unsigned)', method: 'POST', req: () => ({ url: '/api/postal/notices', body: { trackingNumber: 'EL000000000VN', status: 'accepted', at: '2026-03-02T09:00:00+07:00' } }), expect: by({ default: 401 }), codes: { 401: 'POSTAL_SIGNATURE_INVALID' } },
  { name: 'GET /api/public/procedures/:code/agencies', method: 'GET', req: () => ({ url: '/api/public/procedures/1.010038/agencies' }), expect: PUBLIC },
  { name: 'GET /api/public/par/rounds', method: 'GET', req: () => ({ url: '/api/public/par/rounds' }), expect: PUBLIC },
  // Remediation tasks and the reform dashboard (reform/remediation): a unit sees its own tasks, reviewers the province;
  // an unknown or foreign task is 404; only the standing body's reform officers create tasks from lost points;
  // the dashboard and a unit's history answer inside the caller's subtree. Per-caller scope: remediation.routes.test.ts.
  { name: 'GET /api/reform/remediation-tasks', method: 'GET', req: () => ({ url: '/api/reform/remediation-tasks' }), expect: by({ default: 200, anonymous: 401 }) },
  { name: 'GET /api/reform/remediation-tasks/:id (unknown)', method: 'GET', req: () => ({ url: `/api/reform/remediation-tasks/${crypto.randomUUID()}` }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'REMEDIATION_NOT_FOUND' } },
  { name: 'POST /api/reform/remediation-tasks (from a lost point)', method: 'POST', req: () => ({ url: '/api/reform/remediation-tasks', body: { roundId: crypto.randomUUID(), agencyId: agencyId[PLEIKU], nodeCode: '1.1.1', content: 'Khắc phục' } }), expect: by({ default: 403, anonymous: 401 }), codes: { 403: 'ROLE_NOT_ALLOWED' } },
  { name: 'POST /api/reform/remediation-tasks/:id/report (unknown)', method: 'POST', req: () => ({ url: `/api/reform/remediation-tasks/${crypto.randomUUID()}/report`, body: { version: 1, report: 'x', evidence: [] } }), expect: by({ default: 404, anonymous: 401 }), codes: { 404: 'REMEDIATION_NOT_FOUND' } },
  { name: 'GET /api/reform/dashboard', method: 'GET', req: () => ({ url: '/api/reform/dashboard?year=2026' }), expect: by({ default: 200, anonymous: 401 }) },
  { name: 'GET /api/reform/units/:agencyId/history (commune A)', method: 'GET', req: () => ({ url: `/api/reform/units/${agencyId[PLEIKU]}/history` }), expect: by({ default: 200, anonymous: 401, deskB: 404 }) },

  // ----------------------------------------------------------------- calendar
  { name: 'PUT /api/calendar/overrides', method: 'PUT', req: () => ({ url: '/api/calendar/overrides', body: { date: '2026-12-31', kind: 'day_off', reason: 'Nghỉ cuối năm' } }), expect: PROVINCE_ONLY(200), codes: { 403: 'FORBIDDEN' } },
  {
    name: 'DELETE /api/calendar/overrides/:id',
    method: 'DELETE',
    req: async () => {
      const o = await client.provinceAdmin.put('/api/calendar/overrides', { date: '2026-12-30', kind: 'day_off', reason: 'Nghỉ cuối năm' });
      expect(o.status).toBe(200);
      return { url: `/api/calendar/overrides/${o.body.id}` };
    },
    expect: PROVINCE_ONLY(200),
    codes: { 403: 'FORBIDDEN' },
  },
];

describe('permission matrix', () => {
  for (const row of ROWS) {
    describe(row.name, () => {
      for (const caller of ALL) {
        const status = row.expect[caller];
        if (status === undefined) continue;
        it(`${caller} → ${status}`, async () => {
          const { url, body } = await row.req(caller);
          const api = client[caller];
          const r = row.method === 'GET' ? await api.get(url) : row.method === 'POST' ? await api.post(url, body) : row.method === 'PUT' ? await api.put(url, body) : await api.del(url, body);
          expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
          if (status >= 400) {
            expect(r.body.error.code).toBe(row.codes?.[status] ?? r.body.error.code);
            expect(typeof r.body.error.message).toBe('string');
          }
        });
      }
    });
  }
});

describe('commune B learns nothing about commune A’s dossier', () => {
  it('the 404 for B is identical to the 404 for a dossier that does not exist', async () => {
    const real = await client.deskB.get(`/api/dossiers/${dossier.id}`);
    const none = await client.deskB.get(`/api/dossiers/${crypto.randomUUID()}`);
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
  });

  it('B’s queue and search do not list it, by code, ID number or name', async () => {
    const queue = await client.deskB.get('/api/dossiers?view=all');
    expect(queue.body.items.map((d: { id: string }) => d.id)).not.toContain(dossier.id);
    for (const q of [dossier.code, '052090001234', 'Nguyễn Văn An']) {
      const r = await client.deskB.get(`/api/dossiers/search?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.items.map((d: { id: string }) => d.id)).not.toContain(dossier.id);
    }
    const own = await client.deskA.get(`/api/dossiers/search?q=${encodeURIComponent(dossier.code)}`);
    expect(own.body.items.map((d: { id: string }) => d.id)).toEqual([dossier.id]);
  });

  it('B’s 404 on A’s feedback is identical to an unknown feedback’s, and A’s feedback is unchanged by B', async () => {
    const real = await client.deskB.get(`/api/feedback/${fb.id}`);
    const none = await client.deskB.get(`/api/feedback/${crypto.randomUUID()}`);
    expect(real.status).toBe(404);
    expect(real.body).toEqual(none.body);
    const q = await client.deskB.get('/api/feedback');
    expect(q.body.items.map((f: { id: string }) => f.id)).not.toContain(fb.id);
    const now = await client.deskA.get(`/api/feedback/${fb.id}`);
    expect(now.body.version).toBe(fb.version);
    expect(now.body.status).toBe('submitted');
  });

  it('B cannot read A’s document content, and the dossier is unchanged by B’s attempts', async () => {
    const r = await fetch(`${http.base}/api/dossiers/${dossier.id}/documents/${docId}/content`, { headers: { authorization: `Bearer ${client.deskB.token}` } });
    expect(r.status).toBe(404);
    const now = await client.deskA.get(`/api/dossiers/${dossier.id}`);
    expect(now.body.version).toBe(dossier.version);
    expect(now.body.state).toBe('received');
  });
});

/**
 * Citizen sessions and staff sessions do not mix: a citizen token opens no staff endpoint, a staff token no
 * citizen endpoint; a citizen sees only their own dossiers (another's answers like an unknown id).
 */
describe('citizen endpoints × callers', () => {
  type CCaller = 'anonymous' | 'deskA' | 'provinceAdmin' | 'citizenA' | 'citizenB';
  const cc = {} as Record<CCaller, ApiClient>;
  let own: { id: string; version: number };

  beforeAll(async () => {
    cc.anonymous = client.anonymous;
    cc.deskA = client.deskA;
    cc.provinceAdmin = client.provinceAdmin;
    cc.citizenA = await new ApiClient(http.base).citizenLogin('citizen.a@example.vn');
    cc.citizenB = await new ApiClient(http.base).citizenLogin('0977123456');
    const r = await cc.citizenA.post('/api/citizen/dossiers', { agencyId: agencyId[PLEIKU], procedureCode: '1.010039', applicant: { fullName: 'Công Dân A' }, resultMethod: 'online' }, { 'idempotency-key': 'perm-citizen-a-1' });
    expect(r.status).toBe(201);
    own = { id: r.body.id, version: r.body.version };
  });

  const CALLERS_C: CCaller[] = ['anonymous', 'deskA', 'provinceAdmin', 'citizenA', 'citizenB'];
  const citizenRows: { name: string; method: 'GET' | 'POST'; url: () => string; body?: () => unknown; expect: Record<CCaller, number> }[] = [
    { name: 'GET /api/citizen/me', method: 'GET', url: () => '/api/citizen/me', expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 200, citizenB: 200 } },
    { name: 'GET /api/citizen/documents', method: 'GET', url: () => '/api/citizen/documents', expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 200, citizenB: 200 } },
    { name: 'GET /api/citizen/dossiers', method: 'GET', url: () => '/api/citizen/dossiers', expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 200, citizenB: 200 } },
    { name: 'GET /api/citizen/dossiers/:id (A’s)', method: 'GET', url: () => `/api/citizen/dossiers/${own.id}`, expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 200, citizenB: 404 } },
    { name: 'POST /api/citizen/dossiers/:id/supply (A’s, not requested)', method: 'POST', url: () => `/api/citizen/dossiers/${own.id}/supply`, body: () => ({ version: own.version }), expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 409, citizenB: 404 } },
    { name: 'POST /api/citizen/dossiers/:id/rating (A’s, no result yet)', method: 'POST', url: () => `/api/citizen/dossiers/${own.id}/rating`, body: () => ({ rating: 'satisfied' }), expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 422, citizenB: 404 } },
    { name: 'GET /api/citizen/dossiers/:id/result/:docId', method: 'GET', url: () => `/api/citizen/dossiers/${own.id}/result/${crypto.randomUUID()}`, expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 404, citizenB: 404 } },
    { name: 'POST /api/citizen/dossiers/:id/payment-intents (nothing to pay)', method: 'POST', url: () => `/api/citizen/dossiers/${own.id}/payment-intents`, expect: { anonymous: 401, deskA: 401, provinceAdmin: 401, citizenA: 409, citizenB: 404 } },
    { name: 'POST /api/citizen/dossiers (apply)', method: 'POST', url: () => '/api/citizen/dossiers', body: () => ({ agencyId: agencyId[PLEIKU], procedureCode: '1.010039', applicant: { fullName: 'X' }, resultMethod: 'online' }), expect: { anonymous: 401, deskA: 401, provinceAdmin: 401 } as Record<CCaller, number> },
    // Staff endpoints with a citizen session: nothing opens.
    { name: 'GET /api/auth/me', method: 'GET', url: () => '/api/auth/me', expect: { anonymous: 401, deskA: 200, provinceAdmin: 200, citizenA: 401, citizenB: 401 } },
    { name: 'GET /api/dossiers', method: 'GET', url: () => '/api/dossiers', expect: { anonymous: 401, deskA: 200, provinceAdmin: 200, citizenA: 401, citizenB: 401 } },
    { name: 'GET /api/dossiers/:id (the citizen’s own dossier, staff route)', method: 'GET', url: () => `/api/dossiers/${own.id}`, expect: { anonymous: 401, deskA: 200, provinceAdmin: 200, citizenA: 401, citizenB: 401 } },
    { name: 'POST /api/dossiers/:id/actions', method: 'POST', url: () => `/api/dossiers/${own.id}/actions`, body: () => ({ action: 'add_note', version: 999, input: { note: 'x' } }), expect: { anonymous: 401, deskA: 409, provinceAdmin: 409, citizenA: 401, citizenB: 401 } },
    { name: 'POST /api/files', method: 'POST', url: () => '/api/files', expect: { anonymous: 401, citizenA: 401, citizenB: 401 } as Record<CCaller, number> },
    { name: 'GET /api/feedback (staff queue)', method: 'GET', url: () => '/api/feedback', expect: { anonymous: 401, deskA: 200, provinceAdmin: 200, citizenA: 401, citizenB: 401 } },
    { name: 'GET /api/follow-ups', method: 'GET', url: () => '/api/follow-ups', expect: { anonymous: 401, deskA: 200, provinceAdmin: 200, citizenA: 401, citizenB: 401 } },
    // Ratings: the desk kiosk is a desk officer's screen; follow-ups are staff, scoped to the unit; the rating page is public.
    { name: 'GET /api/kiosk/current', method: 'GET', url: () => '/api/kiosk/current', expect: { anonymous: 401, deskA: 200, provinceAdmin: 403, citizenA: 401, citizenB: 401 } },
    { name: 'POST /api/kiosk/rating (no such dossier)', method: 'POST', url: () => '/api/kiosk/rating', body: () => ({ dossierId: crypto.randomUUID(), rating: 'satisfied' }), expect: { anonymous: 401, deskA: 404, citizenA: 401, citizenB: 401 } as Record<CCaller, number> },
    { name: 'POST /api/kiosk/unlock (wrong password)', method: 'POST', url: () => '/api/kiosk/unlock', body: () => ({ password: 'not-the-password' }), /* desk officer's wrong password (401 INVALID_CREDENTIALS): ratings.routes.test.ts */ expect: { anonymous: 401, provinceAdmin: 403, citizenA: 401, citizenB: 401 } as Record<CCaller, number> },
    { name: 'POST /api/follow-ups/:id/close (no such item)', method: 'POST', url: () => `/api/follow-ups/${crypto.randomUUID()}/close`, body: () => ({ version: 1, answer: 'Đơn vị đã xem xét và trả lời Ông/Bà.' }), expect: { anonymous: 401, deskA: 404, provinceAdmin: 404, citizenA: 401, citizenB: 401 } },
    { name: 'GET /api/public/dossiers/:code/rating (unknown code)', method: 'GET', url: () => '/api/public/dossiers/000.00.00.X00-000000-0000/rating?secondFactor=ABCDEFGH', expect: { anonymous: 404, deskA: 404, provinceAdmin: 404, citizenA: 404, citizenB: 404 } },
    { name: 'GET /api/staff', method: 'GET', url: () => '/api/staff', expect: { anonymous: 401, deskA: 403, provinceAdmin: 200, citizenA: 401, citizenB: 401 } },
  ];

  for (const row of citizenRows) {
    describe(row.name, () => {
      for (const caller of CALLERS_C) {
        const status = row.expect[caller];
        if (status === undefined) continue;
        it(`${caller} → ${status}`, async () => {
          const api = cc[caller];
          const r = row.method === 'GET' ? await api.get(row.url()) : await api.post(row.url(), row.body?.() ?? {}, row.url() === '/api/citizen/dossiers' ? { 'idempotency-key': `perm-${caller}-apply` } : {});
          expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
          if (status === 401) expect(r.body.error.code).toBe('UNAUTHENTICATED');
          if (status === 404) expect(['DOSSIER_NOT_FOUND', 'NOT_FOUND']).toContain(r.body.error.code);
        });
      }
    });
  }

  it('B’s 404 on A’s dossier is identical to an unknown dossier’s', async () => {
    const real = await cc.citizenB.get(`/api/citizen/dossiers/${own.id}`);
    const none = await cc.citizenB.get(`/api/citizen/dossiers/${crypto.randomUUID()}`);
    expect(real.body).toEqual(none.body);
  });
});

/**
 * Reform inspections, their documents and remediation tasks × callers (issue 9: inspectors only the visits of
 * their team; a unit sees its own visit only once done and sees / reports only its own tasks; the province's
 * reform officers and the standing body's leader see every visit). Writes are sent with a stale version (or a
 * body that changes nothing) so that the allowed callers get 409 / 422 / 200 and nothing moves. Callers who may
 * not see the object get 404 (no existence leak), those who see it but may not act 403, no session 401.
 */
describe('reform inspections and remediation × callers', () => {
  type R = 'anonymous' | 'citizen' | 'provinceOfficer' | 'provinceLeader' | 'teamLeader' | 'teamMember' | 'otherTeam' | 'unitOfficer' | 'otherUnit';
  const RC: R[] = ['anonymous', 'citizen', 'provinceOfficer', 'provinceLeader', 'teamLeader', 'teamMember', 'otherTeam', 'unitOfficer', 'otherUnit'];
  const rc = {} as Record<R, ApiClient>;
  const uid: Record<string, string> = {};
  const PR = '/api/reform';
  const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
  const HOIPHU = '000.03.00.H21';
  const DIENHONG = '000.02.00.H21';
  const SONV = '000.00.09.H21';
  const SONNMT = () => Object.keys(agencyId).find((k) => k !== SONV && k.startsWith('000.00.') && !['000.00.00.H21', '000.00.01.H21'].includes(k));
  let templateId = '';
  const s = {} as { planA: string; planD: { id: string; version: number }; vPlanned: { id: string; version: number }; vLive: { id: string; version: number }; vDone: string; photoLive: string; photoDone: string; task: { id: string; version: number }; evidence: string };

  const photo = (cl: ApiClient, visitId: string, itemCode: string) => {
    const form = new FormData();
    form.append('clientPhotoId', crypto.randomUUID());
    form.append('itemCode', itemCode);
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'anh.png');
    return fetch(`${http.base}${PR}/inspection-visits/${visitId}/photos`, { method: 'POST', headers: cl.token ? { authorization: `Bearer ${cl.token}` } : {}, body: form }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  };
  const raw = (cl: ApiClient, url: string) => fetch(`${http.base}${url}`, { headers: cl.token ? { authorization: `Bearer ${cl.token}` } : {} });
  const plan = (cl: ApiClient, visits: { code: string; on: string | null }[], team: { user: string; agency: string; role: 'leader' | 'member' }[], title = 'Kế hoạch kiểm tra công tác CCHC năm 2026') =>
    cl.post(`${PR}/inspection-plans`, { year: 2026, kind: 'province', title, ownerAgencyId: agencyId[SONV], templateId, visits: visits.map((v) => ({ agencyId: agencyId[v.code], scheduledOn: v.on, surprise: v.on === null })), team: team.map((t) => ({ staffId: uid[t.user], agencyId: agencyId[t.agency], role: t.role })) });

  beforeAll(async () => {
    const users: Record<Exclude<R, 'anonymous' | 'citizen' | 'otherUnit'>, string> = { provinceOfficer: 'tinh.caicach', provinceLeader: 'sonv.lanhdao', teamLeader: 'tinh.thanhtra', teamMember: 'sonnmt.chuyenvien', otherTeam: 'sonnmt.motcua', unitOfficer: 'pleiku.lanhdao' };
    rc.anonymous = client.anonymous;
    rc.citizen = await new ApiClient(http.base).citizenLogin('citizen.insp@example.vn');
    for (const [k, u] of Object.entries(users)) {
      rc[k as R] = await new ApiClient(http.base).login(u);
      uid[u] = (await rc[k as R].get('/api/auth/me')).body.userId;
    }
    for (const u of ['sonnmt.lanhdao', 'sonnmt.quantri']) uid[u] = (await (await new ApiClient(http.base).login(u)).get('/api/auth/me')).body.userId;
    // A reform officer of another commune: a reform role on a commune is not the province's.
    const other = await client.provinceAdmin.post('/api/staff', { username: 'dienhong.caicach', password: 'Mat-khau-2026!', fullName: 'Cán bộ CCHC phường Diên Hồng', roles: [{ agencyId: agencyId[DIENHONG], role: 'reform_officer' }] });
    expect(other.status).toBe(201);
    rc.otherUnit = await new ApiClient(http.base).login('dienhong.caicach', 'Mat-khau-2026!');
    const nmt = SONNMT()!;
    templateId = (await rc.provinceOfficer.get(`${PR}/inspection-templates`)).body.items[0].id;
    const team = [{ user: 'tinh.thanhtra', agency: '000.00.00.H21', role: 'leader' as const }, { user: 'sonnmt.chuyenvien', agency: nmt, role: 'member' as const }];

    // Plan A (approved): the visit of commune A (to be done, with its documents and tasks) and one of Hội Phú (in progress).
    const a = await plan(rc.provinceOfficer, [{ code: PLEIKU, on: '2026-04-10' }, { code: HOIPHU, on: '2026-04-12' }], team);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    s.planA = a.body.id;
    const ap = await rc.provinceLeader.post(`${PR}/inspection-plans/${s.planA}/approve`, { version: a.body.version });
    expect(ap.status).toBe(200);
    const vDone = ap.body.visits.find((v: { agency: { id: string } }) => v.agency.id === agencyId[PLEIKU]);
    const vLive = ap.body.visits.find((v: { agency: { id: string } }) => v.agency.id === agencyId[HOIPHU]);
    s.vDone = vDone.id;
    // Plan C (approved): commune A again, still planned.
    const cPlan = await plan(rc.provinceOfficer, [{ code: PLEIKU, on: '2026-11-10' }], team, 'Kế hoạch kiểm tra đột xuất năm 2026');
    const cAp = await rc.provinceOfficer.post(`${PR}/inspection-plans/${cPlan.body.id}/approve`, { version: cPlan.body.version });
    s.vPlanned = { id: cAp.body.visits[0].id, version: cAp.body.visits[0].version };
    // Plan B: another team (Sở NN&MT) visiting Diên Hồng.
    const b = await plan(rc.provinceOfficer, [{ code: DIENHONG, on: '2026-05-10' }], [{ user: 'sonnmt.lanhdao', agency: nmt, role: 'leader' }, { user: 'sonnmt.motcua', agency: nmt, role: 'member' }], 'Kế hoạch kiểm tra của Đoàn 2');
    expect(b.status).toBe(201);
    // Plan D: a draft with team A.
    const d = await plan(rc.provinceOfficer, [{ code: HOIPHU, on: '2026-06-10' }], team, 'Kế hoạch dự thảo');
    s.planD = { id: d.body.id, version: d.body.version };

    // The live visit: started, one photo, a draft of its minutes.
    const live = await rc.teamMember.post(`${PR}/inspection-visits/${vLive.id}/start`, { version: vLive.version });
    expect(live.status).toBe(200);
    s.vLive = { id: vLive.id, version: live.body.version };
    const pl = await photo(rc.teamMember, vLive.id, live.body.items[0].code);
    expect(pl.status).toBe(201);
    s.photoLive = pl.body.photo.url;
    expect((await rc.teamLeader.get(`${PR}/inspection-visits/${vLive.id}/documents/minutes`)).status).toBe(200);

    // The done visit: start, fill (first item does not meet), photo, finish, issue minutes and conclusion.
    const st = await rc.teamLeader.post(`${PR}/inspection-visits/${s.vDone}/start`, { version: vDone.version });
    expect(st.status).toBe(200);
    const changes = st.body.items.map((i: { code: string; version: number }, n: number) => ({ clientChangeId: crypto.randomUUID(), itemCode: i.code, baseVersion: i.version, result: n === 0 ? 'does_not_meet' : 'meets', note: n === 0 ? 'Chưa niêm yết đủ thủ tục' : '' }));
    expect((await rc.teamLeader.post(`${PR}/inspection-visits/${s.vDone}/sync`, { changes })).status).toBe(200);
    const pd = await photo(rc.teamLeader, s.vDone, st.body.items[0].code);
    expect(pd.status).toBe(201);
    s.photoDone = pd.body.photo.url;
    const fin = await rc.teamLeader.post(`${PR}/inspection-visits/${s.vDone}/finish`, { version: st.body.version });
    expect(fin.status).toBe(200);
    for (const kind of ['minutes', 'conclusion']) {
      const doc = await rc.teamLeader.get(`${PR}/inspection-visits/${s.vDone}/documents/${kind}`);
      const is = await rc.teamLeader.post(`${PR}/inspection-visits/${s.vDone}/documents/${kind}/issue`, { version: doc.body.version });
      expect(is.status, JSON.stringify(is.body)).toBe(200);
    }
    // Commune A reports on its task, with one evidence file.
    const tasks = await rc.unitOfficer.get(`${PR}/remediation-tasks?source=inspection`);
    const t = tasks.body.items.find((x: { source: { inspectionId: string } }) => x.source.inspectionId === s.vDone);
    expect(t).toBeTruthy();
    const up = await rc.unitOfficer.upload(samplePdf('bao cao khac phuc'), 'bao-cao-khac-phuc.pdf');
    expect(up.status).toBe(201);
    s.evidence = up.body.sha256;
    const rep = await rc.unitOfficer.post(`${PR}/remediation-tasks/${t.id}/report`, { version: t.version, report: 'Đã niêm yết đủ thủ tục tại bộ phận một cửa.', evidence: [{ sha256: s.evidence, fileName: 'bao-cao-khac-phuc.pdf' }] });
    expect(rep.status).toBe(200);
    s.task = { id: t.id, version: rep.body.version };
  });

  interface IRow {
    name: string;
    run: (cl: ApiClient) => Promise<{ status: number; body: any }>;
    expect: Record<R, number>;
    codes?: Partial<Record<number, string>>;
  }
  const at = (o: Partial<Record<R, number>> & { default: number }): Record<R, number> => Object.fromEntries(RC.map((c) => [c, o[c] ?? o.default])) as Record<R, number>;
  const NO_SESSION = { anonymous: 401, citizen: 401 };
  const get = (url: () => string) => (cl: ApiClient) => cl.get(url());
  const bin = (url: () => string) => async (cl: ApiClient) => {
    const r = await raw(cl, url());
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : { contentType: r.headers.get('content-type') } };
  };
  /** Seen by the team and the province; the unit only once done (per row). */
  const VISIT_READ = (unit: number) => at({ default: 200, ...NO_SESSION, otherTeam: 404, otherUnit: 404, unitOfficer: unit });
  /** Remediation task of commune A (led by the team leader): the unit, the leader and the province's reviewers. */
  const TASK_READ = at({ default: 200, ...NO_SESSION, teamMember: 404, otherTeam: 404, otherUnit: 404 });
  const TASK_DECIDE = at({ default: 403, ...NO_SESSION, teamLeader: 409, teamMember: 404, otherTeam: 404, otherUnit: 404 });

  const IROWS: IRow[] = [
    { name: 'GET /api/reform/inspection-templates', run: get(() => `${PR}/inspection-templates`), expect: at({ default: 200, ...NO_SESSION }), codes: { 401: 'UNAUTHENTICATED' } },
    { name: 'GET /api/reform/inspection-plans', run: get(() => `${PR}/inspection-plans?year=2026`), expect: at({ default: 200, ...NO_SESSION }) },
    {
      name: 'POST /api/reform/inspection-plans (owner: the standing body)',
      run: (cl) => plan(cl, [{ code: HOIPHU, on: '2026-09-10' }], [{ user: 'sonnmt.quantri', agency: SONNMT()!, role: 'leader' }], 'Kế hoạch kiểm tra bổ sung'),
      expect: at({ default: 403, ...NO_SESSION, provinceOfficer: 201, provinceLeader: 201 }),
      codes: { 403: 'FORBIDDEN' },
    },
    { name: 'GET /api/reform/inspection-plans/:id', run: get(() => `${PR}/inspection-plans/${s.planA}`), expect: at({ default: 200, ...NO_SESSION, otherTeam: 404, unitOfficer: 404, otherUnit: 404 }), codes: { 404: 'INSPECTION_PLAN_NOT_FOUND' } },
    {
      name: 'PATCH /api/reform/inspection-plans/:id (draft, stale version)',
      run: (cl) => cl.req('PATCH', `${PR}/inspection-plans/${s.planD.id}`, { version: s.planD.version + 5, title: 'Đổi tên' }),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 409, provinceLeader: 409, teamLeader: 403, teamMember: 403 }),
      codes: { 409: 'VERSION_CONFLICT', 404: 'INSPECTION_PLAN_NOT_FOUND', 403: 'FORBIDDEN' },
    },
    {
      name: 'POST /api/reform/inspection-plans/:id/approve (draft, stale version)',
      run: (cl) => cl.post(`${PR}/inspection-plans/${s.planD.id}/approve`, { version: s.planD.version + 5 }),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 409, provinceLeader: 409, teamLeader: 403, teamMember: 403 }),
      codes: { 409: 'VERSION_CONFLICT', 404: 'INSPECTION_PLAN_NOT_FOUND' },
    },
    { name: 'GET /api/reform/inspection-visits', run: get(() => `${PR}/inspection-visits?year=2026`), expect: at({ default: 200, ...NO_SESSION }) },
    { name: 'GET /api/reform/inspection-visits/:id (commune A, planned)', run: get(() => `${PR}/inspection-visits/${s.vPlanned.id}`), expect: VISIT_READ(404), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    { name: 'GET /api/reform/inspection-visits/:id (commune A, done)', run: get(() => `${PR}/inspection-visits/${s.vDone}`), expect: VISIT_READ(200), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    {
      name: 'POST /api/reform/inspection-visits/:id/start (planned, stale version)',
      run: (cl) => cl.post(`${PR}/inspection-visits/${s.vPlanned.id}/start`, { version: s.vPlanned.version + 5 }),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 403, provinceLeader: 403, teamLeader: 409, teamMember: 409 }),
      codes: { 409: 'VERSION_CONFLICT', 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'FORBIDDEN' },
    },
    {
      name: 'POST /api/reform/inspection-visits/:id/sync (in progress, a change on a newer base: conflict, nothing applied)',
      run: async (cl) => {
        const r = await cl.post(`${PR}/inspection-visits/${s.vLive.id}/sync`, { changes: [{ clientChangeId: crypto.randomUUID(), itemCode: '1.1', baseVersion: 999, result: 'meets', note: 'thử' }] });
        if (r.status === 200) expect(r.body.results.map((x: { outcome: string }) => x.outcome)).toEqual(['conflict']);
        return r;
      },
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 403, provinceLeader: 403, teamLeader: 200, teamMember: 200 }),
      codes: { 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'FORBIDDEN' },
    },
    {
      name: 'POST /api/reform/inspection-visits/:id/finish (in progress, checklist incomplete)',
      run: (cl) => cl.post(`${PR}/inspection-visits/${s.vLive.id}/finish`, { version: s.vLive.version }),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 403, provinceLeader: 403, teamLeader: 422, teamMember: 403 }),
      codes: { 422: 'CHECKLIST_INCOMPLETE', 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'FORBIDDEN' },
    },
    {
      name: 'POST /api/reform/inspection-visits/:id/photos (in progress)',
      run: (cl) => photo(cl, s.vLive.id, '1.1'),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 403, provinceLeader: 403, teamLeader: 201, teamMember: 201 }),
      codes: { 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'FORBIDDEN' },
    },
    { name: 'GET /api/reform/inspection-visits/:id/photos/:photoId (in progress, Hội Phú)', run: bin(() => s.photoLive), expect: VISIT_READ(404), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    { name: 'GET /api/reform/inspection-visits/:id/photos/:photoId (commune A, done)', run: bin(() => s.photoDone), expect: VISIT_READ(200), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    { name: 'GET …/documents/minutes (commune A, done, issued)', run: get(() => `${PR}/inspection-visits/${s.vDone}/documents/minutes`), expect: VISIT_READ(200), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    { name: 'GET …/documents/conclusion.pdf (commune A, done, issued)', run: bin(() => `${PR}/inspection-visits/${s.vDone}/documents/conclusion.pdf`), expect: VISIT_READ(200), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    { name: 'GET …/documents/minutes (in progress, draft)', run: get(() => `${PR}/inspection-visits/${s.vLive.id}/documents/minutes`), expect: VISIT_READ(404), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    { name: 'GET …/documents/minutes.pdf (in progress, draft)', run: bin(() => `${PR}/inspection-visits/${s.vLive.id}/documents/minutes.pdf`), expect: VISIT_READ(404), codes: { 404: 'INSPECTION_VISIT_NOT_FOUND' } },
    {
      name: 'PUT …/documents/minutes (draft, stale version)',
      run: (cl) => cl.put(`${PR}/inspection-visits/${s.vLive.id}/documents/minutes`, { version: 99, subject: 'Sửa trích yếu' }),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 403, provinceLeader: 403, teamLeader: 409, teamMember: 409 }),
      codes: { 409: 'VERSION_CONFLICT', 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'FORBIDDEN' },
    },
    {
      name: 'POST …/documents/minutes/issue (visit in progress)',
      run: (cl) => cl.post(`${PR}/inspection-visits/${s.vLive.id}/documents/minutes/issue`, { version: 1 }),
      expect: at({ default: 404, ...NO_SESSION, provinceOfficer: 403, provinceLeader: 403, teamLeader: 409, teamMember: 403 }),
      codes: { 409: 'INSPECTION_VISIT_STATE', 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'ROLE_NOT_ALLOWED' },
    },
    {
      name: 'POST …/documents/conclusion/issue (done, already issued)',
      run: (cl) => cl.post(`${PR}/inspection-visits/${s.vDone}/documents/conclusion/issue`, { version: 1 }),
      expect: at({ default: 403, ...NO_SESSION, teamLeader: 409, otherTeam: 404, otherUnit: 404 }),
      codes: { 409: 'INSPECTION_DOCUMENT_STATE', 404: 'INSPECTION_VISIT_NOT_FOUND', 403: 'ROLE_NOT_ALLOWED' },
    },
    { name: 'GET /api/reform/remediation-tasks (list)', run: get(() => `${PR}/remediation-tasks`), expect: at({ default: 200, ...NO_SESSION }) },
    { name: 'GET /api/reform/remediation-tasks/:id (commune A’s)', run: get(() => `${PR}/remediation-tasks/${s.task.id}`), expect: TASK_READ, codes: { 404: 'REMEDIATION_NOT_FOUND' } },
    { name: 'GET /api/reform/remediation-tasks/:id/evidence/:sha256', run: bin(() => `${PR}/remediation-tasks/${s.task.id}/evidence/${s.evidence}`), expect: TASK_READ, codes: { 404: 'REMEDIATION_NOT_FOUND' } },
    {
      name: 'POST /api/reform/remediation-tasks/:id/report (stale version)',
      run: (cl) => cl.post(`${PR}/remediation-tasks/${s.task.id}/report`, { version: s.task.version + 5, report: 'Bổ sung', evidence: [{ sha256: s.evidence, fileName: 'x.pdf' }] }),
      expect: at({ default: 404, ...NO_SESSION, unitOfficer: 409, provinceOfficer: 403, provinceLeader: 403, teamLeader: 403 }),
      codes: { 409: 'REMEDIATION_VERSION_CONFLICT', 404: 'REMEDIATION_NOT_FOUND', 403: 'ROLE_NOT_ALLOWED' },
    },
    { name: 'POST /api/reform/remediation-tasks/:id/accept (stale version)', run: (cl) => cl.post(`${PR}/remediation-tasks/${s.task.id}/accept`, { version: s.task.version + 5 }), expect: TASK_DECIDE, codes: { 409: 'REMEDIATION_VERSION_CONFLICT', 404: 'REMEDIATION_NOT_FOUND', 403: 'ROLE_NOT_ALLOWED' } },
    { name: 'POST /api/reform/remediation-tasks/:id/return (stale version)', run: (cl) => cl.post(`${PR}/remediation-tasks/${s.task.id}/return`, { version: s.task.version + 5, comment: 'Chưa đủ' }), expect: TASK_DECIDE, codes: { 409: 'REMEDIATION_VERSION_CONFLICT', 404: 'REMEDIATION_NOT_FOUND', 403: 'ROLE_NOT_ALLOWED' } },
  ];

  for (const row of IROWS) {
    describe(row.name, () => {
      for (const caller of RC) {
        const status = row.expect[caller];
        it(`${caller} → ${status}`, async () => {
          const r = await row.run(rc[caller]);
          expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(status);
          if (status >= 400) {
            expect(r.body.error.code).toBe(row.codes?.[status] ?? (status === 401 ? 'UNAUTHENTICATED' : r.body.error.code));
            expect(r.body.error.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưýỳ]/i);
          }
        });
      }
    });
  }

  it('lists hold only what each caller may see; nothing moved under the stale writes', async () => {
    const ids = async (cl: ApiClient) => ((await cl.get(`${PR}/inspection-visits?year=2026`)).body.items as { id: string }[]).map((v) => v.id);
    const mine = [s.vPlanned.id, s.vLive.id, s.vDone];
    expect(await ids(rc.teamMember)).toEqual(expect.arrayContaining(mine));
    expect(await ids(rc.provinceLeader)).toEqual(expect.arrayContaining(mine));
    for (const v of mine) expect(await ids(rc.otherTeam)).not.toContain(v);
    expect((await ids(rc.unitOfficer)).filter((v) => mine.includes(v))).toEqual([s.vDone]);
    expect((await ids(rc.otherUnit)).filter((v) => mine.includes(v))).toEqual([]);
    const plans = async (cl: ApiClient) => ((await cl.get(`${PR}/inspection-plans?year=2026`)).body.items as { id: string }[]).map((p) => p.id);
    expect(await plans(rc.teamMember)).toContain(s.planA);
    expect(await plans(rc.otherTeam)).not.toContain(s.planA);
    expect(await plans(rc.otherUnit)).not.toContain(s.planA);
    const tasks = async (cl: ApiClient) => ((await cl.get(`${PR}/remediation-tasks`)).body.items as { id: string }[]).map((t) => t.id);
    expect(await tasks(rc.unitOfficer)).toContain(s.task.id);
    expect(await tasks(rc.teamLeader)).toContain(s.task.id);
    expect(await tasks(rc.otherUnit)).not.toContain(s.task.id);
    expect(await tasks(rc.teamMember)).not.toContain(s.task.id);
    const d = await rc.provinceOfficer.get(`${PR}/inspection-plans/${s.planD.id}`);
    expect(d.body).toMatchObject({ status: 'draft', version: s.planD.version, title: 'Kế hoạch dự thảo' });
    expect((await rc.teamLeader.get(`${PR}/inspection-visits/${s.vPlanned.id}`)).body).toMatchObject({ status: 'planned', version: s.vPlanned.version });
    expect((await rc.unitOfficer.get(`${PR}/remediation-tasks/${s.task.id}`)).body).toMatchObject({ status: 'reported', version: s.task.version });
  });

  it('the evidence and the photo come back with their type; another unit’s 404 equals an unknown task’s', async () => {
    const ev = await raw(rc.unitOfficer, `${PR}/remediation-tasks/${s.task.id}/evidence/${s.evidence}`);
    expect(ev.headers.get('content-type')).toBe('application/pdf');
    expect(ev.headers.get('content-disposition')).toContain('bao-cao-khac-phuc.pdf');
    expect(Buffer.from(await ev.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const img = await raw(rc.unitOfficer, s.photoDone);
    expect(img.headers.get('content-type')).toBe('image/png');
    const real = await rc.otherUnit.get(`${PR}/remediation-tasks/${s.task.id}`);
    const none = await rc.otherUnit.get(`${PR}/remediation-tasks/${crypto.randomUUID()}`);
    expect(real.body).toEqual(none.body);
    const v404 = await rc.otherTeam.get(`${PR}/inspection-visits/${s.vDone}`);
    expect(v404.body).toEqual((await rc.otherTeam.get(`${PR}/inspection-visits/${crypto.randomUUID()}`)).body);
  });
});
