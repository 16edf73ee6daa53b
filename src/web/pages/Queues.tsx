import { ActionIcon, Group, Loader, Stack, Tabs, Title, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router-dom';
import type { UiKey } from '../../core/i18n/ui.ts';
import { QUEUE_VIEWS, type QueueView } from '../api.ts';
import { ErrorAlert } from '../components/common.tsx';
import { DossierTable } from '../components/DossierTable.tsx';
import { useQueue } from '../components/useQueue.ts';
import { useLang } from '../context.tsx';

export function QueuesPage() {
  const { t } = useLang();
  const params = useParams();
  const navigate = useNavigate();
  const view: QueueView = (QUEUE_VIEWS as readonly string[]).includes(params.view ?? '') ? (params.view as QueueView) : 'mine';
  const q = useQueue(view);
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('queues.title')}
        </Title>
        <Tooltip label={t('common.reload')}>
          <ActionIcon variant="default" size="lg" onClick={q.reload} aria-label={t('common.reload')} data-testid="queue-reload">
            <IconRefresh size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Tabs value={view} onChange={(v) => v && navigate(`/hang-doi/${v}`)} keepMounted={false}>
        <Tabs.List>
          {QUEUE_VIEWS.map((v) => (
            <Tabs.Tab key={v} value={v} data-testid={`tab-${v}`}>
              {t(`queue.${v}` as UiKey)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <ErrorAlert error={q.error} />
      {q.loading ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <DossierTable items={q.items} next={q.next} onLoadMore={() => void q.loadMore()} loadingMore={q.loadingMore} />
      )}
    </Stack>
  );
}
