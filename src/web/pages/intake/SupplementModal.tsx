/**
 * Request completion at intake: every missing item in one request — the procedure's components (the required ones
 * not ticked are pre-checked each time it opens) and free text, one item a line. Ctrl+Enter confirms.
 */
import { Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import type { DossierComponent } from '../../../core/catalog/types.ts';
import { MissingItemsPicker } from '../../components/MissingItemsPicker.tsx';
import { useLang } from '../../context.tsx';
import { ModalFooter } from './ModalFooter.tsx';
import { confirmOnModEnter, initialMissing, supplementInput } from './intake-form.ts';

export function SupplementModal({
  opened,
  onClose,
  components,
  present,
  error,
  busy,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  components: DossierComponent[];
  present: number[];
  error: unknown;
  busy: boolean;
  onSubmit: (input: { missingItems: string[] }) => Promise<boolean>;
}) {
  const { t } = useLang();
  const [missing, setMissing] = useState<Set<number>>(new Set());
  const [missingOther, setMissingOther] = useState('');
  const [modalError, setModalError] = useState<string | null>(null);
  // Each opening starts from the checklist as it is now.
  const [wasOpen, setWasOpen] = useState(opened);
  if (opened !== wasOpen) {
    setWasOpen(opened);
    if (opened) {
      setModalError(null);
      setMissing(initialMissing(components, present));
    }
  }

  const confirm = async () => {
    const input = supplementInput(components, missing, missingOther);
    if (!input) {
      setModalError(t('intake.missing.none'));
      return;
    }
    if (await onSubmit(input)) onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('intake.missing.title')} size="lg">
      <Stack gap="sm" data-testid="modal-request-supplement" onKeyDown={confirmOnModEnter(() => void confirm())}>
        <MissingItemsPicker
          components={components}
          checked={missing}
          onToggle={(i) =>
            setMissing((prev) => {
              const n = new Set(prev);
              if (n.has(i)) n.delete(i);
              else n.add(i);
              return n;
            })
          }
          other={missingOther}
          onOther={setMissingOther}
        />
        <ModalFooter modalError={modalError} error={error} onClose={onClose} onConfirm={() => void confirm()} busy={busy} color="orange" testid="confirm-request-supplement">
          {t('intake.requestSupplement')}
        </ModalFooter>
      </Stack>
    </Modal>
  );
}
