import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import type { SlipKind } from '../../core/dossier/actions.ts';
import { SLIP_LABELS } from '../../core/dossier/labels.ts';
import { links } from '../api.ts';
import { useLang } from '../context.tsx';

/** The API error, in the current language (the API's message / messageEn). */
export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const { t, errText } = useLang();
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('common.error')} withCloseButton={!!onClose} onClose={onClose} role="alert" data-testid="error-alert">
      {errText(error)}
    </Alert>
  );
}

/** Links to printable slips of a dossier (opened in a new tab: PDF). */
export function SlipLinks({ dossierId, kinds }: { dossierId: string; kinds: SlipKind[] }) {
  const { lang, t } = useLang();
  if (kinds.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {t('dossier.slips')}
      </Text>
      {kinds.map((k) => (
        <Group key={k} gap={6} wrap="nowrap" align="flex-start">
          <IconPrinter size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          <Anchor href={links.slip(dossierId, k)} target="_blank" rel="noopener" data-testid={`slip-${k}`}>
            {SLIP_LABELS[k][lang]}
          </Anchor>
        </Group>
      ))}
    </Stack>
  );
}

/** Splits a textarea into trimmed non-empty lines. */
export function lines(s: string): string[] {
  return s
    .split('\n')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}
