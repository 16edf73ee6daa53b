/**
 * "Chỉ số CCHC": the rounds the user takes part in, and (reform officer / province admin) the criteria sets —
 * import a JSON set, download it, copy it to next year — and opening a round for chosen units.
 */
import { Anchor, Badge, Button, Card, Checkbox, FileInput, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, type Agency } from '../../../api.ts';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang, useSession } from '../../../context.tsx';
import { fmtDate } from '../../../format.ts';
import { parApi, type RoundSummary, type SetSummary } from './api.ts';

export function ParRoundsPage() {
  const { t, lang } = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const admin = !!me?.assignments.some((a) => ['reform_officer', 'province_admin'].includes(a.role));
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [sets, setSets] = useState<SetSummary[]>([]);
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState<{ setId: string | null; agencyIds: string[]; self: number; appraisal: number; survey: boolean }>({ setId: null, agencyIds: [], self: 10, appraisal: 20, survey: true });

  useEffect(() => {
    parApi.rounds().then(setRounds, (e: unknown) => { setError(e); setRounds([]); });
    parApi.sets().then(setSets, setError);
    if (admin) api.agencies().then((a) => setAgencies(a.filter((x) => x.level === 'commune')), setError);
  }, [reload, admin]);

  const importFile = async (f: File | null) => {
    if (!f) return;
    setError(null);
    try {
      const r = await parApi.importSet(JSON.parse(await f.text()));
      setNotice(t('par.imported', { code: r.code, nodes: r.nodes }));
      setReload((x) => x + 1);
    } catch (e) {
      setError(e);
    }
  };
  const openRound = async () => {
    setError(null);
    try {
      const r = await parApi.openRound({ setId: open.setId!, agencyIds: open.agencyIds, surveyRun: open.survey, selfDeadline: { workingDays: open.self }, appraisalDeadline: { workingDays: open.appraisal } });
      navigate(`/chi-so-cchc/${r.id}`);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1}>{t('par.title')}</Title>
      <Text c="dimmed">{t('par.intro')}</Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {notice && <Text role="status" data-testid="par-notice">{notice}</Text>}
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('par.rounds')}</Title>
        {rounds && rounds.length === 0 && <Text>{t('par.noRounds')}</Text>}
        {rounds && rounds.length > 0 && (
          <Table data-testid="par-rounds">
            <Table.Thead><Table.Tr><Table.Th>{t('par.rounds')}</Table.Th><Table.Th>{t('par.col.status')}</Table.Th><Table.Th>{t('par.deadline', { self: '', appraisal: '' }).split(';')[0]}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {rounds.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td><Anchor component={Link} to={`/chi-so-cchc/${r.id}`}>{r.title}</Anchor></Table.Td>
                  <Table.Td><Badge variant="light" style={{ textTransform: 'none' }}>{lang === 'vi' ? r.statusLabel.vi : (r.statusLabel.en ?? r.statusLabel.vi)}</Badge></Table.Td>
                  <Table.Td>{fmtDate(r.selfDeadline, lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder>
        <Title order={2} size="h3" mb="sm">{t('par.sets')}</Title>
        <Table data-testid="par-sets">
          <Table.Tbody>
            {sets.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.title.vi}</Table.Td>
                <Table.Td>{s.code}</Table.Td>
                <Table.Td>{s.nodes} · {s.max}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    {admin && (
                      <Anchor component={Link} to={`/chi-so-cchc/bo-tieu-chi/${s.id}`} data-testid={`par-set-edit-${s.code}`}>
                        {t('parset.edit')}
                      </Anchor>
                    )}
                    <Anchor href={parApi.exportUrl(s.id)}>{t('par.export')}</Anchor>
                    {admin && <Button size="xs" variant="light" onClick={() => parApi.copySet(s.id, s.year + 1).then(() => setReload((x) => x + 1), setError)}>{t('par.copy', { year: s.year + 1 })}</Button>}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {admin && <FileInput mt="sm" label={t('par.import')} accept="application/json,.json" onChange={importFile} data-testid="par-import" />}
      </Card>
      {admin && (
        <Card withBorder data-testid="par-open-round">
          <Title order={2} size="h3" mb="sm">{t('par.open')}</Title>
          <Stack gap="sm">
            <Select label={t('par.sets')} data={sets.map((s) => ({ value: s.id, label: `${s.title.vi} (${s.code})` }))} value={open.setId} onChange={(v) => setOpen({ ...open, setId: v })} data-testid="par-open-set" />
            <Checkbox.Group label={t('par.openRound.units')} value={open.agencyIds} onChange={(v) => setOpen({ ...open, agencyIds: v })}>
              <Group mt="xs">{agencies.map((a) => <Checkbox key={a.id} value={a.id} label={a.name} />)}</Group>
            </Checkbox.Group>
            <Group>
              <NumberInput label={t('par.openRound.selfDays')} min={1} value={open.self} onChange={(v) => setOpen({ ...open, self: Number(v) || 1 })} />
              <NumberInput label={t('par.openRound.appraisalDays')} min={1} value={open.appraisal} onChange={(v) => setOpen({ ...open, appraisal: Number(v) || 1 })} />
            </Group>
            <Checkbox label={t('par.openRound.survey')} checked={open.survey} onChange={(e) => setOpen({ ...open, survey: e.currentTarget.checked })} />
            <Button w="fit-content" disabled={!open.setId || open.agencyIds.length === 0} onClick={openRound} data-testid="par-open-submit">{t('par.open')}</Button>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
