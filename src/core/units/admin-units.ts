/**
 * Administrative units from data/seed/admin-units-2025.json (34 provinces and 3,321 communes in force from
 * 1 July 2025, each with the pre-merger units it was formed from). Pure: takes already-parsed JSON.
 *
 * Identity is the `key`, never the code: new units reuse old codes (new 'Phường Ba Đình' 00004 vs the old
 * 'Phường Trúc Bạch' 00004; province 01 Hà Nội before and after 1/7/2025 are two units).
 *   P<code>   province from 2025-07-01        (P01, P52)
 *   C<code>   commune from 2025-07-01         (C00004, C27301)
 *   LP-<code> pre-merger province, to 2025-06-30
 *   L-<code>  pre-merger commune (xã/phường/thị trấn), to 2025-06-30
 *   LD-<code> pre-merger district-level island (huyện without communes: Bạch Long Vĩ 318, Cồn Cỏ 471,
 *             Hoàng Sa 498, Lý Sơn 536, Côn Đảo 755), which became special zones (đặc khu), to 2025-06-30
 *
 * Decisions:
 * - Legacy units get validFrom null (their start is not in the source) and validTo '2025-06-30' (the day
 *   before `effectiveFrom`).
 * - parentKey of a legacy commune: the legacy province when the new province was formed from exactly one
 *   old province (e.g. Hà Nội, Cao Bằng); otherwise null — the source does not say which of the merged
 *   provinces (or which district) an old commune belonged to. Legacy provinces have no parent.
 * - A legacy commune split between several new communes (whole: false) is one unit with several merge rows.
 * - kind comes from the name prefix (case/diacritic-insensitive); 'thi_tran' and 'huyen' exist only for
 *   legacy units. An unrecognised prefix is an AdminUnitsParseError.
 */
import { cleanText, foldVietnamese } from '../text/fold.ts';

export type UnitLevel = 'province' | 'commune' | 'legacy_commune' | 'legacy_province' | 'legacy_district';
export type UnitKind = 'thanh_pho' | 'tinh' | 'phuong' | 'xa' | 'dac_khu' | 'thi_tran' | 'huyen';

export interface UnitSeed {
  key: string;
  code: string;
  name: string;
  level: UnitLevel;
  kind: UnitKind;
  parentKey: string | null;
  /** YYYY-MM-DD or null (unknown start). */
  validFrom: string | null;
  /** YYYY-MM-DD inclusive, or null (still valid). */
  validTo: string | null;
}

export interface UnitMerge {
  fromCode: string;
  fromName: string;
  toCode: string;
  /** The whole old unit went into the new one (false: split between several new units). Provinces: true. */
  whole: boolean;
  fromKey: string;
  toKey: string;
  level: 'province' | 'commune';
}

export interface AdminUnits2025 {
  effectiveFrom: string;
  units: UnitSeed[];
  merges: UnitMerge[];
}

export class AdminUnitsParseError extends Error {
  override readonly name = 'AdminUnitsParseError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

const KINDS: readonly [string, UnitKind][] = [
  ['thanh pho ', 'thanh_pho'],
  ['tinh ', 'tinh'],
  ['phuong ', 'phuong'],
  ['xa ', 'xa'],
  ['dac khu ', 'dac_khu'],
  ['thi tran ', 'thi_tran'],
  ['huyen ', 'huyen'],
];

export function unitKindFromName(name: string): UnitKind | null {
  const folded = `${foldVietnamese(name)} `;
  for (const [prefix, kind] of KINDS) if (folded.startsWith(prefix)) return kind;
  return null;
}

/** Key helpers (exported so other modules never build keys by hand). */
export const unitKey = {
  province: (code: string) => `P${code}`,
  commune: (code: string) => `C${code}`,
  legacyProvince: (code: string) => `LP-${code}`,
  legacyCommune: (code: string) => `L-${code}`,
  legacyDistrict: (code: string) => `LD-${code}`,
};

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function parseAdminUnits2025(json: unknown): AdminUnits2025 {
  const root = asObject(json, '');
  const effectiveFrom = asString(root.effectiveFrom, 'effectiveFrom');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) throw new AdminUnitsParseError('effectiveFrom', `expected YYYY-MM-DD, got ${effectiveFrom}`);
  const legacyTo = dayBefore(effectiveFrom);
  const provinces = asArray(root.provinces, 'provinces');

  const units: UnitSeed[] = [];
  const merges: UnitMerge[] = [];
  const keys = new Map<string, UnitSeed>();

  const add = (u: UnitSeed, path: string): void => {
    const existing = keys.get(u.key);
    if (existing) {
      // A legacy unit split across several new units appears several times: same name required.
      if (foldVietnamese(existing.name) !== foldVietnamese(u.name)) {
        throw new AdminUnitsParseError(path, `${u.key} named both "${existing.name}" and "${u.name}"`);
      }
      return;
    }
    keys.set(u.key, u);
    units.push(u);
  };

  provinces.forEach((p, pi) => {
    const pPath = `provinces[${pi}]`;
    const po = asObject(p, pPath);
    const pCode = asCode(po.code, `${pPath}.code`);
    const pName = asString(po.name, `${pPath}.name`);
    const pKey = unitKey.province(pCode);
    if (keys.has(pKey)) throw new AdminUnitsParseError(`${pPath}.code`, `duplicate province ${pCode}`);
    add({ key: pKey, code: pCode, name: pName, level: 'province', kind: kindOf(pName, `${pPath}.name`), parentKey: null, validFrom: effectiveFrom, validTo: null }, pPath);

    const oldProvinces = asArray(po.mergedFrom ?? [], `${pPath}.mergedFrom`);
    const oldProvinceKeys: string[] = [];
    oldProvinces.forEach((m, mi) => {
      const mPath = `${pPath}.mergedFrom[${mi}]`;
      const mo = asObject(m, mPath);
      const code = asCode(mo.code, `${mPath}.code`);
      const name = asString(mo.name, `${mPath}.name`);
      const key = unitKey.legacyProvince(code);
      oldProvinceKeys.push(key);
      add({ key, code, name, level: 'legacy_province', kind: kindOf(name, `${mPath}.name`), parentKey: null, validFrom: null, validTo: legacyTo }, mPath);
      merges.push({ fromCode: code, fromName: name, toCode: pCode, whole: mo.whole === undefined ? true : asBool(mo.whole, `${mPath}.whole`), fromKey: key, toKey: pKey, level: 'province' });
    });
    const legacyParent = oldProvinceKeys.length === 1 ? (oldProvinceKeys[0] ?? null) : null;

    asArray(po.communes, `${pPath}.communes`).forEach((c, ci) => {
      const cPath = `${pPath}.communes[${ci}]`;
      const co = asObject(c, cPath);
      const cCode = asCode(co.code, `${cPath}.code`);
      const cName = asString(co.name, `${cPath}.name`);
      const cKey = unitKey.commune(cCode);
      if (keys.has(cKey)) throw new AdminUnitsParseError(`${cPath}.code`, `duplicate commune ${cCode}`);
      add({ key: cKey, code: cCode, name: cName, level: 'commune', kind: kindOf(cName, `${cPath}.name`), parentKey: pKey, validFrom: effectiveFrom, validTo: null }, cPath);

      asArray(co.mergedFrom ?? [], `${cPath}.mergedFrom`).forEach((m, mi) => {
        const mPath = `${cPath}.mergedFrom[${mi}]`;
        const mo = asObject(m, mPath);
        const code = asCode(mo.code, `${mPath}.code`);
        const name = asString(mo.name, `${mPath}.name`);
        const kind = kindOf(name, `${mPath}.name`);
        const isDistrict = kind === 'huyen';
        const key = isDistrict ? unitKey.legacyDistrict(code) : unitKey.legacyCommune(code);
        add({ key, code, name, level: isDistrict ? 'legacy_district' : 'legacy_commune', kind, parentKey: legacyParent, validFrom: null, validTo: legacyTo }, mPath);
        merges.push({ fromCode: code, fromName: name, toCode: cCode, whole: mo.whole === undefined ? true : asBool(mo.whole, `${mPath}.whole`), fromKey: key, toKey: cKey, level: 'commune' });
      });
    });
  });

  return { effectiveFrom, units, merges };
}

function kindOf(name: string, path: string): UnitKind {
  const kind = unitKindFromName(name);
  if (!kind) throw new AdminUnitsParseError(path, `cannot tell the unit kind from the name "${name}"`);
  return kind;
}

function asObject(v: unknown, path: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new AdminUnitsParseError(path || '<root>', 'expected an object');
  return v as Record<string, unknown>;
}

function asArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new AdminUnitsParseError(path, 'expected an array');
  return v;
}

function asString(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new AdminUnitsParseError(path, 'expected a non-empty string');
  return cleanText(v);
}

function asCode(v: unknown, path: string): string {
  const s = asString(v, path);
  if (!/^\d+$/.test(s)) throw new AdminUnitsParseError(path, `expected a numeric code, got "${s}"`);
  return s;
}

function asBool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new AdminUnitsParseError(path, 'expected a boolean');
  return v;
}
