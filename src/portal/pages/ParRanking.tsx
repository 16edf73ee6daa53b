/**
 * Chỉ số CCHC: the published PAR rankings (GET /api/public/par/…, no account): choose a round, read the ranking
 * with index, group and change against last year, and each area's points. Only published rounds exist here.
 */
import { useEffect, useState } from 'react';
import { request } from '../../client/http.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { useTitle } from '../useTitle.ts';

type RoundSummary = { id: string; title: string; year: number; publishedAt: string | null };
type Ranking = {
  round: RoundSummary;
  areas: { code: string; title: { vi: string; en?: string }; max: string }[];
  rows: { agency: { id: string; name: string }; rank: number | null; tied: boolean; group: string | null; points: string; max: string; index: string | null; change: string | null; areas: { code: string; points: string }[] }[];
};

export function ParRankingPage() {
  const { t, lang } = useLang();
  useTitle(t('par.title'));
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    request<{ items: RoundSummary[] }>('GET', '/public/par/rounds').then((r) => {
      setRounds(r.items);
      setSelected(r.items[0]?.id ?? null);
    }, setError);
  }, []);
  useEffect(() => {
    if (selected) request<Ranking>('GET', `/public/par/rounds/${selected}`).then(setRanking, setError);
  }, [selected]);
  if (error) return <ErrorBox error={error} />;
  if (!rounds) return <Loading />;
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return (
    <section className="card" data-testid="par-public">
      <h1>{t('par.title')}</h1>
      <p>{t('par.intro')}</p>
      {rounds.length === 0 && <p>{t('par.none')}</p>}
      {rounds.length > 1 && (
        <label>
          {t('par.round')}{' '}
          <select value={selected ?? ''} onChange={(e) => setSelected(e.target.value)}>
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
          </select>
        </label>
      )}
      {ranking && (
        <>
          <h2>{ranking.round.title}</h2>
          {ranking.round.publishedAt && <p className="hint">{t('par.published', { date: day(ranking.round.publishedAt) })}</p>}
          <div style={{ overflowX: 'auto' }}>
            <table data-testid="par-public-ranking">
              <thead>
                <tr>
                  <th scope="col">{t('par.rank')}</th>
                  <th scope="col">{t('par.unit')}</th>
                  <th scope="col">{t('par.index')}</th>
                  <th scope="col">{t('par.points')}</th>
                  <th scope="col">{t('par.group')}</th>
                  <th scope="col">{t('par.change')}</th>
                  {ranking.areas.map((a) => <th scope="col" key={a.code} title={lang === 'vi' ? a.title.vi : (a.title.en ?? a.title.vi)}>{a.code} ({a.max})</th>)}
                </tr>
              </thead>
              <tbody>
                {ranking.rows.map((r) => (
                  <tr key={r.agency.id}>
                    <td>{r.rank}{r.tied ? '=' : ''}</td>
                    <th scope="row">{r.agency.name}</th>
                    <td>{r.index ?? '—'}</td>
                    <td>{r.points}/{r.max}</td>
                    <td>{r.group ?? '—'}</td>
                    <td>{r.change ? (r.change.startsWith('-') ? r.change : `+${r.change}`) : '—'}</td>
                    {r.areas.map((a) => <td key={a.code}>{a.points}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
