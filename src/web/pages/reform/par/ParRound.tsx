/**
 * One round: its units (status, lock, grace, running index) with unlock/relock per phase (self-assessment,
 * appraisal) for the owners; the appraiser assignments (assign per unit or per area, list, remove with a reason); the council's
 * finalise / publish / reopen; survey CSV import and the survey run in motcua (SurveyRunCard); the results — ranking with groups and change vs last year, the
 * per-area comparison chart (ECharts, print-safe patterns) with its data table, the lost-points report per unit —
 * and the XLSX/PDF exports. Results stay private until published (the API decides what the caller may see).
 */
import { Alert, Anchor, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, type Staff } from '../../../api.ts';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate } from '../../../format.ts';
import { EChart, PALETTE } from '../../monitoring/Chart.tsx';
import { parApi, type Appraiser, type LostRow, type Results, type Round } from './api.ts';
import { remedApi } from '../remediation/api.ts';
import { SurveyRunCard } from './SurveyRunCard.tsx';

export function ParRoundPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [round, setRound] = useState<Round | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [csv, setCsv] = useState('');
  const [reload, setReload] = useState(0);
  const [lostOf, setLostOf] = useState<string | null>(null);
  const [assign, setAssign] = useState<{ agency: { id: string; name: string }; row: LostRow } | null>(null);

  useEffect(() => {
    parApi.round(id).then(setRound, setError);
    parApi.results(id).then(setResults, () => setResults(null));
  }, [id, reload]);
  const act = (p: Promise<unknown>) => p.then(() => setReload((x) => x + 1), setError);
  if (!round) return <ErrorAlert error={error} />;
  const lostRow = results?.rows.find((r) => r.agency.id === lostOf) ?? (results?.rows.length === 1 ? results.rows[0] : null);

  return (
    <Stack gap="md">
      <Title order={1}>{round.title}</Title>
      <Text>{t('par.deadline', { self: fmtDate(round.selfDeadline, lang), appraisal: fmtDate(round.appraisalDeadline, lang) })}</Text>
      <Group>
        <Badge variant="light" style={{ textTransform: 'none' }} data-testid="par-round-status" data-status={round.status}>{lang === 'vi' ? round.statusLabel.vi : (round.statusLabel.en ?? round.statusLabel.vi)}</Badge>
        {round.can.finalise && <Button size="xs" onClick={() => act(parApi.finalise(id, round.version))} data-testid="par-finalise">{t('par.finalise')}</Button>}
        {round.can.publish && <Button size="xs" onClick={() => act(parApi.publish(id, round.version))} data-testid="par-publish">{t('par.publish')}</Button>}
        {round.can.reopen && <Button size="xs" variant="light" onClick={() => { const r = window.prompt(t('par.reason')); if (r) act(parApi.reopen(id, round.version, r)); }}>{t('par.reopen')}</Button>}
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Card withBorder>
        <Table data-testid="par-units">
          <Table.Thead><Table.Tr><Table.Th>{t('par.col.unit')}</Table.Th><Table.Th>{t('par.col.status')}</Table.Th><Table.Th>{t('par.col.index')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {round.units.map((u) => (
              <Table.Tr key={u.agency.id} data-testid={`par-unit-${u.agency.code}`}>
                <Table.Td>{u.agency.name}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light" style={{ textTransform: 'none' }} color={u.status === 'submitted' ? 'green' : 'blue'}>{t(`par.status.${u.status}`)}</Badge>
                    {u.late && <Badge color="red" style={{ textTransform: 'none' }}>{t('par.late')}</Badge>}
                    {u.graceUntil && !u.locked && <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>{t('par.grace', { date: fmtDate(u.graceUntil, lang) })}</Badge>}
                    {round.status === 'open' && u.appraisalLock.locked && <Badge color="gray" variant="light" style={{ textTransform: 'none' }} data-testid="par-appraisal-locked">{t('par.appraisalLockedBadge')}</Badge>}
                    {round.status === 'open' && u.appraisalLock.inGrace && u.appraisalLock.graceUntil && <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>{t('par.appraisalGrace', { date: fmtDate(u.appraisalLock.graceUntil, lang) })}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td>{u.index ?? '—'}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/chi-so-cchc/${id}/don-vi/${u.agency.id}`}>{t('par.openUnit')}</Anchor>
                    {round.can.admin && u.pastDeadline && u.locked && round.status === 'open' && <Button size="compact-xs" variant="light" onClick={() => act(parApi.unlock(id, u.agency.id, window.prompt(t('par.reason')) || 'Gia hạn'))}>{t('par.unlock')}</Button>}
                    {round.can.admin && u.graceUntil && !u.locked && round.status === 'open' && <Button size="compact-xs" variant="subtle" onClick={() => act(parApi.relock(id, u.agency.id, 'Khóa lại'))}>{t('par.relock')}</Button>}
                    {round.can.admin && u.appraisalLock.pastDeadline && u.appraisalLock.locked && round.status === 'open' && <Button size="compact-xs" variant="light" onClick={() => act(parApi.unlock(id, u.agency.id, window.prompt(t('par.reason')) || 'Gia hạn thẩm định', 'appraisal'))}>{t('par.unlockAppraisal')}</Button>}
                    {round.can.admin && u.appraisalLock.inGrace && round.status === 'open' && <Button size="compact-xs" variant="subtle" onClick={() => act(parApi.relock(id, u.agency.id, 'Khóa lại thẩm định', 'appraisal'))}>{t('par.relockAppraisal')}</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {round.can.admin && <AppraisersCard round={round} onChange={setRound} />}
      {round.can.admin && round.status === 'open' && round.surveyRun && (
        <Card withBorder>
          <Title order={2} size="h3">{t('par.survey')}</Title>
          <Textarea label={t('par.surveyCsv')} minRows={3} autosize value={csv} onChange={(e) => setCsv(e.currentTarget.value)} data-testid="par-survey-csv" />
          <Button mt="xs" size="xs" disabled={!csv.trim()} onClick={() => act(parApi.importSurvey(id, csv).then(() => setCsv('')))} data-testid="par-survey-import">{t('par.surveyImport')}</Button>
        </Card>
      )}
      {round.can.admin && round.status === 'open' && round.surveyRun && <SurveyRunCard round={round} onError={setError} onApplied={() => setReload((x) => x + 1)} />}
      {results && (
        <Card withBorder data-testid="par-results">
          <Group justify="space-between">
            <Title order={2} size="h3">{t('par.results')}</Title>
            <Group gap="xs">
              <Anchor href={parApi.exportResults(id, 'xlsx')}>XLSX</Anchor>
              <Anchor href={parApi.exportResults(id, 'pdf')}>PDF</Anchor>
            </Group>
          </Group>
          {round.status !== 'published' && <Text size="sm" c="dimmed">{t('par.private')}</Text>}
          <Table mt="sm" data-testid="par-ranking">
            <Table.Thead><Table.Tr><Table.Th>{t('par.col.rank')}</Table.Th><Table.Th>{t('par.col.unit')}</Table.Th><Table.Th>{t('par.col.points')}</Table.Th><Table.Th>{t('par.col.index')}</Table.Th><Table.Th>{t('par.col.group')}</Table.Th><Table.Th>{t('par.col.change')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {results.rows.map((r) => (
                <Table.Tr key={r.agency.id}>
                  <Table.Td>{r.rank ?? '—'}{r.tied ? '=' : ''}</Table.Td>
                  <Table.Td>{r.agency.name}</Table.Td>
                  <Table.Td>{r.points}/{r.max}</Table.Td>
                  <Table.Td data-testid="par-index">{r.index ?? '—'}</Table.Td>
                  <Table.Td>{r.group ?? '—'}</Table.Td>
                  <Table.Td>{r.change ? (r.change.startsWith('-') ? r.change : `+${r.change}`) : '—'}</Table.Td>
                  <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => setLostOf(r.agency.id)} data-testid={`par-lost-${r.agency.code}`}>{t('par.lostPoints')}</Button></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h4" mt="md">{t('par.areaChart')}</Title>
          <EChart
            label={t('par.areaChart')}
            height={320}
            testid="par-area-chart"
            option={{
              aria: { enabled: true, decal: { show: true } },
              animation: false,
              legend: { top: 0 },
              grid: { left: 40, right: 10, top: 40, bottom: 30 },
              xAxis: { type: 'category', data: results.areas.map((a) => a.code) },
              yAxis: { type: 'value', max: 100 },
              series: results.rows.slice(0, 6).map((r, i) => ({ type: 'bar', name: r.agency.name.replace('Ủy ban nhân dân ', ''), color: PALETTE[i % PALETTE.length], label: { show: results.rows.length <= 3, position: 'top' }, data: r.areas.map((a) => (a.percent === null ? null : Number(a.percent))) })),
            }}
          />
          <Table mt="sm" data-testid="par-area-table">
            <Table.Thead><Table.Tr><Table.Th>{t('par.col.unit')}</Table.Th>{results.areas.map((a) => <Table.Th key={a.code} title={a.title.vi}>{a.code} ({a.max})</Table.Th>)}</Table.Tr></Table.Thead>
            <Table.Tbody>{results.rows.map((r) => <Table.Tr key={r.agency.id}><Table.Td>{r.agency.name}</Table.Td>{r.areas.map((a) => <Table.Td key={a.code}>{a.points} ({a.percent ?? '—'} %)</Table.Td>)}</Table.Tr>)}</Table.Tbody>
          </Table>
          {lostRow?.lostPoints && (
            <>
              <Title order={3} size="h4" mt="md">{t('par.lostPoints')} — {lostRow.agency.name}</Title>
              {lostRow.lostPoints.length === 0 ? <Text>{t('par.noLost')}</Text> : (
                <Table data-testid="par-lost-table">
                  <Table.Thead><Table.Tr><Table.Th>{t('par.col.criterion')}</Table.Th><Table.Th>{t('par.col.max')}</Table.Th><Table.Th>{t('par.col.points')}</Table.Th><Table.Th>{t('par.col.lost')}</Table.Th><Table.Th>{t('par.col.note')}</Table.Th>{round.can.admin && <Table.Th />}</Table.Tr></Table.Thead>
                  <Table.Tbody>{lostRow.lostPoints.map((l) => <Table.Tr key={l.nodeCode} data-testid="par-lost-row" data-node={l.nodeCode}><Table.Td>{l.nodeCode}. {l.title}</Table.Td><Table.Td>{l.max}</Table.Td><Table.Td>{l.points}</Table.Td><Table.Td>{l.lost}</Table.Td><Table.Td>{l.appraiserNote ?? ''}</Table.Td>{round.can.admin && <Table.Td><Button size="compact-xs" variant="light" onClick={() => setAssign({ agency: lostRow.agency, row: l })} data-testid="par-assign-task">{t('remed.assign')}</Button></Table.Td>}</Table.Tr>)}</Table.Tbody>
                </Table>
              )}
            </>
          )}
        </Card>
      )}
      {assign && <AssignTaskModal roundId={id} agency={assign.agency} row={assign.row} onClose={() => setAssign(null)} />}
    </Stack>
  );
}

/** "Giao nhiệm vụ khắc phục" from a lost-points row: owner = the unit, content from the criterion, default deadline 15 days (server rule). */
function AssignTaskModal({ roundId, agency, row, onClose }: { roundId: string; agency: { id: string; name: string }; row: LostRow; onClose: () => void }) {
  const { t, lang } = useLang();
  const [content, setContent] = useState(t('remed.assign.prefill', { code: row.nodeCode, title: row.title, lost: row.lost, note: row.appraiserNote ? `: ${row.appraiserNote}` : '.' }));
  const [deadline, setDeadline] = useState('');
  const [done, setDone] = useState<{ id: string; deadline: string; existed: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const save = () =>
    remedApi.create({ roundId, agencyId: agency.id, nodeCode: row.nodeCode, content, ...(deadline ? { deadline } : {}) }).then(
      (task) => setDone({ id: task.id, deadline: task.deadline, existed: task.history.length > 1 || task.content !== content }),
      setError,
    );
  return (
    <Modal opened onClose={onClose} title={t('remed.assign')} size="lg" data-testid="par-assign-modal">
      <Stack gap="sm">
        <Text>{t('remed.assign.owner', { name: agency.name })}</Text>
        <Textarea label={t('remed.assign.content')} autosize minRows={3} value={content} onChange={(e) => setContent(e.currentTarget.value)} data-testid="par-assign-content" />
        <TextInput type="date" label={t('remed.assign.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} data-testid="par-assign-deadline" />
        <ErrorAlert error={error} onClose={() => setError(null)} />
        {done ? (
          <Alert color="green" data-testid="par-assign-done">
            {t(done.existed ? 'remed.assign.exists' : 'remed.assign.done', { date: fmtDate(done.deadline, lang) })} <Anchor component={Link} to={`/khac-phuc/${done.id}`}>{t('remed.open')}</Anchor>
          </Alert>
        ) : (
          <Button onClick={() => void save()} disabled={!content.trim()} data-testid="par-assign-save">{t('remed.assign.save')}</Button>
        )}
      </Stack>
    </Modal>
  );
}

/**
 * "Phân công thẩm định" (the round's owners): the current assignments — appraiser, unit or all units, area or all
 * areas — each removable with a reason (kept in the round's history); a form to assign a staff member of the
 * province per unit, per area, or both.
 */
function AppraisersCard({ round, onChange }: { round: Round; onChange: (r: Round) => void }) {
  const { t, lang } = useLang();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [areaCode, setAreaCode] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Appraiser | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.agencyStaff(round.ownerAgencyId).then(setStaff, () => setStaff([]));
  }, [round.ownerAgencyId]);
  const unitName = (a: string | null) => (a === null ? t('par.appraisers.allUnits') : (round.units.find((u) => u.agency.id === a)?.agency.name ?? a));
  const areaName = (c: string | null) => {
    if (c === null) return t('par.appraisers.allAreas');
    const area = round.areas.find((x) => x.code === c);
    return area ? `${area.code}. ${lang === 'en' && area.title.en ? area.title.en : area.title.vi}` : c;
  };
  const assign = () => {
    if (!userId) return;
    const name = staff.find((s) => s.id === userId)?.fullName ?? '';
    parApi.assign(round.id, { userId, ...(agencyId ? { agencyId } : {}), ...(areaCode ? { areaCode } : {}) }).then(
      (r) => {
        onChange(r);
        setNotice(t('par.appraisers.assigned', { name }));
        setUserId(null);
        setAgencyId(null);
        setAreaCode(null);
        setError(null);
      },
      setError,
    );
  };
  const remove = () => {
    if (!removing || !reason.trim()) return;
    parApi.removeAppraiser(round.id, removing.id, reason.trim()).then(
      (r) => {
        onChange(r);
        setNotice(t('par.appraisers.removed', { name: removing.name }));
        setRemoving(null);
        setReason('');
        setError(null);
      },
      setError,
    );
  };
  return (
    <Card withBorder data-testid="par-appraisers">
      <Title order={2} size="h3">{t('par.appraisers')}</Title>
      <Text size="sm" c="dimmed">{t('par.appraisers.hint')}</Text>
      {round.appraisers.length === 0 ? (
        <Text mt="sm" data-testid="par-appraisers-none">{t('par.appraisers.none')}</Text>
      ) : (
        <Table mt="sm" data-testid="par-appraisers-table">
          <Table.Thead><Table.Tr><Table.Th>{t('par.appraisers.col.appraiser')}</Table.Th><Table.Th>{t('par.col.unit')}</Table.Th><Table.Th>{t('par.appraisers.col.area')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {round.appraisers.map((a) => (
              <Table.Tr key={a.id} data-testid="par-appraiser-row" data-user={a.username}>
                <Table.Td>{a.name} ({a.username})</Table.Td>
                <Table.Td>{unitName(a.agencyId)}</Table.Td>
                <Table.Td>{areaName(a.areaCode)}</Table.Td>
                <Table.Td><Button size="compact-xs" variant="subtle" color="red" onClick={() => { setRemoving(a); setReason(''); }} data-testid="par-appraiser-remove" aria-label={`${t('par.appraisers.remove')}: ${a.name}`}>{t('par.appraisers.remove')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group mt="sm" align="flex-end" gap="sm">
        <Select label={t('par.appraisers.pick')} searchable data={staff.map((s) => ({ value: s.id, label: `${s.fullName} (${s.username})` }))} value={userId} onChange={setUserId} w={280} data-testid="par-appraiser-user" />
        <Select label={t('par.appraisers.unit')} clearable placeholder={t('par.appraisers.allUnits')} data={round.units.map((u) => ({ value: u.agency.id, label: u.agency.name }))} value={agencyId} onChange={setAgencyId} w={280} data-testid="par-appraiser-unit" />
        <Select label={t('par.appraisers.area')} clearable placeholder={t('par.appraisers.allAreas')} data={round.areas.map((a) => ({ value: a.code, label: areaName(a.code) }))} value={areaCode} onChange={setAreaCode} w={280} data-testid="par-appraiser-area" />
        <Button onClick={assign} disabled={!userId || (!agencyId && !areaCode)} data-testid="par-appraiser-assign">{t('par.appraisers.assign')}</Button>
      </Group>
      {notice && <Alert mt="xs" color="green" data-testid="par-appraisers-notice">{notice}</Alert>}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {removing && (
        <Modal opened onClose={() => setRemoving(null)} title={t('par.appraisers.removeTitle', { name: removing.name })} data-testid="par-appraiser-remove-modal">
          <Stack gap="sm">
            <Text size="sm">{unitName(removing.agencyId)} · {areaName(removing.areaCode)}</Text>
            <Textarea label={t('par.appraisers.removeReason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="par-appraiser-remove-reason" />
            <Button color="red" onClick={remove} disabled={!reason.trim()} data-testid="par-appraiser-remove-confirm">{t('par.appraisers.remove')}</Button>
          </Stack>
        </Modal>
      )}
    </Card>
  );
}
