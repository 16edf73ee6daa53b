/** A unit's reform history over the years: index and rank, lost points, inspections, remediation tasks. */
import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate } from '../../../format.ts';
import { remedApi, type UnitHistory } from '../remediation/api.ts';
import { StatusBadge } from '../remediation/RemediationList.tsx';

export function ReformUnitPage() {
  const { agencyId = '' } = useParams();
  const { t, lang } = useLang();
  const [h, setH] = useState<UnitHistory | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    remedApi.unitHistory(agencyId).then(setH, setError);
  }, [agencyId]);
  if (!h) return <ErrorAlert error={error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/tong-quan-cchc">← {t('rdash.title')}</Anchor>
      <Title order={1}>{t('rdash.unit')} — {h.agency.name}</Title>
      {h.years.map((y) => (
        <Card withBorder key={y.year} data-testid={`rdash-year-${y.year}`}>
          <Title order={2} size="h3">{t('rdash.unit.year', { year: y.year })}</Title>
          <Text>{t('rdash.unit.index', { index: y.par.index ?? t('rdash.noData'), rank: y.par.rank ? `${y.par.rank}/${y.par.of}` : '—', lost: y.lostPoints.count })}</Text>
          {y.lostPoints.top.length > 0 && <Text size="sm" c="dimmed">{y.lostPoints.top.map((l) => `${l.nodeCode} (−${l.lost})`).join(', ')}</Text>}
          <Text>{t('rdash.unit.insp', { done: y.inspections.done, planned: y.inspections.planned, findings: y.inspections.findings })}</Text>
          <Text>{t('rdash.unit.tasks', { total: y.remediation.total, open: y.remediation.open, overdue: y.remediation.overdue, accepted: y.remediation.accepted })}</Text>
          <Stack gap={4} mt="xs">
            {y.tasks.map((x) => (
              <Text size="sm" key={x.id} component="div" style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <Anchor component={Link} to={`/khac-phuc/${x.id}`}>{x.content}</Anchor> — {fmtDate(x.deadline, lang)} <StatusBadge t={x} />
              </Text>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
