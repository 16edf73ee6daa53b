/**
 * TEST ONLY (imported by src/web/offline/*.test.ts, never by the product): a tiny in-memory stand-in for the
 * inspection sync endpoints of the contract (issue 9 §2), applying changes with the core merge rule. It lets the
 * tests cut the answer after the server acted (a lost response) to exercise replays.
 */
import { mergeItemChange, type ServerItem } from '../../core/reform/inspections/sync.ts';
import type { ItemResult, Visit, VisitPhoto } from '../pages/reform/inspections/api.ts';

export interface FakeServer {
  fetch: typeof fetch;
  visit: Visit;
  /** Server-side items by code. */
  items: Map<string, ServerItem & { updatedAt: string | null }>;
  applied: Map<string, Set<string>>;
  history: { code: string; clientChangeId: string }[];
  photos: Map<string, VisitPhoto>;
  uploads: number;
  /** The next `n` requests are handled, then the answer is lost (fetch rejects). */
  loseAnswers(n: number): void;
  /** While true every request fails as if the network were down. */
  offline: boolean;
  /** Another member edits an item (a new version on the server). */
  otherEdits(code: string, result: ItemResult | null, note: string): void;
  calls: string[];
}

export function makeVisit(id = 'v1', codes = ['1.1', '1.2', '2.1']): Visit {
  return {
    id,
    plan: { id: 'p1', title: 'Kế hoạch kiểm tra CCHC năm 2026', year: 2026 },
    agency: { id: 'a1', name: 'Ủy ban nhân dân Phường Pleiku', code: '000.01.00.H21' },
    status: 'in_progress',
    scheduledOn: '2026-05-12',
    surprise: false,
    startedAt: '2026-05-12T01:00:00.000Z',
    doneAt: null,
    version: 2,
    period: { from: '2026-01-01', to: '2026-04-30' },
    items: codes.map((code) => ({ code, group: 'Nhóm', title: `Mục ${code}`, guidance: '', figure: null, result: null, note: '', version: 0, updatedBy: null, updatedAt: null })),
    photos: [],
    summary: { total: codes.length, answered: 0, meets: 0, partly: 0, doesNotMeet: 0, notApplicable: 0, missing: codes, shortcomings: [], complete: false },
    documents: [],
    me: { role: 'leader' },
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function fakeServer(visit = makeVisit(), me = { id: 'u1', name: 'Nguyễn Văn Kiểm' }): FakeServer {
  const s: FakeServer = {
    visit,
    items: new Map(visit.items.map((i) => [i.code, { result: i.result, note: i.note, version: i.version, updatedBy: null, updatedAt: null }])),
    applied: new Map(),
    history: [],
    photos: new Map(),
    uploads: 0,
    offline: false,
    calls: [],
    loseAnswers: (n) => {
      lose = n;
    },
    otherEdits: (code, result, note) => {
      const it = s.items.get(code)!;
      s.items.set(code, { result, note, version: it.version + 1, updatedBy: 'u2', updatedAt: '2026-05-12T02:00:00.000Z' });
    },
    fetch: null as unknown as typeof fetch,
  };
  let lose = 0;
  const names: Record<string, string> = { u1: me.name, u2: 'Trần Thị Hai' };
  const who = (id: string | null) => (id ? { id, name: names[id] ?? id } : null);
  const itemOut = (code: string) => {
    const it = s.items.get(code)!;
    return { code, result: it.result, note: it.note, version: it.version, updatedBy: who(it.updatedBy), updatedAt: it.updatedAt };
  };
  const handle = async (url: string, init: RequestInit): Promise<Response> => {
    const path = url.replace(/^\/api\/reform\/inspection-visits\/[^/]+/, '');
    if (path === '/sync' && init.method === 'POST') {
      const { changes } = JSON.parse(String(init.body)) as { changes: { clientChangeId: string; itemCode: string; baseVersion: number; result: ItemResult | null; note: string }[] };
      const results = changes.map((c) => {
        const cur = s.items.get(c.itemCode)!;
        const seen = s.applied.get(c.itemCode) ?? new Set<string>();
        const out = mergeItemChange(cur, { ...c, itemId: c.itemCode, authorId: me.id }, seen);
        if (out.kind === 'applied') {
          s.items.set(c.itemCode, { ...out.item, updatedAt: '2026-05-12T03:00:00.000Z' });
          seen.add(c.clientChangeId);
          s.applied.set(c.itemCode, seen);
          s.history.push({ code: c.itemCode, clientChangeId: c.clientChangeId });
          return { clientChangeId: c.clientChangeId, outcome: 'applied', item: itemOut(c.itemCode) };
        }
        if (out.kind === 'unchanged') return { clientChangeId: c.clientChangeId, outcome: 'unchanged', reason: out.reason, item: itemOut(c.itemCode) };
        return { clientChangeId: c.clientChangeId, outcome: 'conflict', item: itemOut(c.itemCode), mine: { result: c.result, note: c.note } };
      });
      return json(200, { results });
    }
    if (path === '/photos' && init.method === 'POST') {
      const form = init.body as FormData;
      const id = String(form.get('clientPhotoId'));
      const file = form.get('file') as File;
      s.uploads++;
      const had = s.photos.get(id);
      if (had) return json(200, { photo: had });
      if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return json(422, { error: { code: 'PHOTO_TYPE', message: 'Ảnh phải là JPEG, PNG hoặc WebP.', messageEn: 'Photos must be JPEG, PNG or WebP.' } });
      const photo: VisitPhoto = { id: `ph${s.photos.size + 1}`, clientPhotoId: id, itemCode: String(form.get('itemCode')), fileName: file.name, contentType: file.type, size: file.size, takenAt: String(form.get('takenAt')), url: `/api/x/${id}` };
      s.photos.set(id, photo);
      return json(201, { photo });
    }
    if (path === '' && (init.method ?? 'GET') === 'GET') {
      return json(200, { ...s.visit, items: s.visit.items.map((i) => ({ ...i, ...itemOut(i.code) })), photos: [...s.photos.values()] });
    }
    return json(404, { error: { code: 'NOT_FOUND', message: 'Không tìm thấy.', messageEn: 'Not found.' } });
  };
  s.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    s.calls.push(`${init.method ?? 'GET'} ${url.replace(/^\/api\/reform\/inspection-visits\/[^/]+/, '')}`);
    if (s.offline) throw new TypeError('Failed to fetch');
    const res = await handle(url, init);
    if (lose > 0) {
      lose--;
      throw new TypeError('Failed to fetch');
    }
    return res;
  }) as typeof fetch;
  return s;
}
