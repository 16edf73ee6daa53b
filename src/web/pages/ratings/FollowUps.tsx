/**
 * The unit's follow-up items from dissatisfied ratings (every channel), scoped by the API to the caller's units.
 * Closing needs an answer to the applicant; it then shows on the dossier's public tracking and rating pages.
 */
import { Badge, Button, Card, Group, Loader, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { RATING_CHANNEL_LABELS, RATING_LABELS, type RatingChannel, type RatingValue } from '../../../core/rating/index.ts';
import { api, type FollowUp } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { fmtDateTime } from '../../format.ts';

function FollowUpCard({ item, onClosed }: { item: FollowUp; onClosed: () => void }) {
  const { t, lang } = useLang();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.closeFollowUp(item.id, { version: item.version, answer: answer.trim() });
      notifications.show({ color: 'green', message: t('fu.closedOk') });
      onClosed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const r = item.rating;
  return (
    <Card withBorder data-testid={`follow-up-${item.dossierCode ?? item.id}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>
            {t('fu.dossier')}: <Link to={`/ho-so/${item.dossierId}`}>{item.dossierCode ?? item.dossierId}</Link>
          </Text>
          <Badge color={item.status === 'closed' ? 'gray' : 'red'}>{item.status === 'closed' ? t('fu.closed') : t('fu.open')}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {item.agencyName} · {t('fu.createdAt')}: {fmtDateTime(item.createdAt, lang)}
          {r && ` · ${RATING_CHANNEL_LABELS[r.channel as RatingChannel]?.[lang] ?? r.channel}`}
        </Text>
        {r && (
          <Text>
            {RATING_LABELS[r.rating as RatingValue]?.face} {RATING_LABELS[r.rating as RatingValue]?.[lang] ?? r.rating}
            {r.reasons.length > 0 && `: ${r.reasons.join('; ')}`}
          </Text>
        )}
        {r?.comment && <Text fs="italic">“{r.comment}”</Text>}
        {item.status === 'closed' ? (
          <Text>
            <b>{t('fu.answer')}:</b> {item.answer} ({fmtDateTime(item.closedAt, lang)})
          </Text>
        ) : (
          <>
            <Textarea label={t('fu.answer')} description={t('fu.answerHint')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} autosize minRows={2} maxLength={4000} data-testid="follow-up-answer" />
            <ErrorAlert error={error} />
            <Group justify="flex-end">
              <Button onClick={() => void close()} loading={busy} disabled={answer.trim().length < 10} data-testid="follow-up-close">
                {t('fu.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}

export function FollowUpsPage() {
  const { t } = useLang();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [items, setItems] = useState<FollowUp[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setItems((await api.followUps(status)).items);
    } catch (e) {
      setError(e);
      setItems([]);
    }
  }, [status]);
  useEffect(() => {
    setItems(null);
    void load();
  }, [load]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('fu.title')}
      </Title>
      <SegmentedControl value={status} onChange={(v) => setStatus(v as 'open' | 'closed')} data={[{ value: 'open', label: t('fu.open') }, { value: 'closed', label: t('fu.closed') }]} w="fit-content" />
      <ErrorAlert error={error} />
      {items === null ? <Loader role="status" aria-label={t('app.loading')} /> : items.length === 0 ? <Text c="dimmed">{t('fu.none')}</Text> : items.map((it) => <FollowUpCard key={it.id} item={it} onClosed={() => void load()} />)}
    </Stack>
  );
}
