import { Alert, Anchor, Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconFileX, IconMessageExclamation, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { DossierComponent } from '../../core/catalog/types.ts';
import { ACTIONS, type ActionName } from '../../core/dossier/actions.ts';
import { ACTION_LABELS } from '../../core/dossier/labels.ts';
import { api, links, type Dossier, type DossierDocument } from '../api.ts';
import { ActionModal } from '../components/ActionModal.tsx';
import { ErrorAlert } from '../components/common.tsx';
import { DocumentsPanel } from '../components/DocumentsPanel.tsx';
import { DossierTable } from '../components/DossierTable.tsx';
import { useQueue } from '../components/useQueue.ts';
import { useLang } from '../context.tsx';
import { fmtDateTime } from '../format.ts';

const OUTCOMES = [
  { action: 'receive', color: 'green', icon: IconCheck, testid: 'intake-receive', label: 'intake.receive' },
  { action: 'request_intake_supplement', color: 'orange', icon: IconMessageExclamation, testid: 'intake-request-supplement', label: 'intake.requestSupplement' },
  { action: 'reject_intake', color: 'red', icon: IconFileX, testid: 'intake-reject', label: 'intake.reject' },
] as const;

export function OnlineQueuePage() {
  const { t, lang } = useLang();
  const q = useQueue('awaiting_intake');
  const [open, setOpen] = useState<Dossier | null>(null);
  const [docs, setDocs] = useState<DossierDocument[]>([]);
  const [components, setComponents] = useState<DossierComponent[]>([]);
  const [action, setAction] = useState<ActionName | null>(null);
  const [done, setDone] = useState<{ dossier: Dossier; action: ActionName } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    setDocs([]);
    setComponents([]);
    setError(null);
    api.documents(open.id).then((d) => alive && setDocs(d)).catch((e: unknown) => alive && setError(e));
    api.procedure(open.procedureCode).then((p) => alive && setComponents(p.record.components ?? [])).catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [open?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const reloadOpen = async () => {
    if (!open) return;
    try {
      setOpen(await api.dossier(open.id));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('online.title')}
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
          sortable={false}
          extraLabel={t('dossier.actions')}
          extra={(d) => (
            <Button size="compact-sm" onClick={() => { setDone(null); setOpen(d); }} data-testid={`check-${d.id}`}>
              {t('online.check')}
            </Button>
          )}
        />
      )}

      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="xl" title={<Text fw={700}>{t('online.panelTitle')}</Text>}>
        {open && (
          <Stack gap="md" data-testid="online-panel">
            {done ? (
              <Alert color={done.action === 'receive' ? 'green' : done.action === 'reject_intake' ? 'red' : 'orange'} role="status" data-testid="intake-result" data-outcome={done.action}>
                <Stack gap={6}>
                  <Text fw={600}>{ACTION_LABELS[done.action][lang]}</Text>
                  {done.dossier.code && (
                    <Text>
                      {t('dossier.code')}: <b style={{ fontFamily: 'monospace' }} data-testid="dossier-code">{done.dossier.code}</b>
                    </Text>
                  )}
                  {done.action === 'receive' && (
                    <Text>
                      {t('intake.received.appointment')}: <b data-testid="appointment-date">{fmtDateTime(done.dossier.dueAt, lang)}</b>
                    </Text>
                  )}
                  {ACTIONS[done.action].slip && (
                    <Anchor href={links.slip(done.dossier.id, ACTIONS[done.action].slip ?? '')} target="_blank" rel="noopener" data-testid={`print-${ACTIONS[done.action].slip}`}>
                      <Group gap={4}>
                        <IconPrinter size={16} aria-hidden />
                        {done.action === 'receive' ? t('intake.printReceipt') : t('intake.printSlip')}
                      </Group>
                    </Anchor>
                  )}
                  <Anchor component={Link} to={`/ho-so/${done.dossier.id}`}>
                    {t('dossier.open')}
                  </Anchor>
                </Stack>
              </Alert>
            ) : null}
            <Stack gap={4}>
              <Text fw={600}>{open.procedureName}</Text>
              <Text size="sm">
                {t('dossier.applicant')}: <b>{open.applicant.fullName}</b>
                {open.applicant.idNumber ? ` · ${open.applicant.idNumber}` : ''}
                {open.applicant.phone ? ` · ${open.applicant.phone}` : ''}
              </Text>
              <Text size="sm">
                {t('dossier.submitted')}: {fmtDateTime(open.submittedAt, lang)}
              </Text>
            </Stack>
            <ErrorAlert error={error} />
            <Title order={3} size="h5">
              {t('dossier.documents')}
            </Title>
            <DocumentsPanel dossierId={open.id} documents={docs} />
            {!done && (
              <Group grow>
                {OUTCOMES.filter((o) => open.allowedActions.includes(o.action)).map((o) => (
                  <Button key={o.action} color={o.color} variant={o.action === 'receive' ? 'filled' : 'light'} leftSection={<o.icon size={16} aria-hidden />} onClick={() => setAction(o.action)} data-testid={o.testid}>
                    {t(o.label)}
                  </Button>
                ))}
              </Group>
            )}
          </Stack>
        )}
      </Drawer>
      {open && (
        <ActionModal
          dossier={open}
          action={action}
          confirm={open.actionPlan.some((p) => p.action === action && p.confirm)}
          components={components}
          onClose={() => setAction(null)}
          onConflict={() => void reloadOpen()}
          onDone={(updated, a) => {
            setAction(null);
            setDone({ dossier: updated, action: a });
            setOpen(updated);
            q.setItems((prev) => prev.filter((x) => x.id !== updated.id));
          }}
        />
      )}
    </Stack>
  );
}
