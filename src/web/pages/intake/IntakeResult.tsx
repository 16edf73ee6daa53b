/** After an outcome: the dossier code, the appointment on a receipt, the slip to print, and a new intake. */
import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { links, type Dossier } from '../../api.ts';
import { useLang } from '../../context.tsx';
import { fmtDateTime } from '../../format.ts';
import { outcomeSlip, type IntakeAction } from './intake-form.ts';

export function IntakeResult({ result, onNew }: { result: { action: IntakeAction; dossier: Dossier }; onNew: () => void }) {
  const { t, lang } = useLang();
  const d = result.dossier;
  const title = result.action === 'receive' ? t('intake.received.title') : result.action === 'request_intake_supplement' ? t('intake.supplement.title') : t('intake.rejected.title');
  const slip = outcomeSlip(result.action);
  useHotkeys([['mod+Enter', onNew]], []);
  return (
    <Stack maw={720} gap="md" data-testid="intake-result" data-outcome={result.action}>
      <Alert color={result.action === 'receive' ? 'green' : result.action === 'reject_intake' ? 'red' : 'orange'} title={title} role="status">
        <Stack gap="xs">
          {d.code && (
            <Group gap="xs">
              <Text>{t('dossier.code')}:</Text>
              <Text ff="monospace" fw={700} size="xl" data-testid="dossier-code">
                {d.code}
              </Text>
            </Group>
          )}
          {result.action === 'receive' && (
            <Text>
              {t('intake.received.appointment')}: <b data-testid="appointment-date">{fmtDateTime(d.dueAt, lang)}</b>
            </Text>
          )}
          <Text size="sm">
            {t('dossier.applicant')}: {d.applicant.fullName} · {d.procedureName}
          </Text>
          {result.action === 'receive' && (
            <Text size="sm">
              {t('dossier.trackingSecret')}: <span style={{ fontFamily: 'monospace' }}>{d.trackingSecret}</span>
            </Text>
          )}
        </Stack>
      </Alert>
      <Group>
        <Button component="a" href={links.slip(d.id, slip)} target="_blank" rel="noopener" leftSection={<IconPrinter size={16} aria-hidden />} data-testid={`print-${slip}`}>
          {result.action === 'receive' ? t('intake.printReceipt') : t('intake.printSlip')}
        </Button>
        <Button component={Link} to={`/ho-so/${d.id}`} variant="default" data-testid="open-dossier">
          {t('dossier.open')}
        </Button>
        <Button variant="light" onClick={onNew} autoFocus data-testid="intake-new">
          {t('intake.new')}
        </Button>
      </Group>
      <Anchor size="sm" href={`/tra-cuu?code=${encodeURIComponent(d.code ?? '')}&secret=${encodeURIComponent(d.trackingSecret)}`} target="_blank" hidden={!d.code}>
        {t('nav.track')}
      </Anchor>
    </Stack>
  );
}
