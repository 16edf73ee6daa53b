/**
 * Demo data for `npm start`: the real 2025 administrative units, the real procedure records and catalog
 * index (data/seed, see data/seed/SOURCE.md), one real province (Gia Lai, code 52) with four of its real
 * wards, its provincial departments as agencies, published procedures with default workflows, and demo
 * staff accounts. Agency codes are constructed in the national format (the real codes are not in our data).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, inArray } from 'drizzle-orm';
import { seedDemoHistory } from './demo-history.ts';
import { toLocalDate } from '../../core/calendar/time.ts';
import { isOfficeTime, previousOfficeTime } from '../../core/calendar/deadline.ts';
import type { AppContext } from '../platform/context.ts';
import { unitMerges, units } from '../platform/db/schema.ts';
import { parseAdminUnits2025 } from '../../core/units/index.ts';
import { foldVietnamese } from '../../core/text/index.ts';
import { unreviewedLowFields, type ProcedureRecord } from '../../core/catalog/index.ts';
import { WARD_REVIEWS } from './ward-reviews.ts';
import type { Role } from '../../core/dossier/index.ts';
import { insertAgency } from '../modules/units/units.repository.ts';
import { insertPostalEvent } from '../modules/postal/postal.repository.ts';
import { layoutDocument } from '../../core/documents/layout.ts';
import { renderAdministrativeDocument } from '../platform/pdf/administrative-document.ts';

export const SEED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/seed');

const readJson = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(SEED_DIR, rel), 'utf8'));

export const DEMO_PROVINCE_CODE = '52'; // Tỉnh Gia Lai (merged with Bình Định on 1/7/2025)
export const DEMO_COMMUNES = [
  { code: '23575', agencyCode: '000.01.00.H21', slug: 'pleiku' },
  { code: '23563', agencyCode: '000.02.00.H21', slug: 'dienhong' },
  { code: '23586', agencyCode: '000.03.00.H21', slug: 'hoiphu' },
  { code: '21583', agencyCode: '000.04.00.H21', slug: 'quynhon' },
] as const;

/** Provincial bodies, keyed by the ministry whose procedures they receive. */
export const DEMO_DEPARTMENTS = [
  { slug: 'sonnmt', code: '000.00.10.H21', name: 'Sở Nông nghiệp và Môi trường tỉnh Gia Lai', ministry: 'Bộ Nông nghiệp và Môi trường' },
  { slug: 'congan', code: '000.00.20.H21', name: 'Công an tỉnh Gia Lai', ministry: 'Bộ Công an' },
  { slug: 'sogddt', code: '000.00.11.H21', name: 'Sở Giáo dục và Đào tạo tỉnh Gia Lai', ministry: 'Bộ Giáo dục và Đào tạo' },
  { slug: 'sodttg', code: '000.00.12.H21', name: 'Sở Dân tộc và Tôn giáo tỉnh Gia Lai', ministry: 'Bộ Dân tộc và Tôn giáo' },
  { slug: 'sokhcn', code: '000.00.13.H21', name: 'Sở Khoa học và Công nghệ tỉnh Gia Lai', ministry: 'Bộ Khoa học và Công nghệ' },
  { slug: 'sotp', code: '000.00.14.H21', name: 'Sở Tư pháp tỉnh Gia Lai', ministry: 'Bộ Tư pháp' },
  // The Department of Home Affairs: the province's standing body for administrative reform, which receives the
  // units' periodic reform reports.
  { slug: 'sonv', code: '000.00.09.H21', name: 'Sở Nội vụ tỉnh Gia Lai', ministry: 'Bộ Nội vụ' },
] as const;

export interface DemoAccount {
  username: string;
  role: Role;
  agency: string;
}

export interface DemoSummary {
  password: string;
  accounts: DemoAccount[];
  units: number;
  procedures: number;
  publications: number;
  dossiers: number;
}

export function listSeedRecordFiles(): string[] {
  return fs
    .readdirSync(path.join(SEED_DIR, 'national-procedures'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => `national-procedures/${f}`);
}

/** Imports the 2025 administrative units and their merge history (idempotent: skipped when present). */
export async function seedUnits(ctx: AppContext): Promise<number> {
  const [{ n }] = (await ctx.db.select({ n: count() }).from(units)) as [{ n: number }];
  if (Number(n) > 0) return Number(n);
  const parsed = parseAdminUnits2025(readJson('admin-units-2025.json'));
  const ids = new Map<string, string>();
  for (const u of parsed.units) ids.set(u.key, crypto.randomUUID());
  const rows = parsed.units.map((u) => ({
    id: ids.get(u.key)!,
    key: u.key,
    code: u.code,
    name: u.name,
    nameFolded: foldVietnamese(u.name),
    level: u.level,
    kind: u.kind,
    parentId: u.parentKey ? (ids.get(u.parentKey) ?? null) : null,
    validFrom: u.validFrom,
    validTo: u.validTo,
  }));
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(units).values(rows.slice(i, i + 1000));
    const merges = parsed.merges
      .filter((m) => ids.has(m.fromKey) && ids.has(m.toKey))
      .map((m) => ({ fromUnitId: ids.get(m.fromKey)!, toUnitId: ids.get(m.toKey)!, whole: m.whole, effectiveFrom: parsed.effectiveFrom }));
    for (let i = 0; i < merges.length; i += 1000) await tx.insert(unitMerges).values(merges.slice(i, i + 1000)).onConflictDoNothing();
  });
  return rows.length;
}

/** Imports every structured record and the public-page index. */
export async function seedCatalog(ctx: AppContext): Promise<number> {
  const index = readJson('procedure-index-2026.json') as { procedures: unknown[] };
  const n = await ctx.services.catalog.importPublicIndex(index.procedures);
  const codes = await ctx.services.catalog.importNationalRecords(listSeedRecordFiles().map(readJson));
  return n + codes.length;
}

export async function isSeeded(ctx: AppContext): Promise<boolean> {
  const { agencies } = await import('../platform/db/schema.ts');
  const rows = await ctx.db.select({ id: agencies.id }).from(agencies).limit(1);
  return rows.length > 0;
}

/** Staff AuthInfo for seed actions taken through the services (the real path, attributed to a demo account). */
async function authOf(ctx: AppContext, username: string) {
  const { loadAssignments, findUserByUsername } = await import('../modules/staff/staff.repository.ts');
  const u = await findUserByUsername(ctx.db, username);
  if (!u) throw new Error(`seed: no account ${username}`);
  return { userId: u.id, username, fullName: u.fullName, assignments: await loadAssignments(ctx.db, u.id) };
}

/**
 * The demo ward's catalog: the reviews of ward-reviews.ts applied by the province admin (new versions), then
 * every commune-level procedure of the catalog that is publishable — structured, and no low-confidence field
 * left unreviewed — published by the ward. `importIndexCodes`: index entries to import first (the small
 * fixture of tests; the full seed has imported the whole index already). Returns the publications added.
 */
export async function seedWardCatalog(ctx: AppContext, agencyId: string, opts: { reviewer?: string; importIndexCodes?: readonly string[] } = {}): Promise<{ reviewed: string[]; published: number; waitingReview: number }> {
  const svc = ctx.services.catalog;
  if (opts.importIndexCodes) {
    const wanted = new Set(opts.importIndexCodes);
    const index = readJson('procedure-index-2026.json') as { procedures: { code: string }[] };
    await svc.importPublicIndex(index.procedures.filter((e) => wanted.has(e.code.trim())));
  }
  const reviewer = await authOf(ctx, opts.reviewer ?? 'tinh.quantri');
  const reviewed: string[] = [];
  const { findProcedureByCode, listPublications } = await import('../modules/catalog/catalog.repository.ts');
  for (const w of WARD_REVIEWS) {
    const p = await findProcedureByCode(ctx.db, w.code);
    if (!p || p.reviewState === 'reviewed') continue;
    await svc.review(reviewer, w.code, { version: p.version, corrections: w.corrections(p.record as ProcedureRecord), note: w.note });
    reviewed.push(w.code);
  }
  const { procedures } = await import('../platform/db/schema.ts');
  const { sql } = await import('drizzle-orm');
  const commune = await ctx.db
    .select({ code: procedures.code, record: procedures.record, structured: procedures.structured })
    .from(procedures)
    .where(sql`'commune' = any(${procedures.levels})`);
  const already = new Set((await listPublications(ctx.db, agencyId)).map((x) => x.procedure.code));
  let published = 0;
  let waitingReview = 0;
  for (const p of commune) {
    const r = p.record as ProcedureRecord;
    if (already.has(p.code) || !p.structured || r.channels.length === 0) continue;
    if (unreviewedLowFields(r).length > 0) {
      waitingReview++;
      continue;
    }
    await svc.publish(null, agencyId, p.code, r.publication?.decisionNo ?? null);
    published++;
  }
  return { reviewed, published, waitingReview };
}

export interface SeedOptions {
  password?: string;
  /** false: skip the 14,000 administrative units and the 2,642-entry index (fast test fixture). */
  full?: boolean;
  /** Demo dossiers in several states (default: with `full`). */
  dossiers?: boolean;
  /** About eleven months of handled dossiers and feedback for the dashboards (default: with `full`). */
  history?: boolean;
  /** Phường Pleiku publishes its whole commune-level catalog (default: with `full`; needs the index). */
  wardCatalog?: boolean;
  /** PAR index: last year's published round and this year's in progress (default: with `full`). */
  par?: boolean;
  /** Reform inspections: Sở Nội vụ's plan with one visit done (documents, remediation tasks) and one planned (default: with `full`). */
  inspections?: boolean;
  /** The document office: about four months of incoming and outgoing documents at Pleiku and Diên Hồng (default: with `full`). */
  documents?: boolean;
}

export async function seedDemo(ctx: AppContext, opts: SeedOptions = {}): Promise<DemoSummary | null> {
  await ctx.services.calendar.ensurePolicies();
  ctx.services.signatures.ensureDemoPki(); // the demo's test CA and signers in DATA_DIR/pki (first start only)
  if (await isSeeded(ctx)) return null;
  const password = opts.password ?? process.env.DEMO_PASSWORD ?? 'MotCua@2026';
  const full = opts.full ?? true;
  let unitCount = 0;
  let procCount = 0;
  if (full) {
    unitCount = await seedUnits(ctx);
    procCount = await seedCatalog(ctx);
  } else {
    procCount = (await ctx.services.catalog.importNationalRecords(listSeedRecordFiles().map(readJson))).length;
  }

  const unitRows = full
    ? await ctx.db
        .select()
        .from(units)
        .where(inArray(units.key, [`P${DEMO_PROVINCE_CODE}`, ...DEMO_COMMUNES.map((c) => `C${c.code}`)]))
    : [];
  const unitByKey = new Map(unitRows.map((u) => [u.key, u]));
  const province = unitByKey.get(`P${DEMO_PROVINCE_CODE}`) ?? { id: null, name: 'Tỉnh Gia Lai' };
  const communeNames: Record<string, string> = { '23575': 'Phường Pleiku', '23563': 'Phường Diên Hồng', '23586': 'Phường Hội Phú', '21583': 'Phường Quy Nhơn' };

  const root = await insertAgency(ctx.db, { code: '000.00.00.H21', name: `Ủy ban nhân dân ${province.name}`, kind: 'people_committee', level: 'province', unitId: province.id, parentId: null, validFrom: '2025-07-01', createdAt: ctx.now() });
  const centre = await insertAgency(ctx.db, { code: '000.00.01.H21', name: `Trung tâm Phục vụ hành chính công ${province.name.replace('Tỉnh', 'tỉnh')}`, kind: 'other', level: 'province', unitId: province.id, parentId: root.id, validFrom: '2025-07-01', createdAt: ctx.now() });
  const departments = new Map<string, Awaited<ReturnType<typeof insertAgency>>>();
  for (const d of DEMO_DEPARTMENTS) {
    departments.set(d.slug, await insertAgency(ctx.db, { code: d.code, name: d.name, kind: 'department', level: 'province', unitId: province.id, parentId: root.id, validFrom: '2025-07-01', reformStandingBody: d.slug === 'sonv', createdAt: ctx.now() }));
  }
  const communes = new Map<string, Awaited<ReturnType<typeof insertAgency>>>();
  for (const c of DEMO_COMMUNES) {
    const unit = unitByKey.get(`C${c.code}`) ?? { id: null, name: communeNames[c.code]! };
    communes.set(c.slug, await insertAgency(ctx.db, { code: c.agencyCode, name: `Ủy ban nhân dân ${unit.name}`, kind: 'people_committee', level: 'commune', unitId: unit.id, parentId: root.id, validFrom: '2025-07-01', createdAt: ctx.now() }));
  }

  await seedAgencyAccounts(ctx, [root, centre, ...departments.values(), ...communes.values()]);
  // Desk addresses (constructed for the demo: the People's Committee seat of each unit, no street invented).
  const { agencies: agencyTable } = await import('../platform/db/schema.ts');
  for (const a of [root, centre, ...departments.values(), ...communes.values()]) {
    const deskAddress = a === centre ? `${a.name}, ${province.name}` : `Bộ phận Một cửa, trụ sở ${a.name}`;
    await ctx.db.update(agencyTable).set({ deskAddress }).where(eq(agencyTable.id, a.id));
  }

  // Publication of the national records: commune-level ones by every demo commune; province-level ones by the
  // department of the issuing ministry (else the provincial public administration service centre). Phường
  // Pleiku also publishes the rest of its commune-level catalog (seedWardCatalog, below).
  const { procedures } = await import('../platform/db/schema.ts');
  const structured = await ctx.db.select().from(procedures).where(eq(procedures.source, 'national_record'));
  let publications = 0;
  for (const p of structured) {
    const r = p.record as ProcedureRecord;
    if (r.levels.includes('commune')) {
      for (const a of communes.values()) {
        await ctx.services.catalog.publish(null, a.id, r.code, r.publication?.decisionNo ?? null);
        publications++;
      }
    }
    if (r.levels.includes('province')) {
      const dept = DEMO_DEPARTMENTS.find((d) => d.ministry === r.ministry);
      const agency = dept ? departments.get(dept.slug)! : centre;
      await ctx.services.catalog.publish(null, agency.id, r.code, r.publication?.decisionNo ?? null);
      publications++;
    }
  }

  const accounts: DemoAccount[] = [];
  const staff = async (username: string, fullName: string, agency: { id: string; name: string }, roles: Role[]) => {
    await ctx.services.staff.create(null, { username, password, fullName, roles: roles.map((role) => ({ agencyId: agency.id, role })) });
    for (const role of roles) accounts.push({ username, role, agency: agency.name });
  };
  const pleiku = communes.get('pleiku')!;
  await staff('pleiku.motcua', 'Nguyễn Thị Hoa', pleiku, ['desk_officer']);
  await staff('pleiku.chuyenvien', 'Trần Văn Minh', pleiku, ['specialist']);
  await staff('pleiku.lanhdao', 'Lê Quang Hưng', pleiku, ['leader']);
  await staff('pleiku.quantri', 'Phạm Thu Trang', pleiku, ['unit_admin']);
  await staff('dienhong.motcua', 'Võ Thị Lan', communes.get('dienhong')!, ['desk_officer']);
  await staff('dienhong.chuyenvien', 'Rơ Mah Hiền', communes.get('dienhong')!, ['specialist']);
  await staff('dienhong.lanhdao', 'Siu Thanh', communes.get('dienhong')!, ['leader']);
  const sonnmt = departments.get('sonnmt')!;
  await staff('sonnmt.motcua', 'Đặng Thị Mai', sonnmt, ['desk_officer']);
  await staff('sonnmt.chuyenvien', 'Bùi Văn Nam', sonnmt, ['specialist']);
  await staff('sonnmt.lanhdao', 'Hoàng Minh Tuấn', sonnmt, ['leader']);
  await staff('sonnmt.quantri', 'Ngô Thanh Hà', sonnmt, ['unit_admin']);
  await staff('tinh.quantri', 'Đỗ Văn Khánh', root, ['province_admin']);
  await staff('tinh.caicach', 'Lý Thị Ngọc', root, ['reform_officer']);
  await staff('tinh.thanhtra', 'Trịnh Công Sơn', root, ['inspector']);
  const sonv = departments.get('sonv')!;
  await staff('sonv.lanhdao', 'Phan Thị Thu Hằng', sonv, ['leader']);
  await staff('sonv.quantri', 'Nguyễn Hữu Phước', sonv, ['unit_admin']);

  let wardPublications = 0;
  if (opts.wardCatalog ?? full) wardPublications = (await seedWardCatalog(ctx, pleiku.id)).published;
  publications += wardPublications;

  let dossiers = (opts.dossiers ?? full) ? await seedDemoDossiers(ctx, pleiku.id) : 0;
  if (opts.history ?? full) {
    // About eleven months of activity before today, for the service-index dashboards.
    const now = ctx.now();
    const from = `${toLocalDate(new Date(now.getTime() - 330 * 86_400_000)).slice(0, 8)}01`;
    const h = await seedDemoHistory(ctx, {
      from,
      until: now,
      units: [
        { agencyCode: pleiku.code, desk: 'pleiku.motcua', specialist: 'pleiku.chuyenvien', leader: 'pleiku.lanhdao', perMonth: 12, lateShare: 0.08 },
        { agencyCode: communes.get('dienhong')!.code, desk: 'dienhong.motcua', specialist: 'dienhong.chuyenvien', leader: 'dienhong.lanhdao', perMonth: 8, lateShare: 0.2 },
        { agencyCode: sonnmt.code, desk: 'sonnmt.motcua', specialist: 'sonnmt.chuyenvien', leader: 'sonnmt.lanhdao', perMonth: 6, lateShare: 0.12 },
      ],
    });
    dossiers += h.dossiers;
  }
  if (opts.par ?? full) await (await import('./demo-par.ts')).seedDemoPar(ctx);
  if (opts.inspections ?? full) await (await import('./demo-inspections.ts')).seedDemoInspections(ctx);
  if (opts.documents ?? full) {
    const now = ctx.now();
    await (await import('./demo-documents.ts')).seedDemoDocuments(ctx, { from: new Date(now.getTime() - 120 * 86_400_000), until: now });
  }
  return { password, accounts, units: unitCount, procedures: procCount, publications, dossiers };
}

/**
 * Collection accounts for online payment (VietQR). Constructed for the demo: BIN 970405 (Agribank, a bank
 * public bodies commonly collect through) and an account number derived from the agency code.
 */
export async function seedAgencyAccounts(ctx: AppContext, list: { id: string; code: string; name: string }[]): Promise<void> {
  const { agencyAccounts } = await import('../platform/db/schema.ts');
  if (list.length === 0) return;
  await ctx.db
    .insert(agencyAccounts)
    .values(list.map((a) => ({ agencyId: a.id, bankBin: '970405', bankName: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam (Agribank)', accountNumber: `52${a.code.replace(/\D/g, '').padStart(11, '0')}`, accountName: foldVietnamese(a.name).toUpperCase().slice(0, 50), updatedAt: ctx.now() })))
    .onConflictDoNothing();
}

/** A handful of Pleiku dossiers in different states, made through the real intake and action path. */
async function seedDemoDossiers(ctx: AppContext, agencyId: string): Promise<number> {
  const desk = await authOf(ctx, 'pleiku.motcua');
  const specialist = await authOf(ctx, 'pleiku.chuyenvien');
  const leader = await authOf(ctx, 'pleiku.lanhdao');
  const svc = ctx.services.dossiers;
  // The handful happens in office hours: started outside them (an evening `npm start`), it is recorded as done just
  // before the last office-hours block closed, the clock still moving.
  const realNow = ctx.now;
  const start = realNow();
  const cal = await ctx.services.calendar.calendar();
  const offset = isOfficeTime(start, cal) ? 0 : previousOfficeTime(start, cal).getTime() - start.getTime() - 10 * 60_000;
  ctx.now = () => new Date(realNow().getTime() + offset);
  try {
    return await seedDemoDossiersNow(ctx, svc, desk, specialist, leader, agencyId);
  } finally {
    ctx.now = realNow;
  }
}
type Staff = Awaited<ReturnType<typeof authOf>>;

async function seedDemoDossiersNow(ctx: AppContext, svc: AppContext['services']['dossiers'], desk: Staff, specialist: Staff, leader: Staff, agencyId: string): Promise<number> {
  const people = [
    { fullName: 'Nguyễn Văn An', idNumber: '052090001234', phone: '0905123456', address: 'Tổ 3, phường Pleiku, tỉnh Gia Lai' },
    { fullName: 'Trần Thị Bình', idNumber: '052190004321', phone: '0912345678' },
    { fullName: 'Lê Văn Cường', idNumber: '064085007777', phone: '0935111222' },
    { fullName: 'Phạm Thị Dung', idNumber: '064192003456', phone: '0987654321' },
    { fullName: 'Hoàng Văn Em', idNumber: '052088009999' },
    { fullName: 'Võ Thị Giang', idNumber: '064095001111', phone: '0977000111' },
  ];
  // [procedure, channel, the actions to take after intake]
  const plan: [string, 'desk' | 'online' | 'postal', string[]][] = [
    ['1.010038', 'desk', []],
    ['1.010038', 'desk', ['forward']],
    ['1.001612', 'desk', ['forward', 'assign']],
    ['1.008004', 'desk', ['forward', 'assign', 'start_processing']],
    ['1.010038', 'desk', ['forward', 'assign', 'start_processing', 'request_supplement']],
    ['1.014336', 'desk', ['forward', 'assign', 'start_processing', 'propose']],
    ['1.008004', 'postal', ['forward', 'assign', 'start_processing', 'propose', 'approve', 'mark_result_ready']],
    ['1.010039', 'online', ['forward', 'assign', 'start_processing', 'propose', 'approve', 'mark_result_ready', 'return_result']],
    // Received at the desk, the result sent by post: its parcel number shows on the tracking page.
    ['1.014336', 'desk', ['forward', 'assign', 'start_processing', 'propose', 'approve', 'mark_result_ready', 'return_result']],
  ];
  const POSTAL = new Set([8]);
  const actorFor: Record<string, typeof desk> = { forward: desk, assign: leader, start_processing: specialist, request_supplement: specialist, propose: specialist, approve: leader, mark_result_ready: specialist, return_result: desk };
  const inputFor = (a: string, channel: string): Record<string, unknown> =>
    a === 'assign' ? { assigneeId: specialist.userId }
      : a === 'request_supplement' ? { missingItems: ['Bản sao giấy tờ chứng minh chỗ ở hợp pháp'] }
        : a === 'mark_result_ready' ? { paperResult: true }
          : a === 'return_result' ? (channel === 'online' ? { returnMethod: 'desk', collectedBy: 'Võ Thị Giang' } : { returnMethod: 'desk', collectedBy: 'Người nộp' })
            : {};
  const postalReturn = (address: string) => ({ returnMethod: 'postal', trackingNumber: 'EL123456785VN', postalAddress: address });
  let n = 0;
  for (const [i, [code, channel, actions]] of plan.entries()) {
    const postal = POSTAL.has(i);
    const applicant = postal ? people[0]! : people[i % people.length]!;
    const body = { agencyId, procedureCode: code, channel, action: channel === 'online' ? ('submit_online' as const) : ('receive' as const), applicant, resultMethod: postal ? ('postal' as const) : ('desk' as const), eidAuthenticated: channel === 'online', documents: [], fees: [], input: {} };
    let { dossier } = await svc.create(desk, body, null);
    if (channel === 'online') dossier = await svc.act(desk, dossier.id, { action: 'receive', version: dossier.version, input: {}, documents: [] });
    for (const a of actions) {
      if (a === 'mark_result_ready' && channel === 'online') {
        // The electronic result: a notice in the Decree 30 format, sealed by the ward when attached (PAdES).
        const result = await demoResultPdf(ctx, dossier.code ?? '', applicant.fullName);
        dossier = await svc.act(specialist, dossier.id, { action: 'attach_result', version: dossier.version, input: {}, documents: [{ kind: 'result', componentCode: null, componentName: 'Thông báo kết quả', sha256: result, fileName: 'thong-bao-ket-qua.pdf', digitised: false, reused: false, fromCitizenStore: false }] });
      }
      const input = postal && a === 'return_result' ? postalReturn(applicant.address!) : inputFor(a, channel);
      dossier = await svc.act(actorFor[a]!, dossier.id, { action: a as never, version: dossier.version, input, documents: [] });
    }
    if (postal) {
      // The postal operator's notices for that parcel (in production they arrive signed at POST /api/postal/notices).
      const sent = ctx.now().getTime();
      for (const [status, hours, location] of [['accepted', 2, 'Bưu cục Pleiku'], ['out_for_delivery', 20, 'Bưu cục Pleiku'], ['delivered', 22, 'Tổ 3, phường Pleiku']] as const) {
        await insertPostalEvent(ctx.db, { trackingNumber: 'EL123456785VN', status, at: new Date(sent + hours * 3_600_000), location, receivedAt: new Date(sent + hours * 3_600_000 + 60_000), raw: { demo: true, status } });
      }
    }
    n++;
  }
  // One online submission still waiting for the desk's completeness check.
  await svc.create(desk, { agencyId, procedureCode: '1.010039', channel: 'online', action: 'submit_online', applicant: people[5]!, resultMethod: 'online', eidAuthenticated: true, documents: [], fees: [], input: {} }, null);
  return n + 1;
}

/** A result notice for a demo dossier (Decree 30 layout), stored as a file; answers its hash. */
async function demoResultPdf(ctx: AppContext, code: string, applicant: string): Promise<string> {
  const now = ctx.now();
  const r = layoutDocument({
    kind: 'notice',
    agency: { name: 'Ủy ban nhân dân phường Pleiku', abbreviation: 'UBND' },
    number: 31,
    place: 'Pleiku',
    date: toLocalDate(now),
    subject: `Kết quả giải quyết hồ sơ số ${code}`,
    body: [
      `Ủy ban nhân dân phường Pleiku đã giải quyết xong hồ sơ số ${code} của ông (bà) ${applicant}.`,
      'Kết quả được ký số bằng chữ ký số của cơ quan và có giá trị pháp lý như bản giấy. Ông (bà) có thể kiểm tra chữ ký số tại trang "Kiểm tra chữ ký số" của Cổng dịch vụ công.',
    ],
    signature: { authority: ['TM. Ủy ban nhân dân', 'KT. Chủ tịch'], title: 'Phó Chủ tịch', name: 'Nguyễn Văn Lãnh' },
    recipients: [`Ông (bà) ${applicant}`],
    archive: ['VT', 'VP'],
  });
  if (!r.ok) throw new Error(`demo result notice: ${r.problems.join('; ')}`);
  const pdf = await renderAdministrativeDocument(r.layout, { createdAt: now });
  const stored = await ctx.files.put(Buffer.from(pdf.pdf));
  await ctx.services.dossiers.registerFile(stored.sha256, stored.size, 'application/pdf');
  return stored.sha256;
}

export function formatDemoSummary(s: DemoSummary): string {
  const lines = [
    'Demo data loaded: ' + `${s.units} administrative units, ${s.procedures} catalog entries, ${s.publications} publications, ${s.dossiers} dossiers.`,
    `Demo staff accounts (password for all: ${s.password}):`,
    ...s.accounts.map((a) => `  ${a.username.padEnd(20)} ${a.role.padEnd(15)} ${a.agency}`),
  ];
  return lines.join('\n');
}
