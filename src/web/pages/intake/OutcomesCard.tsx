/**
 * The three outcomes: receive (the usual one, on its own row), request completion and reject below it, each label
 * whole at 1366×768; the note sent with any of them, the last error, and clearing the form.
 */
import { Button, Card, Group, SimpleGrid, Stack, Textarea, Title } from '@mantine/core';
import { IconCheck, IconFileX, IconMessageExclamation } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import type { IntakeAction } from './intake-form.ts';

/** A button whose label wraps onto a second line rather than being cut. */
const WRAP_LABEL = { label: { whiteSpace: 'normal' as const, textAlign: 'left' as const } };

export function OutcomesCard({
  note,
  onNote,
  error,
  onCloseError,
  busy,
  onReceive,
  onSupplement,
  onReject,
  onClear,
}: {
  note: string;
  onNote: (note: string) => void;
  error: unknown;
  onCloseError: () => void;
  busy: IntakeAction | null;
  onReceive: () => void;
  onSupplement: () => void;
  onReject: () => void;
  onClear: () => void;
}) {
  const { t } = useLang();
  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h4" mb="xs">
        {t('intake.outcomes')}
      </Title>
      <Stack gap="sm">
        <Textarea label={t('intake.note')} value={note} onChange={(e) => onNote(e.currentTarget.value)} autosize minRows={1} data-testid="intake-note" />
        <ErrorAlert error={error} onClose={onCloseError} />
        {/* The usual outcome on its own row; the two exceptional ones below it, each label whole (1366×768). */}
        <Button fullWidth color="green" leftSection={<IconCheck size={16} aria-hidden />} onClick={onReceive} loading={busy === 'receive'} disabled={busy !== null} data-testid="intake-receive" aria-keyshortcuts="Alt+1 Control+Enter">
          {t('intake.receive')}
        </Button>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Button color="orange" variant="light" h="auto" mih={36} py={6} styles={WRAP_LABEL} leftSection={<IconMessageExclamation size={16} aria-hidden />} onClick={onSupplement} disabled={busy !== null} data-testid="intake-request-supplement" aria-keyshortcuts="Alt+2">
            {t('intake.requestSupplement')}
          </Button>
          <Button color="red" variant="light" h="auto" mih={36} py={6} styles={WRAP_LABEL} leftSection={<IconFileX size={16} aria-hidden />} onClick={onReject} disabled={busy !== null} data-testid="intake-reject" aria-keyshortcuts="Alt+3">
            {t('intake.reject')}
          </Button>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="subtle" size="compact-sm" color="gray" onClick={onClear} data-testid="intake-clear">
            {t('intake.clear')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
