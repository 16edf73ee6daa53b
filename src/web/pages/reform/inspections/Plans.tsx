/**
 * "Kiểm tra CCHC": the year's inspection plans (year filter), the visits of the caller's teams, a plan's page
 * (visits, team, self-inspection coverage bar, approve) and the plan form (units with dates or "đột xuất", team
 * with one leader and members from several agencies, checklist template).
 */
import { Anchor, Badge, Button, Card, Checkbox, Group, NumberInput, Progress, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { UiKey } from '../../../../core/i18n/ui.ts';
import { api, type Agency, type Staff } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang, useSession } from '../../../context.tsx';
import { fmtDate, todayVn } from '../../../format.ts';
import { inspectionApi, type Plan, type PlanInputBody, type PlanSummary, type Template, type VisitSummary } from './api.ts';

const PLAN_ROLES = ['reform_officer', 'province_admin', 'unit_admin', 'leader'];

export function PlansPage() {
  const { t, lang } = useLang();
  const { hasRole } = useSession();
  const [year, setYear] = useState(Number(todayVn().slice(0, 4)));
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  const [visits, setVisits] = useState<VisitSummary[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    inspectionApi.plans(year).then(setPlans, (e: unknown) => { setError(e); setPlans([]); });
    inspectionApi.visits({ year }).then(setVisits, () => setVisits([]));
  }, [year]);
  return (
    <Stack gap="md">
      <Title order={1}>{t('insp.title')}</Title>
      <Group align="flex-end">
        <NumberInput label={t('insp.year')} value={year} min={2000} max={2100} onChange={(v) => setYear(Number(v) || year)} w={120} data-testid="insp-year" />
        {hasRole(...PLAN_ROLES) && <Button component={Link} to="/kiem-tra-cchc/ke-hoach/moi" data-testid="insp-new-plan">{t('insp.newPlan')}</Button>}
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('insp.plans')}</Title>
        {plans?.length === 0 && <Text>{t('insp.noPlans')}</Text>}
        {plans && plans.length > 0 && (
          <Table data-testid="insp-plans">
            <Table.Thead><Table.Tr><Table.Th>{t('insp.col.plan')}</Table.Th><Table.Th>{t('insp.col.owner')}</Table.Th><Table.Th>{t('insp.col.status')}</Table.Th><Table.Th>{t('insp.col.progress')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {plans.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td><Anchor component={Link} to={`/kiem-tra-cchc/ke-hoach/${p.id}`}>{p.title}</Anchor> <Text span size="xs" c="dimmed">({t(`insp.kind.${p.kind}` as UiKey)})</Text></Table.Td>
                  <Table.Td>{p.ownerAgency.name}</Table.Td>
                  <Table.Td><Badge variant="light" style={{ textTransform: 'none' }}>{t(`insp.plan.${p.status}` as UiKey)}</Badge></Table.Td>
                  <Table.Td>{p.doneCount}/{p.visitCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {visits.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">{t('insp.myVisits')}</Title>
          <VisitTable visits={visits} lang={lang} />
        </Card>
      )}
    </Stack>
  );
}

function VisitTable({ visits, lang }: { visits: { id: string; agency: { name: string }; scheduledOn: string | null; surprise: boolean; status: string }[]; lang: 'vi' | 'en' }) {
  const { t } = useLang();
  return (
    <Table data-testid="insp-visits">
      <Table.Thead><Table.Tr><Table.Th>{t('insp.col.unit')}</Table.Th><Table.Th>{t('insp.col.date')}</Table.Th><Table.Th>{t('insp.col.status')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
      <Table.Tbody>
        {visits.map((v) => (
          <Table.Tr key={v.id} data-testid="insp-visit-row">
            <Table.Td>{v.agency.name}</Table.Td>
            <Table.Td>{v.surprise ? t('insp.surprise') : fmtDate(v.scheduledOn, lang)}</Table.Td>
            <Table.Td><Badge variant="light" style={{ textTransform: 'none' }}>{t(`insp.visit.${v.status}` as UiKey)}</Badge></Table.Td>
            <Table.Td><Anchor component={Link} to={`/kiem-tra-cchc/dot/${v.id}`} data-testid="insp-open-visit">{t('insp.open')}</Anchor></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function PlanPage() {
  const { planId = '' } = useParams();
  const { t, lang } = useLang();
  const { hasRole } = useSession();
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    inspectionApi.plan(planId).then(setPlan, setError);
  }, [planId]);
  if (!plan) return <ErrorAlert error={error} />;
  const cov = plan.coverage;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/kiem-tra-cchc">← {t('insp.plans')}</Anchor>
      <Title order={1}>{plan.title}</Title>
      <Group>
        <Badge variant="light" style={{ textTransform: 'none' }} data-testid="insp-plan-status">{t(`insp.plan.${plan.status}` as UiKey)}</Badge>
        <Text size="sm">{t(`insp.kind.${plan.kind}` as UiKey)} · {plan.ownerAgency.name} · {plan.year}</Text>
        {plan.status === 'draft' && hasRole(...PLAN_ROLES) && (
          <>
            <Button size="xs" variant="light" component={Link} to={`/kiem-tra-cchc/ke-hoach/${plan.id}/sua`}>{t('insp.edit')}</Button>
            <Button size="xs" onClick={() => inspectionApi.approvePlan(plan.id, plan.version).then(setPlan, setError)} data-testid="insp-approve">{t('insp.approve')}</Button>
          </>
        )}
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {cov && (
        <Card withBorder data-testid="insp-coverage" data-meets={cov.meets ? 'true' : 'false'}>
          <Text>{t('insp.coverage', { inspected: cov.inspected, subUnits: cov.subUnits, percent: cov.percent ?? '—' })}</Text>
          <Progress mt="xs" value={cov.percent ? Number(cov.percent) : 0} color={cov.meets ? 'green' : 'orange'} aria-label={t('insp.coverage', { inspected: cov.inspected, subUnits: cov.subUnits, percent: cov.percent ?? '—' })} />
          <Text size="sm" mt={4} c={cov.meets ? 'green.8' : 'orange.8'}>{cov.meets ? t('insp.coverage.met') : t('insp.coverage.needed', { n: cov.stillNeeded })}</Text>
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('insp.visits')}</Title>
        <VisitTable visits={plan.visits} lang={lang} />
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('insp.team')}</Title>
        <Table data-testid="insp-team">
          <Table.Thead><Table.Tr><Table.Th>{t('insp.col.member')}</Table.Th><Table.Th>{t('insp.col.agency')}</Table.Th><Table.Th>{t('insp.col.role')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {plan.team.map((m) => (
              <Table.Tr key={m.staffId}><Table.Td>{m.name}</Table.Td><Table.Td>{m.agency.name}</Table.Td><Table.Td>{m.role === 'leader' ? t('insp.leader') : t('insp.member')}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}

type VisitRow = { agencyId: string | null; scheduledOn: string; surprise: boolean };
type TeamRow = { agencyId: string | null; staffId: string | null; role: 'leader' | 'member' };

export function PlanFormPage() {
  const { planId } = useParams();
  const { t } = useLang();
  const navigate = useNavigate();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [templates, setTemplates] = useState<Template[]>([]);
  const [staff, setStaff] = useState<Record<string, Staff[]>>({});
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [f, setF] = useState<{ year: number; kind: 'province' | 'self'; title: string; ownerAgencyId: string | null; templateId: string | null; visits: VisitRow[]; team: TeamRow[] }>({
    year: Number(todayVn().slice(0, 4)), kind: 'province', title: '', ownerAgencyId: null, templateId: null, visits: [{ agencyId: null, scheduledOn: '', surprise: false }], team: [{ agencyId: null, staffId: null, role: 'leader' }],
  });
  useEffect(() => {
    api.agencies().then(setAgencies, setError);
    inspectionApi.templates().then(setTemplates, setError);
    if (planId) {
      inspectionApi.plan(planId).then((p) => {
        setVersion(p.version);
        setF({ year: p.year, kind: p.kind, title: p.title, ownerAgencyId: p.ownerAgency.id, templateId: p.templateId, visits: p.visits.map((v) => ({ agencyId: v.agency.id, scheduledOn: v.scheduledOn ?? '', surprise: v.surprise })), team: p.team.map((m) => ({ agencyId: m.agency.id, staffId: m.staffId, role: m.role })) });
      }, setError);
    }
  }, [planId]);
  const loadStaff = (agencyId: string | null) => {
    if (agencyId && !staff[agencyId]) api.agencyStaff(agencyId).then((s) => setStaff((x) => ({ ...x, [agencyId]: s })), () => {});
  };
  useEffect(() => f.team.forEach((m) => loadStaff(m.agencyId)), [f.team]); // eslint-disable-line react-hooks/exhaustive-deps
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));
  const save = async () => {
    setError(null);
    const body: PlanInputBody = {
      year: f.year, kind: f.kind, title: f.title, ownerAgencyId: f.ownerAgencyId ?? '', templateId: f.templateId ?? '',
      visits: f.visits.filter((v) => v.agencyId).map((v) => ({ agencyId: v.agencyId!, scheduledOn: v.surprise || !v.scheduledOn ? null : v.scheduledOn, surprise: v.surprise })),
      team: f.team.filter((m) => m.staffId && m.agencyId).map((m) => ({ staffId: m.staffId!, agencyId: m.agencyId!, role: m.role })),
    };
    try {
      const p = planId && version !== null ? await inspectionApi.updatePlan(planId, { ...body, version }) : await inspectionApi.createPlan(body);
      navigate(`/kiem-tra-cchc/ke-hoach/${p.id}`);
    } catch (e) {
      setError(e);
    }
  };
  const problems = (error as { details?: { problems?: { path: string; message?: string }[] } } | null)?.details?.problems ?? [];
  return (
    <Stack gap="md" data-testid="insp-plan-form">
      <Title order={1}>{planId ? t('insp.edit') : t('insp.newPlan')}</Title>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {problems.length > 0 && <Stack gap={2}>{problems.map((p) => <Text key={p.path} c="red.8" size="sm">{p.path}: {p.message ?? ''}</Text>)}</Stack>}
      <Card withBorder>
        <Stack gap="sm">
          <TextInput label={t('insp.form.title')} value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} required data-testid="insp-form-title" />
          <Group>
            <NumberInput label={t('insp.year')} value={f.year} onChange={(v) => setF({ ...f, year: Number(v) || f.year })} w={120} />
            <Select label={t('insp.form.kind')} data={[{ value: 'province', label: t('insp.kind.province') }, { value: 'self', label: t('insp.kind.self') }]} value={f.kind} onChange={(v) => setF({ ...f, kind: v === 'self' ? 'self' : 'province' })} allowDeselect={false} />
            <Select label={t('insp.form.owner')} data={agencyOptions} searchable value={f.ownerAgencyId} onChange={(v) => setF({ ...f, ownerAgencyId: v })} data-testid="insp-form-owner" />
            <Select label={t('insp.form.template')} data={templates.map((x) => ({ value: x.id, label: x.title }))} value={f.templateId} onChange={(v) => setF({ ...f, templateId: v })} data-testid="insp-form-template" />
          </Group>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('insp.visits')}</Title>
        <Stack gap="xs">
          {f.visits.map((v, i) => {
            const set = (p: Partial<VisitRow>) => setF({ ...f, visits: f.visits.map((x, j) => (j === i ? { ...x, ...p } : x)) });
            return (
              <Group key={i} align="flex-end" data-testid="insp-form-visit">
                <Select label={t('insp.form.unit')} data={agencyOptions} searchable value={v.agencyId} onChange={(a) => set({ agencyId: a })} w={320} />
                <DateField label={t('insp.form.date')} value={v.scheduledOn} onChange={(d) => set({ scheduledOn: d })} disabled={v.surprise} w={160} />
                <Checkbox label={t('insp.surprise')} checked={v.surprise} onChange={(e) => set({ surprise: e.currentTarget.checked, scheduledOn: e.currentTarget.checked ? '' : v.scheduledOn })} />
                <Button variant="subtle" color="red" onClick={() => setF({ ...f, visits: f.visits.filter((_, j) => j !== i) })}>{t('insp.form.remove')}</Button>
              </Group>
            );
          })}
          <Button variant="light" w="fit-content" onClick={() => setF({ ...f, visits: [...f.visits, { agencyId: null, scheduledOn: '', surprise: false }] })}>{t('insp.form.addVisit')}</Button>
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('insp.team')}</Title>
        <Stack gap="xs">
          {f.team.map((m, i) => {
            const set = (p: Partial<TeamRow>) => setF({ ...f, team: f.team.map((x, j) => (j === i ? { ...x, ...p } : x)) });
            return (
              <Group key={i} align="flex-end" data-testid="insp-form-member">
                <Select label={t('insp.col.agency')} data={agencyOptions} searchable value={m.agencyId} onChange={(a) => { set({ agencyId: a, staffId: null }); loadStaff(a); }} w={280} />
                <Select label={t('insp.form.staff')} data={(m.agencyId ? staff[m.agencyId] ?? [] : []).map((s) => ({ value: s.id, label: s.fullName }))} searchable value={m.staffId} onChange={(s) => set({ staffId: s })} w={240} />
                <Select label={t('insp.col.role')} data={[{ value: 'leader', label: t('insp.leader') }, { value: 'member', label: t('insp.member') }]} value={m.role} onChange={(r) => set({ role: r === 'leader' ? 'leader' : 'member' })} allowDeselect={false} w={160} />
                <Button variant="subtle" color="red" onClick={() => setF({ ...f, team: f.team.filter((_, j) => j !== i) })}>{t('insp.form.remove')}</Button>
              </Group>
            );
          })}
          <Button variant="light" w="fit-content" onClick={() => setF({ ...f, team: [...f.team, { agencyId: null, staffId: null, role: 'member' }] })}>{t('insp.form.addMember')}</Button>
        </Stack>
      </Card>
      <Button w="fit-content" onClick={() => void save()} disabled={!f.title || !f.ownerAgencyId || !f.templateId} data-testid="insp-form-save">{t('insp.form.save')}</Button>
    </Stack>
  );
}
