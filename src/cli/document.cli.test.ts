/**
 * `motcua document render` as a user runs it (real processes): each built-in template and a spec file to PDF, the
 * boxes for signing as JSON, `pdf sign --at` the printed box (pdfsig: valid), and bad input as one line per problem
 * with exit 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDF } from '@libpdf/core';
import { afterAll, describe, expect, it } from 'vitest';
import { placementRect } from '../core/signing/appearance.ts';
import { ensureDemoPki } from '../server/platform/signing/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-doccli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const f = (n: string) => path.join(dir, n);

function motcua(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/motcua.js', ...args], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8', input });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe('motcua document render', () => {
  it('renders each built-in template to a PDF and says where the signature and copy boxes go', () => {
    // Two of the four (each process takes seconds to start); the io test renders all four.
    const outs: string[] = [];
    for (const t of ['cong-van', 'bao-cao']) {
      const r = motcua(['document', 'render', '--template', t, '--out', f(`${t}.pdf`)]);
      expect(r.code, r.err).toBe(0);
      expect(fs.readFileSync(f(`${t}.pdf`)).subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(r.out).toMatch(/— \d page\(s\) → /);
      expect(r.out).toMatch(/signature box: page \d, x [\d.]+ y [\d.]+ \(pt from the top left\), [\d.]+ × 84 pt/);
      expect(r.out).toContain('electronic-copy box: page 1, x 352.76 y 8.69');
      outs.push(r.out);
    }
    expect(outs[0]!.split('\n')[0]).toBe(`Công văn Số: 12/UBND-VP V/v tăng cường tiếp nhận, giải quyết hồ sơ thủ tục hành chính trực tuyến — 1 page(s) → ${f('cong-van.pdf')}`);
    expect(outs[1]!.split('\n')[0]).toMatch(/^Báo cáo Kết quả thực hiện công tác văn thư, lưu trữ năm 2026 — 1 page\(s\)/);
  });

  it('a spec file, unnumbered: --json gives the number line, the pages and the boxes', () => {
    const spec = JSON.parse(fs.readFileSync('data/document-templates/quyet-dinh.json', 'utf8'));
    fs.writeFileSync(f('spec.json'), JSON.stringify({ ...spec, number: null, date: '2026-03-05' }));
    const r = motcua(['document', 'render', '--in', f('spec.json'), '--out', f('qd.pdf'), '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file: f('qd.pdf'), numberLine: 'Số:      /QĐ-UBND', placeDate: 'Pleiku, ngày 05 tháng 3 năm 2026', copyArea: { page: 1, width: 200, height: 44 } });
    expect(j.signature).toMatchObject({ page: j.pages, height: 84 });
    // Standard input works too.
    expect(motcua(['document', 'render', '--in', '-', '--out', f('stdin.pdf')], JSON.stringify(spec)).code).toBe(0);
  });

  it('signs the rendered document in the box it printed: pdf sign --visible --at; pdfsig says valid', async () => {
    const m = ensureDemoPki(path.join(dir, 'pki'), new Date());
    const leader = m.signers.find((s) => s.id === 'pleiku.leader')!;
    const r = motcua(['document', 'render', '--template', 'quyet-dinh', '--out', f('qd-sign.pdf'), '--json']);
    expect(r.code, r.err).toBe(0);
    const box = JSON.parse(r.out).signature as { page: number; x: number; y: number; width: number; height: number };
    const at = [box.page, box.x, box.y, box.width, box.height].join(',');
    const s = motcua(['pdf', 'sign', '--in', f('qd-sign.pdf'), '--out', f('qd-signed.pdf'), '--p12', path.join(dir, 'pki', leader.p12), '--password', leader.password, '--visible', '--at', at]);
    expect(s.code, s.err).toBe(0);
    const sig = spawnSync('pdfsig', ['-nocert', f('qd-signed.pdf')], { encoding: 'utf8' }).stdout;
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    const pdf = await PDF.load(new Uint8Array(fs.readFileSync(f('qd-signed.pdf'))));
    const widget = pdf.getForm()!.getSignatureFields()[0]!.getWidgets()[0]!;
    expect(widget.rect.map((v) => Math.round(v * 100) / 100)).toEqual(placementRect(box, 595.28, 841.89));
    const bad = motcua(['pdf', 'sign', '--in', f('qd-sign.pdf'), '--out', f('x.pdf'), '--p12', path.join(dir, 'pki', leader.p12), '--password', leader.password, '--visible', '--at', '0,1,2']);
    expect(bad).toMatchObject({ code: 1, err: 'error: --at is page,x,y,width,height (page 1-based, first or last; points from the top left; width and height above 0), e.g. 1,295.51,680.13,257.25,84' });
  });

  it('bad input: one line per problem naming its field, exit 1, no file written', () => {
    const spec = JSON.parse(fs.readFileSync('data/document-templates/cong-van.json', 'utf8'));
    fs.writeFileSync(f('bad.json'), JSON.stringify({ ...spec, date: '2026-02-30', settings: { marginLeftMm: 25 }, signature: { title: 'Chủ tịch' } }));
    const r = motcua(['document', 'render', '--in', f('bad.json'), '--out', f('bad.pdf')]);
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      'error: date: YYYY-MM-DD (a real day, 1900–2100), or YYYY for a date left blank until signing',
      'error: signature.name: required',
      'error: settings.marginLeftMm: at least 30 (Decree 30/2020, Appendix I)',
    ]);
    expect(fs.existsSync(f('bad.pdf'))).toBe(false);
  });

  it('unreadable input and wrong arguments: a clear error line, exit 1', () => {
    fs.writeFileSync(f('notjson.json'), '{ kind: ');
    expect(motcua(['document', 'render', '--in', f('notjson.json'), '--out', f('y.pdf')]).err).toMatch(/^error: .*notjson\.json is not valid JSON/);
    expect(motcua(['document', 'render', '--in', f('missing.json'), '--out', f('y.pdf')]).err).toMatch(/^error: cannot read .*missing\.json/);
    expect(motcua(['document', 'render', '--out', f('y.pdf')])).toMatchObject({ code: 1, err: 'error: give either --in <spec.json> or --template <id>' });
    expect(motcua(['document', 'render', '--template', 'thu-moi', '--out', f('y.pdf')])).toMatchObject({ code: 1, err: 'error: unknown template thu-moi; one of cong-van, quyet-dinh, ke-hoach, bao-cao' });
  });
});
