/**
 * The survey run in motcua, on the round page (owners): sample respondents of a unit and group — each gets a link
 * and a QR code, shown once, to print or send —, follow how many answered per unit and group, and count the answers
 * into the units' survey points with the set's weights.
 */
import { Button, Card, Group, Image, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLang } from '../../../context.tsx';
import { parApi, type Round, type SurveyProgress, type SurveySample } from './api.ts';

const GROUPS = ['citizens', 'officials', 'leaders'] as const;

export function SurveyRunCard({ round, onError, onApplied }: { round: Round; onError: (e: unknown) => void; onApplied: () => void }) {
  const { t } = useLang();
  const [agencyId, setAgencyId] = useState<string | null>(round.units[0]?.agency.id ?? null);
  const [group, setGroup] = useState<(typeof GROUPS)[number]>('citizens');
  const [count, setCount] = useState<number | string>(10);
  const [sample, setSample] = useState<SurveySample | null>(null);
  const [progress, setProgress] = useState<SurveyProgress[]>([]);
  const [applied, setApplied] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const load = () => parApi.surveyProgress(round.id).then(setProgress, onError);
  useEffect(() => void load(), [round.id]);
  const name = (id: string) => round.units.find((u) => u.agency.id === id)?.agency.name ?? id;

  const doSample = async () => {
    if (!agencyId) return;
    setBusy(true);
    try {
      setSample(await parApi.sampleRespondents(round.id, { agencyId, group, count: Number(count) || 1 }));
      await load();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  const doApply = async () => {
    setBusy(true);
    try {
      const r = await parApi.applySurvey(round.id);
      setApplied(r.applied.length);
      onApplied();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder data-testid="par-survey-run">
      <Title order={2} size="h3">{t('par.surveyRun.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('par.surveyRun.intro')}</Text>
      <Group align="flex-end">
        <Select label={t('par.col.unit')} data={round.units.map((u) => ({ value: u.agency.id, label: u.agency.name }))} value={agencyId} onChange={setAgencyId} allowDeselect={false} data-testid="par-survey-unit" />
        <Select label={t('par.surveyRun.group')} data={GROUPS.map((g) => ({ value: g, label: t(`par.surveyRun.group.${g}`) }))} value={group} onChange={(v) => v && setGroup(v as (typeof GROUPS)[number])} allowDeselect={false} data-testid="par-survey-group" />
        <NumberInput label={t('par.surveyRun.count')} value={count} onChange={setCount} min={1} max={500} w={120} data-testid="par-survey-count" />
        <Button onClick={() => void doSample()} loading={busy} disabled={!agencyId} data-testid="par-survey-sample">{t('par.surveyRun.sample')}</Button>
      </Group>
      {sample && (
        <Stack gap="xs" mt="md" data-testid="par-survey-links">
          <Text size="sm" fw={600}>{t('par.surveyRun.links', { count: sample.items.length, unit: name(sample.agencyId) })}</Text>
          <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }}>
            {sample.items.map((x, i) => (
              <Stack key={x.id} gap={2} align="center">
                <Image src={x.qr} alt={t('par.surveyRun.qrAlt', { n: i + 1 })} w={110} h={110} />
                <Text size="xs" style={{ wordBreak: 'break-all' }} data-testid="par-survey-link">{x.link}</Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      {progress.length > 0 && (
        <Table mt="md" data-testid="par-survey-progress">
          <Table.Thead><Table.Tr><Table.Th>{t('par.col.unit')}</Table.Th><Table.Th>{t('par.surveyRun.group')}</Table.Th><Table.Th>{t('par.surveyRun.answered')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {progress.map((p) => (
              <Table.Tr key={`${p.agencyId}-${p.group}`}>
                <Table.Td>{name(p.agencyId)}</Table.Td>
                <Table.Td>{t(`par.surveyRun.group.${p.group}`)}</Table.Td>
                <Table.Td data-testid={`par-survey-answered-${p.group}`}>{p.answered} / {p.sampled}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="md">
        <Button variant="light" onClick={() => void load()}>{t('par.surveyRun.refresh')}</Button>
        <Button onClick={() => void doApply()} loading={busy} disabled={!progress.some((p) => p.answered > 0)} data-testid="par-survey-apply">{t('par.surveyRun.apply')}</Button>
        {applied !== null && <Text size="sm" role="status" data-testid="par-survey-applied">{t('par.surveyRun.applied', { count: applied })}</Text>}
      </Group>
    </Card>
  );
}
