/**
 * The applicant: ID number first (a known ID fills in the rest from the newest earlier dossier), name, phone,
 * e-mail, address, and how the result is returned.
 */
import { Button, Card, Group, Radio, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSearch } from '@tabler/icons-react';
import { RETURN_METHOD_LABELS } from '../../../core/dossier/labels.ts';
import { api } from '../../api.ts';
import { useLang } from '../../context.tsx';
import { applicantFieldValid } from '../../../core/dossier/applicant.ts';
import { idNumberInput, newestDossierOf, prefillApplicant, type ApplicantDraft, type ApplicantErrors, type Draft } from './intake-form.ts';

export function ApplicantCard({
  applicant: a,
  errors,
  resultMethod,
  onApplicant,
  onResultMethod,
  onError,
}: {
  applicant: ApplicantDraft;
  errors: ApplicantErrors;
  resultMethod: Draft['resultMethod'];
  onApplicant: (patch: Partial<ApplicantDraft>) => void;
  onResultMethod: (m: Draft['resultMethod']) => void;
  onError: (e: unknown) => void;
}) {
  const { t, lang } = useLang();
  const err = (k: keyof ApplicantErrors) => (errors[k] ? t(errors[k]) : null);

  const lookup = async () => {
    const id = a.idNumber.trim();
    if (!applicantFieldValid('idNumber', id)) return;
    try {
      const newest = newestDossierOf(await api.search(id), id);
      if (!newest) {
        notifications.show({ id: 'applicant-lookup', color: 'gray', message: t('intake.lookup.none') });
        return;
      }
      onApplicant(prefillApplicant(a, newest.applicant));
      notifications.show({ id: 'applicant-lookup', color: 'green', message: t('intake.lookup.found', { code: newest.code ?? newest.id.slice(0, 8) }) });
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h4" mb="xs">
        {t('intake.applicantTitle')}
      </Title>
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('intake.idNumber')}
            description={t('intake.idNumber.hint')}
            value={a.idNumber}
            onChange={(e) => onApplicant({ idNumber: idNumberInput(e.currentTarget.value) })}
            onBlur={() => {
              if (applicantFieldValid('idNumber', a.idNumber) && !a.fullName.trim()) void lookup();
            }}
            error={err('idNumber')}
            inputMode="numeric"
            autoComplete="off"
            data-testid="applicant-idNumber"
          />
          <Button
            mt={46}
            variant="default"
            leftSection={<IconSearch size={14} aria-hidden />}
            onClick={() => void lookup()}
            disabled={!applicantFieldValid('idNumber', a.idNumber)}
            data-testid="applicant-lookup"
          >
            {t('intake.lookup')}
          </Button>
        </Group>
        <TextInput
          label={t('intake.fullName')}
          value={a.fullName}
          onChange={(e) => onApplicant({ fullName: e.currentTarget.value })}
          error={err('fullName')}
          required
          autoComplete="off"
          data-testid="applicant-fullName"
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('intake.phone')}
            value={a.phone}
            onChange={(e) => onApplicant({ phone: e.currentTarget.value })}
            error={err('phone')}
            inputMode="tel"
            autoComplete="off"
            data-testid="applicant-phone"
          />
          <TextInput
            label={t('intake.email')}
            value={a.email}
            onChange={(e) => onApplicant({ email: e.currentTarget.value })}
            error={err('email')}
            type="email"
            autoComplete="off"
            data-testid="applicant-email"
          />
        </Group>
        <TextInput label={t('intake.address')} value={a.address} onChange={(e) => onApplicant({ address: e.currentTarget.value })} autoComplete="off" data-testid="applicant-address" />
        <Radio.Group label={t('intake.resultMethod')} value={resultMethod} onChange={(v) => onResultMethod(v as Draft['resultMethod'])}>
          <Group mt={4} gap="md">
            {(['desk', 'online', 'postal'] as const).map((m) => (
              <Radio key={m} value={m} label={RETURN_METHOD_LABELS[m][lang]} />
            ))}
          </Group>
        </Radio.Group>
      </Stack>
    </Card>
  );
}
