/**
 * Desk intake (/tiep-nhan): procedure, checklist of components with scans, applicant, fees, and the three
 * outcomes (receive / request completion / reject). The whole form is a draft in localStorage until it succeeds.
 * The form's state and rules are in intake/intake-form.ts, the draft in intake/useIntakeDraft.ts, one card each in
 * intake/; this page composes them and sends the outcome.
 */
import { Grid, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { DossierComponent } from '../../core/catalog/types.ts';
import { api, type Dossier } from '../api.ts';
import { useLang, useSession } from '../context.tsx';
import { ApplicantCard } from './intake/ApplicantCard.tsx';
import { ChecklistCard } from './intake/ChecklistCard.tsx';
import { FeesCard } from './intake/FeesCard.tsx';
import { IntakeResult } from './intake/IntakeResult.tsx';
import { applicantErrors, channelFees, intakeBody, paymentInput, submitProblem, type IntakeAction } from './intake/intake-form.ts';
import { OutcomesCard } from './intake/OutcomesCard.tsx';
import { ProcedureCard } from './intake/ProcedureCard.tsx';
import { RejectModal } from './intake/RejectModal.tsx';
import { SupplementModal } from './intake/SupplementModal.tsx';
import { useIntakeDraft } from './intake/useIntakeDraft.ts';
import { useIntakeProcedure } from './intake/useIntakeProcedure.ts';

export function DeskIntakePage() {
  const { t, errText } = useLang();
  const session = useSession();
  const userId = session.me?.userId ?? 'anon';
  const agencies = session.agencies('desk_officer');
  const defaultAgency = agencies.length === 1 ? (agencies[0]?.id ?? null) : null;

  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<IntakeAction | null>(null);
  const [touched, setTouched] = useState(false);
  const [result, setResult] = useState<{ action: IntakeAction; dossier: Dossier } | null>(null);
  const [suppOpen, setSuppOpen] = useState(false);
  const [rejectOpen, setRejectOpen] = useState(false);
  const { draft, setDraft, update, updateApplicant, discardStored, startNew: newDraft } = useIntakeDraft(userId, defaultAgency, result !== null);
  const { pubs, procedure } = useIntakeProcedure(draft.agencyId, draft.procedureCode, setError);

  const components: DossierComponent[] = procedure?.record.components ?? [];
  const channelSpec = procedure?.record.channels.find((c) => c.channel === draft.channel);
  const { fees, total: feeTotal } = channelFees(channelSpec);
  // Validation as you type (errors on non-empty values; required fields after a submit attempt).
  const errors = applicantErrors(draft.applicant, touched);

  const submit = async (action: IntakeAction, input: Record<string, unknown>) => {
    setTouched(true);
    const problem = submitProblem(draft);
    if (problem !== null || !draft.procedureCode || !draft.agencyId) {
      const message = t(problem ?? 'intake.pickProcedure');
      setError({ status: 0, code: 'CLIENT', message, messageEn: message });
      return false;
    }
    if (busy) return false;
    setBusy(action);
    setError(null);
    try {
      let dossier = await api.createDossier(intakeBody({ ...draft, agencyId: draft.agencyId, procedureCode: draft.procedureCode }, action, input, components, fees), draft.idemKey);
      const payment = paymentInput(draft, action, feeTotal, dossier.paidTotal);
      if (payment) {
        try {
          dossier = await api.act(dossier.id, 'record_payment', dossier.version, payment);
        } catch (e) {
          notifications.show({ color: 'red', title: t('common.error'), message: errText(e) });
        }
      }
      discardStored();
      setResult({ action, dossier });
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const receive = () => void submit('receive', {});
  const openSupp = () => setSuppOpen(true);
  const openReject = () => setRejectOpen(true);

  const modalOpen = suppOpen || rejectOpen;
  useHotkeys(
    [
      ['alt+1', () => !modalOpen && !result && receive()],
      ['alt+2', () => !modalOpen && !result && openSupp()],
      ['alt+3', () => !modalOpen && !result && openReject()],
      ['mod+Enter', () => !modalOpen && !result && receive()],
    ],
    [],
  );

  const startNew = () => {
    setResult(null);
    setTouched(false);
    setError(null);
    newDraft();
  };

  if (result) return <IntakeResult result={result} onNew={startNew} />;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('intake.title')}
        </Title>
        <Group gap="xs" aria-label={t('common.shortcuts')} data-testid="shortcut-hint">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">1</Kbd> {t('intake.receive')} · <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">2</Kbd> {t('intake.requestSupplement')} ·{' '}
            <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">3</Kbd> {t('intake.reject')} · <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> {t('intake.receive')}
          </Text>
        </Group>
      </Group>

      <ProcedureCard agencies={agencies} draft={draft} setDraft={setDraft} update={update} pubs={pubs} procedure={procedure} channelSpec={channelSpec} feeTotal={feeTotal} touched={touched} />

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ChecklistCard procedure={procedure} components={components} draft={draft} setDraft={setDraft} onError={setError} />
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ApplicantCard applicant={draft.applicant} errors={errors} resultMethod={draft.resultMethod} onApplicant={updateApplicant} onResultMethod={(m) => update({ resultMethod: m })} onError={setError} />
            <FeesCard fees={fees} total={feeTotal} draft={draft} update={update} />
            <OutcomesCard
              note={draft.note}
              onNote={(note) => update({ note })}
              error={error}
              onCloseError={() => setError(null)}
              busy={busy}
              onReceive={receive}
              onSupplement={openSupp}
              onReject={openReject}
              onClear={startNew}
            />
          </Stack>
        </Grid.Col>
      </Grid>

      {/* Keyed by the draft: a new intake starts the modals' fields afresh. */}
      <SupplementModal
        key={`supp-${draft.idemKey}`}
        opened={suppOpen}
        onClose={() => setSuppOpen(false)}
        components={components}
        present={draft.present}
        error={error}
        busy={busy === 'request_intake_supplement'}
        onSubmit={(input) => submit('request_intake_supplement', input)}
      />
      <RejectModal key={`reject-${draft.idemKey}`} opened={rejectOpen} onClose={() => setRejectOpen(false)} error={error} busy={busy === 'reject_intake'} onSubmit={(input) => submit('reject_intake', input)} />
    </Stack>
  );
}
