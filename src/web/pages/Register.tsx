import { Alert, Button, Card, Group, Loader, Select, Stack, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { toLocalDate } from '../../core/calendar/index.ts';
import { links } from '../api.ts';
import { ErrorAlert } from '../components/common.tsx';
import { DossierTable } from '../components/DossierTable.tsx';
import { useQueue } from '../components/useQueue.ts';
import { useLang, useSession } from '../context.tsx';
import { todayVn } from '../format.ts';
import { DateField } from '../components/DateField.tsx';

export function RegisterPage() {
  const { t } = useLang();
  const session = useSession();
  const agencies = session.agencies();
  const today = todayVn();
  const [agencyId, setAgencyId] = useState<string | null>(agencies[0]?.id ?? null);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const q = useQueue('all', agencyId ?? undefined);
  const badRange = from > to;
  const rows = useMemo(
    () =>
      q.items.filter((d) => {
        const at = d.receivedAt ?? d.submittedAt;
        if (!at) return false;
        const day = toLocalDate(new Date(at));
        return day >= from && day <= to;
      }),
    [q.items, from, to],
  );
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('register.title')}
      </Title>
      <Card withBorder padding="sm">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('common.agency')}
            data={agencies.map((a) => ({ value: a.id, label: a.name }))}
            value={agencyId}
            onChange={setAgencyId}
            allowDeselect={false}
            w={320}
            data-testid="register-agency"
          />
          <DateField label={t('common.from')} value={from} onChange={(v) => setFrom(v)} data-testid="register-from" />
          <DateField label={t('common.to')} value={to} onChange={(v) => setTo(v)} data-testid="register-to" />
          <Button
            component="a"
            href={agencyId && !badRange ? links.register(agencyId, from, to, 'pdf') : undefined}
            target="_blank"
            rel="noopener"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            disabled={!agencyId || badRange}
            data-testid="register-pdf"
          >
            {t('register.pdf')}
          </Button>
          <Button
            component="a"
            href={agencyId && !badRange ? links.register(agencyId, from, to, 'xlsx') : undefined}
            variant="light"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            disabled={!agencyId || badRange}
            data-testid="register-xlsx"
          >
            {t('register.xlsx')}
          </Button>
        </Group>
        {badRange && (
          <Alert color="red" mt="sm" role="alert">
            {t('register.badRange')}
          </Alert>
        )}
      </Card>
      <ErrorAlert error={q.error} />
      {q.loading ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <DossierTable items={rows} next={q.next} onLoadMore={() => void q.loadMore()} loadingMore={q.loadingMore} />
      )}
    </Stack>
  );
}
