import { Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type Dossier } from '../api.ts';
import { ErrorAlert } from '../components/common.tsx';
import { DossierTable } from '../components/DossierTable.tsx';
import { useLang } from '../context.tsx';

export function SearchPage() {
  const { t } = useLang();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [items, setItems] = useState<Dossier[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (q.length < 2) return;
    let alive = true;
    setItems(null);
    setError(null);
    api
      .search(q)
      .then((r) => alive && setItems(r))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [q]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('search.title', { q })}
      </Title>
      {q.length < 2 ? (
        <Text>{t('search.tooShort')}</Text>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : items === null ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <div data-testid="search-results">
          <DossierTable items={items} />
        </div>
      )}
    </Stack>
  );
}
