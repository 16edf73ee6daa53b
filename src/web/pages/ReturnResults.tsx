import { Button, Loader, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPackageExport } from '@tabler/icons-react';
import { useState } from 'react';
import { ACTION_LABELS } from '../../core/dossier/labels.ts';
import type { Dossier } from '../api.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { ErrorAlert } from '../components/common.tsx';
import { DossierTable } from '../components/DossierTable.tsx';
import { useQueue } from '../components/useQueue.ts';
import { useLang } from '../context.tsx';

export function ReturnResultsPage() {
  const { t, lang } = useLang();
  const q = useQueue('result_ready');
  const [current, setCurrent] = useState<Dossier | null>(null);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('return.title')}
      </Title>
      <ErrorAlert error={q.error} />
      {q.loading ? (
        <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <DossierTable
          items={q.items}
          next={q.next}
          onLoadMore={() => void q.loadMore()}
          loadingMore={q.loadingMore}
          // The desk returning a result needs the appointment, not the receipt time: the action column fits at 1366×768.
          showReceived={false}
          extraLabel={t('dossier.actions')}
          extra={(d) =>
            d.allowedActions.includes('return_result') ? (
              <Button size="compact-sm" leftSection={<IconPackageExport size={14} aria-hidden />} onClick={() => setCurrent(d)} data-testid={`return-${d.code ?? d.id}`}>
                {t('return.button')}
              </Button>
            ) : null
          }
        />
      )}
      {current && (
        <ActionModal
          dossier={current}
          action="return_result"
          onClose={() => setCurrent(null)}
          onConflict={q.reload}
          onDone={(updated) => {
            notifications.show({ color: 'green', message: t('dossier.actionDone', { action: ACTION_LABELS.return_result[lang] }) + ` — ${updated.code ?? ''}` });
            setCurrent(null);
            q.setItems((prev) => prev.filter((x) => x.id !== updated.id));
          }}
        />
      )}
    </Stack>
  );
}
