/** Display helpers: Vietnam-time dates, money, file sizes, masking of ID numbers, procedure facts. */
import type { Lang, PortalKey } from '../core/i18n/portal.ts';
import type { ChannelSpec, TimeLimit } from '../core/catalog/types.ts';

const TZ = 'Asia/Ho_Chi_Minh';
const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export function fmtDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function fmtDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}

export function fmtMoney(amount: number, lang: Lang): string {
  const n = new Intl.NumberFormat('vi-VN').format(amount);
  return lang === 'vi' ? `${n} đồng` : `VND ${n}`;
}

export function fmtSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 052090001234 → 0520••••••34: ID numbers never appear in full outside the input field. */
export function maskId(id: string | null | undefined): string {
  const s = (id ?? '').replace(/\s/g, '');
  if (s.length <= 6) return s ? '•'.repeat(s.length) : '';
  return `${s.slice(0, 4)}${'•'.repeat(s.length - 6)}${s.slice(-2)}`;
}

/** 0905123456 → 0905•••456; a@b.vn → a•••@b.vn */
export function maskContact(c: string): string {
  if (c.includes('@')) {
    const [u = '', d = ''] = c.split('@');
    return `${u.slice(0, 1)}•••@${d}`;
  }
  return c.length > 7 ? `${c.slice(0, 4)}•••${c.slice(-3)}` : c;
}

type T = (key: PortalKey, params?: Record<string, unknown>) => string;

export function fmtLimit(limit: TimeLimit | null, t: T): string {
  if (!limit) return t('unit.none');
  if (limit.unit === 'same_day') return t('unit.same_day');
  return t(`unit.${limit.unit}`, { n: limit.amount });
}

export function channelFeeTotal(c: ChannelSpec): number {
  return c.fees.reduce((s, f) => s + (f.amountVnd || 0), 0);
}

/** The fastest channel's time and the lowest fee, for the summary card. */
export function summarise(channels: ChannelSpec[]): { limit: TimeLimit | null; minFee: number; maxFee: number; online: ChannelSpec | undefined } {
  const online = channels.find((c) => c.channel === 'online');
  const main = online ?? channels[0];
  const fees = channels.map(channelFeeTotal);
  return { limit: main?.limit ?? null, minFee: fees.length ? Math.min(...fees) : 0, maxFee: fees.length ? Math.max(...fees) : 0, online };
}

export function levelKey(l: string): PortalKey {
  return l === 'commune' || l === 'province' || l === 'ministry' ? `level.${l}` : 'level.other';
}

export function onlineKey(l: string): PortalKey {
  return l === 'full' || l === 'partial' ? `online.${l}` : 'online.none';
}

/** Splits source text ("- a\n- b", "* Bước 1: …") into lines without the list markers. */
export function lines(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function stripBullet(s: string): string {
  return s.replace(/^[-–•+]\s*/, '').trim();
}

export function randomKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
