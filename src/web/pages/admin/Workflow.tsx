import { ActionIcon, Alert, Button, Card, Group, Loader, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { legalHalfDays, validateWorkflow, workflowHalfDays, type WorkflowRole, type WorkflowStep } from '../../../core/catalog/workflow.ts';
import { ROLE_LABELS } from '../../../core/dossier/labels.ts';
import type { UiKey } from '../../../core/i18n/ui.ts';
import { api, type Workflow } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { fmtLimit } from '../../format.ts';

const ROLES: WorkflowRole[] = ['desk_officer', 'specialist', 'leader'];

export function WorkflowPage() {
  const { publicationId = '' } = useParams();
  const [params] = useSearchParams();
  const { t, lang } = useLang();
  const [wf, setWf] = useState<Workflow | null>(null);
  const [steps, setSteps] = useState<WorkflowStep[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let alive = true;
    api
      .workflow(publicationId)
      .then((w) => {
        if (!alive) return;
        setWf(w);
        setSteps([...w.steps].sort((a, b) => a.order - b.order));
      })
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [publicationId]);

  // Orders follow the rows.
  const numbered = useMemo(() => steps.map((s, i) => ({ ...s, order: i + 1 })), [steps]);
  const limit = wf?.legalLimit ?? null;
  const check = useMemo(() => {
    try {
      return validateWorkflow(numbered, limit);
    } catch (e) {
      return { ok: false as const, errors: [{ code: 'WORKFLOW_BAD_ALLOTMENT' as const, message: String(e) }] };
    }
  }, [numbered, limit]);
  let legal: number | null = null;
  try {
    legal = legalHalfDays(limit);
  } catch {
    legal = null;
  }
  const total = workflowHalfDays(numbered);

  const set = (i: number, patch: Partial<WorkflowStep>) => setSteps((prev) => prev.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, dir: -1 | 1) =>
    setSteps((prev) => {
      const n = [...prev];
      const j = i + dir;
      if (j < 0 || j >= n.length) return prev;
      [n[i], n[j]] = [n[j] as WorkflowStep, n[i] as WorkflowStep];
      return n;
    });

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const w = await api.saveWorkflow(publicationId, numbered, wf?.agencyOrder ?? 'sequential');
      setWf(w);
      setSteps([...w.steps].sort((a, b) => a.order - b.order));
      notifications.show({ color: 'green', message: t('wf.saved', { v: w.version }) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!wf) return error ? <ErrorAlert error={error} /> : <Loader role="status" aria-label={t('app.loading')} />;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('wf.title', { name: params.get('name') ?? '' })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('wf.version', { v: wf.version, channel: wf.channel })}
      </Text>
      <Card withBorder padding="sm">
        <Group gap="xl">
          <Text fw={600}>{t('wf.legal', { limit: fmtLimit(limit, lang) })}</Text>
          <Text fw={600} data-testid="wf-total">
            {t('wf.total', { days: total / 2 })}
          </Text>
        </Group>
        <div aria-live="polite">
          {check.ok ? (
            <Alert color="green" mt="sm" data-testid="wf-ok">
              {t('wf.fits')}
            </Alert>
          ) : (
            <Alert color="red" mt="sm" role="alert" data-testid="wf-error">
              <Stack gap={2}>
                {[...new Set(check.errors.map((e) => e.code))].map((code) => (
                  <Text key={code} size="sm">
                    {t(`wf.err.${code}` as UiKey, { total: total / 2, legal: legal === null ? '—' : legal / 2 })}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}
        </div>
      </Card>
      <Table.ScrollContainer minWidth={900}>
        <Table verticalSpacing={4} data-testid="wf-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('wf.step')}</Table.Th>
              <Table.Th>{t('wf.name')}</Table.Th>
              <Table.Th w={200}>{t('wf.role')}</Table.Th>
              <Table.Th w={180}>{t('wf.department')}</Table.Th>
              <Table.Th w={120}>{t('wf.allotment')}</Table.Th>
              <Table.Th w={110}>{t('wf.parallel')}</Table.Th>
              <Table.Th w={110} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {numbered.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>{s.order}</Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${t('wf.name')} ${s.order}`} value={s.name} onChange={(e) => set(i, { name: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('wf.role')} ${s.order}`}
                    data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))}
                    value={s.role}
                    onChange={(v) => v && set(i, { role: v as WorkflowRole })}
                    allowDeselect={false}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`${t('wf.department')} ${s.order}`} value={s.departmentHint ?? ''} onChange={(e) => set(i, { departmentHint: e.currentTarget.value || null })} />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('wf.allotment')} ${s.order}`}
                    value={s.allotmentHalfDays}
                    onChange={(v) => set(i, { allotmentHalfDays: typeof v === 'number' ? v : Number(v) || 0 })}
                    min={0}
                    step={1}
                    allowDecimal={false}
                    data-testid={`wf-allot-${s.order}`}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`${t('wf.parallel')} ${s.order}`}
                    value={s.parallelGroup ?? ''}
                    onChange={(v) => set(i, { parallelGroup: v === '' ? null : Number(v) })}
                    min={1}
                    allowDecimal={false}
                  />
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('wf.moveUp', { n: s.order })}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" onClick={() => move(i, 1)} disabled={i === numbered.length - 1} aria-label={t('wf.moveDown', { n: s.order })}>
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" onClick={() => setSteps((p) => p.filter((_, j) => j !== i))} aria-label={t('wf.removeStep', { n: s.order })}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setSteps((p) => [...p, { order: p.length + 1, name: '', role: 'specialist', departmentHint: null, allotmentHalfDays: 0, agency: null, parallelGroup: null }])}
        >
          {t('wf.addStep')}
        </Button>
        <Button onClick={() => void save()} loading={busy} disabled={!check.ok || numbered.some((s) => !s.name.trim())} data-testid="wf-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
