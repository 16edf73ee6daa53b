import { Alert, Badge, Button, Container, Group, Paper, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { IconBuildingBank, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, type TrackResult } from '../api.ts';
import { LangSwitch } from '../App.tsx';
import { ErrorAlert } from '../components/common.tsx';
import { useLang } from '../context.tsx';
import { fmtDate, fmtDateTime } from '../format.ts';

/** Public tracking page (the QR code on slips opens /tra-cuu?code=…&secret=…). */
export function TrackPage() {
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? '';
  const secret = params.get('secret') ?? '';
  const [codeIn, setCodeIn] = useState(code);
  const [secretIn, setSecretIn] = useState(secret);
  const [result, setResult] = useState<TrackResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setCodeIn(code);
    setSecretIn(secret);
    if (!code || !secret) {
      setResult(null);
      return;
    }
    let alive = true;
    setBusy(true);
    setError(null);
    api
      .track(code, secret)
      .then((r) => alive && setResult(r))
      .catch((e: unknown) => {
        if (!alive) return;
        setResult(null);
        setError(e);
      })
      .finally(() => alive && setBusy(false));
    return () => {
      alive = false;
    };
  }, [code, secret]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setParams({ code: codeIn.trim(), secret: secretIn.trim() });
  };

  return (
    <Container size="sm" py="lg" component="main">
      <Stack>
        <Group justify="space-between">
          <Group gap={8}>
            <IconBuildingBank size={30} color="var(--mantine-color-blue-8)" aria-hidden />
            <Text fw={700}>{t('app.title')}</Text>
          </Group>
          <LangSwitch />
        </Group>
        <Title order={1} size="h2">
          {t('track.title')}
        </Title>
        <Paper withBorder p="md">
          <form onSubmit={submit}>
            <Stack gap="sm">
              <Text size="sm">{t('track.intro')}</Text>
              <TextInput label={t('track.code')} value={codeIn} onChange={(e) => setCodeIn(e.currentTarget.value)} required placeholder="000.01.00.H21-261122-0001" data-testid="track-code" />
              <TextInput label={t('track.secret')} value={secretIn} onChange={(e) => setSecretIn(e.currentTarget.value)} required data-testid="track-secret" />
              <Button type="submit" w="fit-content" loading={busy} disabled={codeIn.trim().length < 10 || secretIn.trim().length < 4} data-testid="track-submit">
                {t('track.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <ErrorAlert error={error} />
        {result && (
          <Paper withBorder p="md" data-testid="track-result">
            <Stack gap="xs">
              <Text ff="monospace" fw={700} data-testid="dossier-code">
                {result.code}
              </Text>
              <Text fw={600}>{result.procedureName}</Text>
              <Text size="sm">
                {t('track.agency')}: {result.agencyName}
              </Text>
              <Group gap="xs">
                <Badge variant="light" style={{ textTransform: 'none' }}>
                  {result.stateLabel}
                </Badge>
              </Group>
              <Text size="sm">
                {t('dossier.received')}: {fmtDateTime(result.receivedAt, lang)} · {t('dossier.due')}: {fmtDate(result.dueAt, lang)}
                {result.finishedAt ? ` · ${t('dossier.finished')}: ${fmtDateTime(result.finishedAt, lang)}` : ''}
              </Text>
              {result.delivery && (
                <Text size="sm" data-testid="track-delivery">
                  {t('track.postalDetail', { date: fmtDate(result.delivery.sentAt, lang), number: result.delivery.trackingNumber })}
                  {result.delivery.status && ` · ${result.delivery.status.label} (${fmtDateTime(result.delivery.status.at, lang)})`}
                </Text>
              )}
              <Title order={2} size="h4" mt="sm">
                {t('track.timeline')}
              </Title>
              {result.timeline.length === 0 ? (
                <Alert>{t('common.none')}</Alert>
              ) : (
                <Timeline active={result.timeline.length - 1} bulletSize={20} lineWidth={2}>
                  {result.timeline.map((e, i) => (
                    <Timeline.Item key={i} bullet={<IconCircleCheck size={12} aria-hidden />} title={e.label}>
                      <Text size="xs" c="dimmed">
                        {fmtDateTime(e.at, lang)}
                      </Text>
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </Stack>
          </Paper>
        )}
      </Stack>
    </Container>
  );
}
