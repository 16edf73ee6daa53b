/** Refuse at intake: the reasons (one a line, at least one) and the competent body when the desk knows it. */
import { Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useLang } from '../../context.tsx';
import { ModalFooter } from './ModalFooter.tsx';
import { confirmOnModEnter, rejectInput } from './intake-form.ts';

export function RejectModal({
  opened,
  onClose,
  error,
  busy,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  error: unknown;
  busy: boolean;
  onSubmit: (input: { reasons: string[]; competentBody?: string }) => Promise<boolean>;
}) {
  const { t } = useLang();
  const [reasons, setReasons] = useState('');
  const [competentBody, setCompetentBody] = useState('');
  const [modalError, setModalError] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(opened);
  if (opened !== wasOpen) {
    setWasOpen(opened);
    if (opened) setModalError(null);
  }

  const confirm = async () => {
    const input = rejectInput(reasons, competentBody);
    if (!input) {
      setModalError(t('intake.reasons.none'));
      return;
    }
    if (await onSubmit(input)) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('intake.reject.title')} size="lg">
      <Stack gap="sm" data-testid="modal-reject" onKeyDown={confirmOnModEnter(() => void confirm())}>
        <Textarea
          label={t('intake.reject.reasons')}
          description={t('common.onePerLine')}
          value={reasons}
          onChange={(e) => setReasons(e.currentTarget.value)}
          autosize
          minRows={3}
          required
          data-autofocus
          data-testid="input-reasons"
        />
        <TextInput label={t('intake.reject.competentBody')} value={competentBody} onChange={(e) => setCompetentBody(e.currentTarget.value)} data-testid="input-competentBody" />
        <ModalFooter modalError={modalError} error={error} onClose={onClose} onConfirm={() => void confirm()} busy={busy} color="red" testid="confirm-reject">
          {t('intake.reject')}
        </ModalFooter>
      </Stack>
    </Modal>
  );
}
