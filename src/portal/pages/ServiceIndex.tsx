/**
 * Chỉ số phục vụ người dân, doanh nghiệp (Decision 766): the published service index of any unit for a month, a
 * quarter or a year (GET /api/public/index) — total, rating, the groups as CSS bars, every indicator with its
 * rate and points, the months of the year as a small SVG chart — and the rankings of the unit's children
 * (GET /api/public/rankings). Public: no dossier lists. The choice lives in the URL (?don-vi=<agency code>&ky=
 * thang|quy|nam&nam=2026&so=3) so a page can be shared. Loaded on demand (App.tsx); no chart library.
 */
import './service-index.css';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Lang, PortalKey } from '../../core/i18n/portal.ts';
import type { IndexDashboard, Rankings, TrendPoint } from '../../core/service-index/dashboard.ts';
import type { GroupScore, IndicatorScore } from '../../core/service-index/score.ts';
import { frameGroup, frameIndex } from '../../core/service-index/framing.ts';
import { request } from '../../client/http.ts';
import { allPages } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';

interface IndexAgency {
  id: string;
  code: string;
  name: string;
  level: string;
  parentId: string | null;
}

type Kind = 'month' | 'quarter' | 'year';
const KIND_PARAM: Record<Kind, string> = { month: 'thang', quarter: 'quy', year: 'nam' };
const KIND_OF: Record<string, Kind> = { thang: 'month', quy: 'quarter', nam: 'year' };
const FIRST_YEAR = 2022; // the index exists since Decision 766 (June 2022)

const indexApi = {
  agencies: () =>
    allPages(async (after) => {
      const r = await request<{ agencies: IndexAgency[]; next: string | null }>('GET', '/public/index/agencies', { query: { limit: 100, ...(after ? { after } : {}) } });
      return { items: r.agencies, next: r.next };
    }),
  dashboard: (q: Record<string, string | number>) => request<IndexDashboard>('GET', '/public/index', { query: q }),
  rankings: (q: Record<string, string | number>) => request<Rankings>('GET', '/public/rankings', { query: q }),
};

/** Today in Vietnam (the page's clock). */
function today(): { year: number; month: number } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date()).split('-');
  return { year: Number(y), month: Number(m) };
}

const nf = new Map<string, Intl.NumberFormat>();
function fmt(n: number, lang: Lang, digits = 2): string {
  const key = `${lang}${digits}`;
  let f = nf.get(key);
  if (!f) nf.set(key, (f = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits })));
  return f.format(n);
}
const fmtDay = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};
const pct = (score: number, max: number) => (max > 0 ? Math.max(0, Math.min(100, (score / max) * 100)) : 0);
const scores = (i: IndicatorScore) => i.status === 'scored' || i.status === 'empty_full' || i.status === 'empty_zero';

/** Agencies grouped by level, the top of the tree first, then by name. */
function byLevel(agencies: IndexAgency[]): { level: string; items: IndexAgency[] }[] {
  const ids = new Set(agencies.map((a) => a.id));
  const isRoot = (a: IndexAgency) => !a.parentId || !ids.has(a.parentId);
  const order = ['province', 'ministry', 'commune'];
  const rank = (level: string) => (order.includes(level) ? order.indexOf(level) : order.length);
  const levels = [...new Set(agencies.map((a) => a.level))].sort((a, b) => rank(a) - rank(b));
  return levels.map((level) => ({
    level,
    items: agencies.filter((a) => a.level === level).sort((a, b) => Number(isRoot(b)) - Number(isRoot(a)) || a.name.localeCompare(b.name, 'vi')),
  }));
}

function levelLabel(level: string): PortalKey {
  return level === 'province' || level === 'commune' || level === 'ministry' ? `idx.level.${level}` : 'idx.level.other';
}

function bandClass(code: string): string {
  return `idx-band idx-band-${/^[a-z]+$/.test(code) ? code : 'other'}`;
}

function Section({ title, children, testid }: { title: string; children: ReactNode; testid?: string }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-testid={testid}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Summary({ d }: { d: IndexDashboard }) {
  const { t, lang } = useLang();
  const r = d.result;
  const framed = frameIndex(r, lang);
  const prev = d.previous.result.total;
  const delta = Math.round((r.total - prev) * 100) / 100;
  const change = delta > 0 ? t('idx.up', { n: fmt(delta, lang) }) : delta < 0 ? t('idx.down', { n: fmt(-delta, lang) }) : t('idx.same');
  const id = useId();
  return (
    <section className="card idx-summary" aria-labelledby={id} data-testid="idx-summary">
      <h2 id={id} data-testid="idx-unit">
        {d.agency.name}
      </h2>
      <p className="hint">{t('idx.asOf', { period: d.period.label[lang], date: fmtDay(d.judgedOn) })}</p>
      <div className="idx-score">
        <p className="idx-total">
          <span className="idx-total-label">{t('idx.total')}</span>
          <span className="idx-total-value" data-testid="idx-total" data-headline={framed.headline}>
            {fmt(r.total, lang)}
          </span>
          <span className="idx-total-max">{t('idx.outOf', { max: fmt(framed.outOf, lang) })}</span>
        </p>
        <p className="idx-band-line">
          <span className="idx-total-label">{t('idx.band')}</span>
          <span className={bandClass(r.band.code)} data-testid="idx-band">
            {r.band.label[lang]}
          </span>
        </p>
      </div>
      {framed.scaledNote && (
        <p className="hint" data-testid="idx-scaled">
          {framed.scaledNote}
        </p>
      )}
      <p className="idx-prev">
        {t('idx.previous', { period: d.previous.period.label[lang], total: fmt(prev, lang) })} — {change}
      </p>
    </section>
  );
}

function Groups({ groups }: { groups: GroupScore[] }) {
  const { t, lang } = useLang();
  return (
    <Section title={t('idx.groups')} testid="idx-groups">
      <ul className="idx-groups">
        {groups.map((g) => (
          <li key={g.code} className="idx-group">
            <span className="idx-group-name">{g.name[lang]}</span>
            <span className="idx-group-score">{t('idx.groupScore', { score: fmt(g.score, lang), max: fmt(g.max, lang) })}</span>
            {g.applicableMax < g.max && <span className="idx-muted">{frameGroup(g, lang).note}</span>}
            <span className="idx-bar" aria-hidden="true">
              <span className="idx-bar-fill" style={{ width: `${pct(g.score, g.max)}%` }} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function IndicatorRow({ i }: { i: IndicatorScore }) {
  const { t, lang } = useLang();
  const status = i.status === 'scored' ? null : t(`idx.status.${i.status}`);
  return (
    <tr>
      <th scope="row">{i.name[lang]}</th>
      <td>
        {i.rate !== null ? <span className="idx-rate">{fmt(i.rate, lang)}%</span> : <span className="idx-muted">{status ?? '—'}</span>}
        {i.numerator !== null && i.denominator !== null && i.denominator > 0 && (
          <span className="idx-counts">{t('idx.counts', { n: fmt(i.numerator, lang, 0), d: fmt(i.denominator, lang, 0) })}</span>
        )}
      </td>
      <td className="idx-num">{scores(i) ? `${fmt(i.score, lang)} / ${fmt(i.max, lang)}` : '—'}</td>
    </tr>
  );
}

function Indicators({ groups }: { groups: GroupScore[] }) {
  const { t, lang } = useLang();
  return (
    <Section title={t('idx.indicators')}>
      {groups.map((g) => (
        <details key={g.code} className="idx-details">
          <summary>
            {g.name[lang]} <span className="idx-muted">({t('idx.groupScore', { score: fmt(g.score, lang), max: fmt(g.max, lang) })})</span>
          </summary>
          <table className="idx-table">
            <caption className="visually-hidden">{t('idx.indicatorsOf', { group: g.name[lang] })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('idx.col.indicator')}</th>
                <th scope="col">{t('idx.col.rate')}</th>
                <th scope="col" className="idx-num">
                  {t('idx.col.points')}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.indicators.map((i) => (
                <IndicatorRow key={i.code} i={i} />
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </Section>
  );
}

/** The months of the year as bars with their totals (an image with a text alternative listing the values). */
function Trend({ trend }: { trend: TrendPoint[] }) {
  const { t, lang } = useLang();
  const w = 36;
  const h = 120;
  const label = (p: TrendPoint) => t('idx.monthShort', { n: Number(p.period.from.slice(5, 7)) });
  const list = trend.map((p) => `${p.period.label[lang]}: ${fmt(p.total, lang)}`).join('; ');
  return (
    <Section title={t('idx.trend')}>
      <svg className="idx-trend" viewBox={`0 0 ${Math.max(trend.length, 6) * w} ${h + 34}`} role="img" aria-label={t('idx.trendLabel', { list })} preserveAspectRatio="xMinYMin meet">
        {trend.map((p, k) => {
          const bh = (Math.max(0, Math.min(100, p.total)) / 100) * h;
          return (
            <g key={p.period.from} transform={`translate(${k * w} 0)`}>
              <rect x={7} y={14 + h - bh} width={w - 14} height={bh} className="idx-trend-bar" />
              <text x={w / 2} y={10 + h - bh} textAnchor="middle" className="idx-trend-value">
                {fmt(p.total, lang, 1)}
              </text>
              <text x={w / 2} y={h + 30} textAnchor="middle" className="idx-trend-month">
                {label(p)}
              </text>
            </g>
          );
        })}
      </svg>
    </Section>
  );
}

function RankingsTable({ r, linkFor }: { r: Rankings; linkFor: (code: string) => string }) {
  const { t, lang } = useLang();
  return (
    <Section title={t('idx.rankings')} testid="idx-rankings">
      <p className="hint">{t('idx.rankingsOf', { unit: r.parent.name, period: r.period.label[lang] })}</p>
      {r.rows.length === 0 ? (
        <p data-testid="idx-no-children">{t('idx.noChildren')}</p>
      ) : (
        <>
          <table className="idx-table idx-rank-table" data-testid="idx-rankings-table">
            <caption className="visually-hidden">{t('idx.rankingsOf', { unit: r.parent.name, period: r.period.label[lang] })}</caption>
            <thead>
              <tr>
                <th scope="col" className="idx-num">
                  {t('idx.rank')}
                </th>
                <th scope="col">{t('idx.rankUnit')}</th>
                <th scope="col" className="idx-num">
                  {t('idx.rankTotal')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.rows.map((u) => (
                <tr key={u.agency.id} className={u.eligible ? undefined : 'idx-unranked'}>
                  <td className="idx-num">{u.rank ?? '—'}</td>
                  <th scope="row">
                    <Link to={linkFor(u.agency.code)} aria-label={t('idx.viewUnit', { unit: u.agency.name })}>
                      {u.agency.name}
                    </Link>
                    <span className="idx-counts">
                      {t('idx.rankReceived')}: {fmt(u.received, lang, 0)}
                      {!u.eligible && ` · ${t('idx.notRanked')}`}
                    </span>
                  </th>
                  <td className="idx-num">
                    <span className="idx-rate">{fmt(u.total, lang)}</span>
                    <span className={bandClass(u.band.code)}>{u.band.label[lang]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.minDossiers > 0 && <p className="hint">{t('idx.minDossiers', { n: fmt(r.minDossiers, lang, 0) })}</p>}
        </>
      )}
    </Section>
  );
}

export function ServiceIndexPage() {
  const { t, lang } = useLang();
  useTitle(t('idx.title'));
  const uid = useId();
  const [params, setParams] = useSearchParams();
  const now = useMemo(today, []);
  const [agencies, setAgencies] = useState<IndexAgency[] | null>(null);
  const [agErr, setAgErr] = useState<unknown>(null);
  const [agAttempt, setAgAttempt] = useState(0);
  const [dash, setDash] = useState<IndexDashboard | null>(null);
  const [rank, setRank] = useState<Rankings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [rankErr, setRankErr] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setAgErr(null);
    indexApi
      .agencies()
      .then((a) => live && setAgencies(a))
      .catch((e: unknown) => live && setAgErr(e));
    return () => {
      live = false;
    };
  }, [agAttempt]);

  // The choice, from the URL (defaults: the top of the tree, this year).
  const kind: Kind = KIND_OF[params.get('ky') ?? ''] ?? 'year';
  const yearParam = Number(params.get('nam'));
  const year = Number.isInteger(yearParam) && yearParam >= FIRST_YEAR && yearParam <= now.year ? yearParam : now.year;
  const lastIndex = kind === 'month' ? (year === now.year ? now.month : 12) : kind === 'quarter' ? (year === now.year ? Math.ceil(now.month / 3) : 4) : 0;
  const indexParam = Number(params.get('so'));
  const index = kind === 'year' ? 0 : Number.isInteger(indexParam) && indexParam >= 1 && indexParam <= lastIndex ? indexParam : lastIndex;
  const agency = useMemo(() => {
    if (!agencies || agencies.length === 0) return null;
    const ids = new Set(agencies.map((a) => a.id));
    return agencies.find((a) => a.code === params.get('don-vi')) ?? agencies.find((a) => !a.parentId || !ids.has(a.parentId)) ?? agencies[0]!;
  }, [agencies, params]);

  const search = (patch: Partial<{ code: string; kind: Kind; year: number; index: number }>) => {
    const k = patch.kind ?? kind;
    const q = new URLSearchParams();
    q.set('don-vi', patch.code ?? agency?.code ?? '');
    q.set('ky', KIND_PARAM[k]);
    q.set('nam', String(patch.year ?? year));
    const i = patch.index ?? (patch.kind && patch.kind !== kind ? undefined : index);
    if (k !== 'year' && i) q.set('so', String(i));
    return q;
  };
  const update = (patch: Parameters<typeof search>[0]) => setParams(search(patch), { replace: true });

  useEffect(() => {
    if (!agency) return;
    let live = true;
    const q: Record<string, string | number> = { agencyId: agency.id, period: kind, year };
    if (kind !== 'year') q.index = index;
    setBusy(true);
    setError(null);
    setRankErr(null);
    Promise.allSettled([indexApi.dashboard(q), indexApi.rankings(q)])
      .then(([d, r]) => {
        if (!live) return;
        if (d.status === 'fulfilled') setDash(d.value);
        else setError(d.reason);
        if (r.status === 'fulfilled') setRank(r.value);
        else {
          setRank(null);
          setRankErr(r.reason);
        }
      })
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [agency, kind, year, index, attempt]);

  const years = Array.from({ length: now.year - FIRST_YEAR + 1 }, (_, k) => now.year - k);
  const shown = dash && agency && dash.agency.id === agency.id ? dash : null;

  return (
    <>
      <h1>{t('idx.title')}</h1>
      <p className="lead">{t('idx.intro')}</p>
      {agErr !== null && <ErrorBox error={agErr} onRetry={() => setAgAttempt((n) => n + 1)} />}
      <form className="card idx-form" aria-labelledby={`${uid}-choose`} onSubmit={(e) => e.preventDefault()}>
        <h2 id={`${uid}-choose`} className="visually-hidden">
          {t('idx.choose')}
        </h2>
        <div className="field idx-field-unit">
          <label htmlFor={`${uid}-unit`}>{t('idx.unit')}</label>
          <select id={`${uid}-unit`} value={agency?.code ?? ''} onChange={(e) => update({ code: e.target.value })} disabled={!agencies || agencies.length === 0}>
            {!agencies && <option value="">{t('common.loading')}</option>}
            {agencies?.length === 0 && <option value="">{t('idx.noAgencies')}</option>}
            {agencies &&
              byLevel(agencies).map((g) => (
                <optgroup key={g.level} label={t(levelLabel(g.level))}>
                  {g.items.map((a) => (
                    <option key={a.id} value={a.code}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </div>
        <div className="idx-period">
          <div className="field">
            <label htmlFor={`${uid}-kind`}>{t('idx.periodKind')}</label>
            <select id={`${uid}-kind`} value={kind} onChange={(e) => update({ kind: e.target.value as Kind })}>
              <option value="month">{t('idx.kind.month')}</option>
              <option value="quarter">{t('idx.kind.quarter')}</option>
              <option value="year">{t('idx.kind.year')}</option>
            </select>
          </div>
          {kind !== 'year' && (
            <div className="field">
              <label htmlFor={`${uid}-index`}>{t(kind === 'month' ? 'idx.month' : 'idx.quarter')}</label>
              <select id={`${uid}-index`} value={index} onChange={(e) => update({ index: Number(e.target.value) })}>
                {Array.from({ length: lastIndex }, (_, k) => k + 1).map((n) => (
                  <option key={n} value={n}>
                    {t(kind === 'month' ? 'idx.monthN' : 'idx.quarterN', { n })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${uid}-year`}>{t('idx.year')}</label>
            <select id={`${uid}-year`} value={year} onChange={(e) => update({ year: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
      </form>
      <div aria-live="polite">
        {busy && <Loading />}
        {error !== null && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      </div>
      {shown && error === null && (
        <div aria-busy={busy || undefined} data-testid="idx-result">
          <Summary d={shown} />
          <Groups groups={shown.result.groups} />
          {shown.trend.length > 1 && <Trend trend={shown.trend} />}
          <Indicators groups={shown.result.groups} />
          {rank && rank.parent.id === shown.agency.id && <RankingsTable r={rank} linkFor={(code) => `?${search({ code }).toString()}`} />}
          {rankErr !== null && <ErrorBox error={rankErr} onRetry={() => setAttempt((n) => n + 1)} />}
        </div>
      )}
    </>
  );
}
