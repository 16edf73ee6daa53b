/**
 * The desk intake's draft: restored from localStorage when the page opens (with a notice once, when it holds
 * something), saved as the officer types (a blank draft removes the stored one), paused while a result is shown.
 */
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import { uuid } from '../../api.ts';
import { useLang } from '../../context.tsx';
import { browserStorage, clearDraft, emptyDraft, isBlank, loadDraft, nextDraft, saveDraft, type ApplicantDraft, type Draft } from './intake-form.ts';

export interface IntakeDraft {
  draft: Draft;
  setDraft: (f: (d: Draft) => Draft) => void;
  update: (patch: Partial<Draft>) => void;
  updateApplicant: (patch: Partial<ApplicantDraft>) => void;
  /** The outcome succeeded: the stored draft goes. */
  discardStored: () => void;
  /** A new intake on the same agency and channel. */
  startNew: () => void;
}

export function useIntakeDraft(userId: string, defaultAgency: string | null, paused: boolean): IntakeDraft {
  const { t } = useLang();
  const [draft, setDraft] = useState<Draft>(() => loadDraft(browserStorage(), userId) ?? emptyDraft(defaultAgency, uuid()));
  const restored = useRef(false);

  // Restored draft notice (once).
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    const d = loadDraft(browserStorage(), userId);
    if (d && !isBlank(d)) notifications.show({ color: 'blue', message: t('intake.draftRestored') });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Save the draft as the officer types.
  useEffect(() => {
    if (paused) return;
    saveDraft(browserStorage(), userId, draft);
  }, [draft, userId, paused]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch })), []);
  const updateApplicant = useCallback((patch: Partial<ApplicantDraft>) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, ...patch } })), []);
  const discardStored = useCallback(() => clearDraft(browserStorage(), userId), [userId]);
  const startNew = useCallback(() => setDraft((d) => nextDraft(d, uuid())), []);
  return { draft, setDraft, update, updateApplicant, discardStored, startNew };
}
