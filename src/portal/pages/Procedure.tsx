/** A procedure as a citizen reads it: a summary card (time, fees, where, online level), then the details. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ChannelSpec, DossierComponent, ProcedureFee, ProcedureNote } from '../../core/catalog/types.ts';
import { cleanPageText } from '../../core/catalog/page-parser.ts';
import { api, type PublicProcedure } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useLang } from '../context.tsx';
import { channelFeeTotal, fmtLimit, fmtMoney, levelKey, lines, onlineKey, stripBullet, summarise } from '../format.ts';
import { useTitle } from '../useTitle.ts';

/**
 * Source text as paragraphs. Only a short label is bold — "Bước 1:", "a)", "* Lưu ý:" or a whole line of at
 * most 60 characters that is a heading — never a whole paragraph (the pages' steps are long lines that start
 * with such labels).
 */
export function Text({ text }: { text: string | null | undefined }) {
  const ls = lines(text);
  if (!ls.length) return null;
  return (
    <div className="prose">
      {ls.map((l, i) => {
        const clean = l.replace(/^\*\s*/, '');
        const label = /^(Bước\s*\d+[.:]?|[a-zđ]\)|\([ivx]+\)|[IVX]+\.)\s*/u.exec(clean);
        if (clean.length <= 60 && (l.startsWith('*') || /:$/.test(clean))) return <p key={i} className="prose-heading">{clean}</p>;
        if (label && label[0].length < clean.length)
          return (
            <p key={i}>
              <span className="prose-label">{label[0].trim()}</span> {clean.slice(label[0].length)}
            </p>
          );
        return <p key={i}>{clean}</p>;
      })}
    </div>
  );
}

/** A titled section; the details start folded so the page stays short on a phone (open = always shown). */
function Section({ id, title, children, folded = true }: { id: string; title: string; children: ReactNode; folded?: boolean }) {
  if (folded)
    return (
      <section className="section" aria-labelledby={id}>
        <details>
          <summary>
            <h2 id={id}>{title}</h2>
          </summary>
          <div className="details-body">{children}</div>
        </details>
      </section>
    );
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Components grouped by their case heading, in source order. */
export function groupComponents(cs: DossierComponent[]): { caseName: string | null; items: DossierComponent[] }[] {
  const out: { caseName: string | null; items: DossierComponent[] }[] = [];
  for (const c of cs) {
    const last = out.at(-1);
    if (last && last.caseName === c.caseName) last.items.push(c);
    else out.push({ caseName: c.caseName, items: [c] });
  }
  return out;
}

function Notes({ notes }: { notes: ProcedureNote[] }) {
  const { t } = useLang();
  if (notes.length === 0) return null;
  return (
    <details className="notes" data-testid="proc-notes">
      <summary>
        <h3>{t('proc.notes')}</h3>
      </summary>
      <ul className="bullets">
        {notes.map((n, i) => (
          <li key={i}>{stripBullet(n.text)}</li>
        ))}
      </ul>
    </details>
  );
}

function Components({ components, notes }: { components: DossierComponent[]; notes: ProcedureNote[] }) {
  const { t } = useLang();
  return (
    <>
      {groupComponents(components).map((g, gi) => (
        <div key={gi} className="component-group">
          {g.caseName && g.caseName !== '-' && <h3>{g.caseName.replace(/^\*\s*/, '')}</h3>}
          <ul className="components">
            {g.items.map((c, i) => (
              <li key={`${c.code ?? ''}-${i}`}>
                <p>{stripBullet(c.name)}</p>
                <p className="meta">
                  {(c.originalCount > 0 || c.copyCount > 0) && <span>{t('proc.counts', { orig: c.originalCount, copy: c.copyCount })}</span>}
                  {c.hasEForm && <span className="badge badge-full">{t('proc.eform')}</span>}
                </p>
                {c.forms.length > 0 && (
                  <ul className="forms">
                    {c.forms.map((f) =>
                      /^https?:\/\//.test(f.ref) ? (
                        <li key={f.ref}>
                          <a href={f.ref} download>
                            {t('proc.form', { name: f.fileName })}
                          </a>
                        </li>
                      ) : (
                        <li key={f.ref}>{t('proc.formAtDesk', { name: f.fileName })}</li>
                      ),
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <Notes notes={notes} />
    </>
  );
}

/** A fee line: its amount, or — for a 0 line whose text says the amount is set elsewhere — that text. */
function FeeLine({ f }: { f: ProcedureFee }) {
  const { t, lang } = useLang();
  const free = /^\(?\s*miễn/iu.test(f.description) || !f.description;
  return (
    <li>
      {t(`fee.${f.kind}`)}: {f.amountVnd > 0 ? fmtMoney(f.amountVnd, lang) : free ? t('common.free') : t('proc.feeSetByProvince')}
      {f.description && <span className="fee-desc"> — {f.description}</span>}
    </li>
  );
}

/** The limit and, under it, the longer limits of named cases (marriage: same day; checks needed: 5 working days). */
function LimitText({ c }: { c: ChannelSpec }) {
  const { t } = useLang();
  return (
    <>
      {fmtLimit(c.limit, t)}
      {(c.conditionalLimits ?? []).map((x, i) => (
        <span key={i} className="hint conditional">
          {' '}
          {t('proc.conditional', { condition: x.condition, limit: fmtLimit(x.limit, t) })}
        </span>
      ))}
    </>
  );
}

function Channels({ channels }: { channels: ChannelSpec[] }) {
  const { t } = useLang();
  return (
    <ul className="channels">
      {channels.map((c, i) => {
        const total = channelFeeTotal(c);
        return (
          <li key={`${c.channel}-${i}`} className="channel">
            <h3>{t(`channel.${c.channel}`)}</h3>
            <dl className="facts">
              <div>
                <dt>{t('proc.time')}</dt>
                <dd>
                  <LimitText c={c} />
                </dd>
              </div>
              <div>
                <dt>{t('proc.fees')}</dt>
                <dd>
                  {total === 0 && c.fees.every((f) => !f.description) ? (
                    t('proc.feeFree')
                  ) : (
                    <ul className="plain">
                      {c.fees.map((f, j) => (
                        <FeeLine key={j} f={f} />
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>
            {c.description && <Text text={c.description} />}
          </li>
        );
      })}
    </ul>
  );
}

export function ProcedurePage() {
  const { code = '' } = useParams();
  const { t, lang } = useLang();
  const [p, setP] = useState<PublicProcedure | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const ctaRef = useRef<HTMLAnchorElement>(null);
  const [ctaHidden, setCtaHidden] = useState(false);
  useTitle(p?.name ?? null);

  // The bottom "Apply" bar appears only once the summary's button has scrolled out of view.
  useEffect(() => {
    const el = ctaRef.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(([e]) => setCtaHidden(!!e && !e.isIntersecting && e.boundingClientRect.top < 0));
    io.observe(el);
    return () => io.disconnect();
  }, [p]);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .procedure(code)
      .then((r) => live && setP(r))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [code, attempt]);

  if (error !== null) return <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (!p) return <Loading />;

  const r = p.record;
  const s = summarise(r.channels);
  const canApply = p.onlineLevel !== 'none' && !!s.online && p.agencies.length > 0;
  const setElsewhere = r.channels.some((c) => c.fees.some((f) => f.amountVnd === 0 && f.description && !/^\(?\s*miễn/iu.test(f.description)));
  const fee =
    s.maxFee === 0
      ? setElsewhere
        ? t('proc.feeSetByProvince')
        : t('proc.feeFree')
      : s.minFee === s.maxFee
        ? fmtMoney(s.maxFee, lang)
        : t('proc.feeFrom', { amount: fmtMoney(s.minFee, lang) });
  const main = r.channels.find((c) => c.channel === 'online') ?? r.channels[0];
  const text = !r.structured && r.text ? cleanPageText(r.text) : null;
  const agencyList = [...new Set([...r.agencies.competent, ...r.agencies.executing, ...r.agencies.coordinating])];

  return (
    <article className="procedure">
      <p className="eyebrow">
        <span className="code">{t('proc.code', { code: p.code })}</span>
        {p.fieldName && <span> · {p.fieldName}</span>}
      </p>
      <h1>{p.name}</h1>

      <section className="card summary" aria-labelledby="sum-title">
        <h2 id="sum-title" className="visually-hidden">
          {t('proc.summary')}
        </h2>
        <dl className="facts facts-grid">
          <div>
            <dt>{t('proc.time')}</dt>
            <dd>{main ? <LimitText c={main} /> : '—'}</dd>
          </div>
          <div>
            <dt>{t('proc.fees')}</dt>
            <dd>{r.channels.length ? fee : '—'}</dd>
          </div>
          <div className="wide">
            <dt>{t('proc.onlineLevel')}</dt>
            <dd>
              <span className={`badge badge-${p.onlineLevel}`}>{t(onlineKey(p.onlineLevel))}</span>
              <span className="hint"> {t(p.onlineLevel === 'full' ? 'online.fullHint' : p.onlineLevel === 'partial' ? 'online.partialHint' : 'online.noneHint')}</span>
            </dd>
          </div>
        </dl>
        {canApply ? (
          <Link ref={ctaRef} className="btn btn-primary btn-block" to={`/nop-ho-so/${encodeURIComponent(p.code)}`}>
            {t('proc.apply')}
          </Link>
        ) : (
          <p className="notice notice-info">{p.onlineLevel === 'none' || !s.online ? t('proc.notOnline') : t('proc.noAgency')}</p>
        )}
      </section>

      {/* Where to hand the dossier in: the desk addresses the notice above points to ("… địa chỉ dưới đây"). */}
      <section className="card desks" aria-labelledby="desk-title" data-testid="proc-desks">
        <h2 id="desk-title">{t('proc.deskTitle')}</h2>
        {p.agencies.length > 0 ? (
          <ul className="plain">
            {p.agencies.map((a) => (
              <li key={a.id}>
                <strong>{a.name}</strong>
                {a.deskAddress && <span className="desk-address">{t('proc.deskAddress', { address: a.deskAddress })}</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('proc.deskNone', { agencies: agencyList.join('; ') || p.levels.map((l) => t(levelKey(l))).join(', ') })}</p>
        )}
      </section>

      <p className="hint">{t('proc.sectionsHint')}</p>
      {r.structured ? (
        <>
          {(r.components.length > 0 || (r.notes ?? []).length > 0) && (
            <Section id="sec-components" title={t('proc.components')}>
              <Components components={r.components} notes={r.notes ?? []} />
            </Section>
          )}
          {r.steps && (
            <Section id="sec-steps" title={t('proc.steps')}>
              <Text text={r.steps} />
            </Section>
          )}
          {r.channels.length > 0 && (
            <Section id="sec-channels" title={t('proc.channels')}>
              <Channels channels={r.channels} />
            </Section>
          )}
          {r.requirements && (
            <Section id="sec-req" title={t('proc.requirements')}>
              <Text text={r.requirements} />
            </Section>
          )}
          {r.results.length > 0 && (
            <Section id="sec-results" title={t('proc.results')}>
              <ul className="bullets">
                {r.results.map((x, i) => (
                  <li key={i}>{x.name}</li>
                ))}
              </ul>
            </Section>
          )}
          {r.subjects.length > 0 && (
            <Section id="sec-subjects" title={t('proc.subjects')}>
              <ul className="bullets">
                {r.subjects.map((x, i) => (
                  <li key={i}>{x.name}</li>
                ))}
              </ul>
            </Section>
          )}
        </>
      ) : (
        text && (
          <>
            <p className="hint">{t('proc.seeText')}</p>
            <Section id="sec-steps" title={t('proc.steps')}>
              <Text text={text.steps} />
            </Section>
            <Section id="sec-methods" title={t('proc.methods')}>
              <Text text={text.methods} />
            </Section>
            <Section id="sec-components" title={t('proc.components')}>
              <Text text={text.components} />
            </Section>
            {text.requirements && (
              <Section id="sec-req" title={t('proc.requirements')}>
                <Text text={text.requirements} />
              </Section>
            )}
            {text.result && (
              <Section id="sec-results" title={t('proc.results')}>
                <Text text={text.result} />
              </Section>
            )}
          </>
        )
      )}

      {agencyList.length > 0 && (
        <Section id="sec-agencies" title={t('proc.agencies')}>
          <ul className="bullets">
            {agencyList.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </Section>
      )}
      {(r.legalBasis.length > 0 || text?.legalBasis) && (
        <Section id="sec-legal" title={t('proc.legal')}>
          {r.legalBasis.length > 0 ? (
            <ul className="bullets">
              {r.legalBasis.map((x, i) => (
                <li key={i}>{x.name === x.code || !x.code || x.name.includes(x.code) ? x.name : `${x.code} — ${x.name}`}</li>
              ))}
            </ul>
          ) : (
            <Text text={text?.legalBasis} />
          )}
        </Section>
      )}
      {canApply && ctaHidden && (
        <p className="sticky-cta">
          <Link className="btn btn-primary btn-block" to={`/nop-ho-so/${encodeURIComponent(p.code)}`}>
            {t('proc.apply')}
          </Link>
        </p>
      )}
    </article>
  );
}
