/**
 * The "apply online" draft: read from localStorage when the page opens (with the time it was saved, shown until the
 * applicant moves on), kept there on every change (the first save fixes the Idempotency-Key), prefilled from the
 * signed-in citizen, the agency chosen when only one receives the procedure; and the citizen's earlier uploads for
 * reuse.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, type ApplicantInput, type CitizenDocument, type PublicProcedure } from '../../api.ts';
import type { PickedFile } from '../../components/FileField.tsx';
import { useSession } from '../../context.tsx';
import { randomKey } from '../../format.ts';
import { compKey, draftKey, newDraft, parseDraft, type Draft } from '../apply-form.ts';

const freshDraft = () => newDraft(randomKey(), new Date());
const stamp = () => new Date().toISOString();

function loadDraft(code: string): Draft | null {
  try {
    return parseDraft(localStorage.getItem(draftKey(code)), freshDraft());
  } catch {
    return null;
  }
}

/** The stored draft goes (the application was sent). */
export function forgetDraft(code: string): void {
  try {
    localStorage.removeItem(draftKey(code));
  } catch {
    /* ignore */
  }
}

export function useApplyDraft(code: string, proc: PublicProcedure | null, done: boolean) {
  const session = useSession();
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(code) ?? freshDraft());
  const [reusable, setReusable] = useState<CitizenDocument[]>([]);

  useEffect(() => {
    const d = loadDraft(code);
    if (d) setRestoredAt(d.savedAt);
  }, [code]);

  // Persist every change (the draft survives a reload); the first save also fixes the Idempotency-Key.
  useEffect(() => {
    if (done) return;
    try {
      localStorage.setItem(draftKey(code), JSON.stringify(draft));
    } catch {
      /* storage full or private mode: the form still works */
    }
  }, [draft, code, done]);

  // Prefill the applicant from the signed-in citizen; load earlier uploads for reuse.
  useEffect(() => {
    if (session.status !== 'signed-in' || !session.citizen) return;
    const c = session.citizen;
    setDraft((d) => ({
      ...d,
      applicant: {
        ...d.applicant,
        fullName: d.applicant.fullName || c.fullName || '',
        phone: d.applicant.phone || (c.contact.includes('@') ? '' : c.contact),
        email: d.applicant.email || (c.contact.includes('@') ? c.contact : ''),
      },
    }));
    api.documents().then(setReusable, () => setReusable([]));
  }, [session.status, session.citizen]);

  useEffect(() => {
    if (proc && !draft.agencyId && proc.agencies.length === 1) setDraft((d) => ({ ...d, agencyId: proc.agencies[0]!.id }));
  }, [proc, draft.agencyId]);

  const update = useCallback((patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch, savedAt: stamp() })), []);
  const setApplicant = useCallback((k: keyof ApplicantInput, v: string) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, [k]: v }, savedAt: stamp() })), []);
  /** The file of the `i`-th component (null: removed). */
  const setDoc = useCallback(
    (i: number, v: PickedFile | null) =>
      setDraft((d) => {
        const docs = { ...d.docs };
        if (v) docs[compKey(i)] = v;
        else delete docs[compKey(i)];
        return { ...d, docs, savedAt: stamp() };
      }),
    [],
  );
  /** The e-form text of the `i`-th component (undefined: not filled online). */
  const setEform = useCallback(
    (i: number, v: string | undefined) =>
      setDraft((d) => {
        const eforms = { ...d.eforms };
        if (v === undefined) delete eforms[compKey(i)];
        else eforms[compKey(i)] = v;
        return { ...d, eforms, savedAt: stamp() };
      }),
    [],
  );
  /** Start again from an empty draft (a new Idempotency-Key). */
  const discard = useCallback(() => {
    setDraft(freshDraft());
    setRestoredAt(null);
  }, []);

  return { draft, update, setApplicant, setDoc, setEform, discard, restoredAt, clearRestored: () => setRestoredAt(null), reusable };
}
