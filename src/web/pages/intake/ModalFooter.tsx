/** The bottom of an intake outcome modal: the form's own message, the API's error, the Ctrl+Enter hint, cancel and confirm. */
import { Alert, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';

export function ModalFooter({ modalError, error, onClose, onConfirm, busy, color, testid, children }: { modalError: string | null; error: unknown; onClose: () => void; onConfirm: () => void; busy: boolean; color: string; testid: string; children: ReactNode }) {
  const { t } = useLang();
  return (
    <>
      {modalError && (
        <Alert color="red" role="alert">
          {modalError}
        </Alert>
      )}
      <ErrorAlert error={error} />
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('action.ctrlEnter')}
        </Text>
        <Group>
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={color} onClick={onConfirm} loading={busy} data-testid={testid}>
            {children}
          </Button>
        </Group>
      </Group>
    </>
  );
}
