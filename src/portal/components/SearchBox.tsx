/** The one search box: the same on the home page and the results page. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useLang } from '../context.tsx';

export function SearchBox({ initial = '', autoFocus = false, big = false }: { initial?: string; autoFocus?: boolean; big?: boolean }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  useEffect(() => setQ(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = q.trim();
    if (s) navigate(`/tim-kiem?q=${encodeURIComponent(s)}`);
  };
  return (
    <form role="search" className={big ? 'search search-big' : 'search'} onSubmit={submit}>
      <label htmlFor={id} className={big ? 'visually-hidden' : 'search-label'}>
        {t('search.label')}
      </label>
      <div className="search-row">
        <input
          id={id}
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          autoFocus={autoFocus}
        />
        <button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
