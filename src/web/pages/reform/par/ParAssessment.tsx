/**
 * A unit's self-assessment in a round (and its appraisal): the criteria tree; per leaf the input its scoring
 * method asks for, the explanation, evidence (upload with the page/section note, or a document from the picker),
 * the auto-filled figure with its query and drill-down link (not editable, only commented), the appraiser's
 * accept/adjust with a required comment, the unit's one answer per cycle; the running total and what is missing;
 * submit / withdraw. Locked after the deadline (the API answers 423; the page says so in words).
 */
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api.ts';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate } from '../../../format.ts';
import { parApi, type Assessment, type AssessmentNode } from './api.ts';

export function ParAssessmentPage() {
  const { id = '', agencyId = '' } = useParams();
  const { t, lang } = useLang();
  const [a, setA] = useState<Assessment | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [docs, setDocs] = useState<{ kind: string; id: string; title: string }[]>([]);
  useEffect(() => {
    parApi.assessment(id, agencyId).then(setA, setError);
    parApi.documents(id, agencyId).then(setDocs, () => setDocs([]));
  }, [id, agencyId]);
  const run = (p: Promise<Assessment>) => p.then((x) => { setA(x); setError(null); }, setError);
  if (!a) return <ErrorAlert error={error} />;
  const missingText = a.missing.map((m) => `${m.code} (${t(`par.missing.${m.reason}`)})`).join(', ');

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/chi-so-cchc/${id}`}>← {a.round.title}</Anchor>
      <Title order={1}>{t('par.assessment')} — {a.agency.name}</Title>
      <Group>
        <Badge variant="light" style={{ textTransform: 'none' }} data-testid="par-unit-status" data-status={a.status}>{t(`par.status.${a.status}`)}</Badge>
        <Text data-testid="par-running">{t('par.running', { points: a.running.points, max: a.running.max, index: a.running.index ?? '—' })}</Text>
        <Text c="dimmed">{t('par.result', { points: a.result.points, max: a.result.max, index: a.result.index ?? '—' })}</Text>
      </Group>
      {a.locked && a.round.status === 'open' && <Alert color="red" data-testid="par-locked">{t('par.locked', { date: fmtDate(a.deadlineInForce, lang) })}</Alert>}
      {a.appraisalLock.locked && a.round.status === 'open' && a.status === 'submitted' && <Alert color="orange" data-testid="par-appraisal-locked">{t('par.appraisalLocked', { date: fmtDate(a.appraisalLock.deadlineInForce, lang) })}</Alert>}
      {a.missing.length > 0 && a.status === 'draft' && <Text c="orange.8" data-testid="par-missing">{t('par.missing', { list: missingText })}</Text>}
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Group>
        {a.can.submit && <Button onClick={() => run(parApi.submit(id, agencyId, a.version))} data-testid="par-submit">{t('par.submit')}</Button>}
        {a.can.withdraw && <Button variant="light" onClick={() => run(parApi.withdraw(id, agencyId, a.version))}>{t('par.withdraw')}</Button>}
      </Group>
      {a.nodes.map((n) => (
        <NodeCard key={n.code} n={n} a={a} docs={docs} run={run} ids={{ id, agencyId }} />
      ))}
    </Stack>
  );
}

function NodeCard({ n, a, docs, run, ids }: { n: AssessmentNode; a: Assessment; docs: { kind: string; id: string; title: string }[]; run: (p: Promise<Assessment>) => void; ids: { id: string; agencyId: string } }) {
  const { t } = useLang();
  const { id, agencyId } = ids;
  const [value, setValue] = useState<string>(n.answer?.kind === 'option' ? (n.answer.key ?? '') : n.answer?.kind === 'yesno' ? (n.answer.yes ? 'yes' : 'no') : n.answer?.kind === 'value' ? String(n.answer.value) : n.answer?.kind === 'points' ? String(n.answer.points) : '');
  const [explanation, setExplanation] = useState(n.explanation ?? '');
  const [comment, setComment] = useState(n.unitComment ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [page, setPage] = useState('');
  const [pick, setPick] = useState<string | null>(null);
  const [adj, setAdj] = useState<{ points: number | string; comment: string }>({ points: n.selfPoints ? Number(n.selfPoints) : 0, comment: '' });
  const [answer, setAnswer] = useState('');
  if (!n.leaf) {
    return (
      <Title order={n.depth === 0 ? 2 : 3} size={n.depth === 0 ? 'h3' : 'h4'} mt={n.depth === 0 ? 'md' : 0} data-testid={`par-node-${n.code}`} style={{ opacity: n.applicable ? 1 : 0.5 }}>
        {n.code}. {n.title.vi} — {n.selfPoints ?? n.points}/{n.selfMax} ({t('par.col.max')} {n.max})
      </Title>
    );
  }
  const m = n.method;
  const base = n.version ? { version: n.version } : {};
  const save = () => {
    let ans: Record<string, unknown> | undefined;
    if (m?.kind === 'yesno' && value) ans = { kind: 'yesno', yes: value === 'yes' };
    else if (m?.kind === 'options' && value) ans = { kind: 'option', key: value };
    else if ((m?.kind === 'rate' || m?.kind === 'number') && value !== '') ans = { kind: 'value', value: Number(value) };
    else if (m?.kind === 'manual' && value !== '') ans = { kind: 'points', points: Number(value) };
    run(parApi.saveNode(id, agencyId, n.code, { ...base, ...(ans ? { answer: ans } : {}), ...(m?.kind === 'auto' ? {} : { explanation: explanation || null }), comment: comment || null }));
  };
  const attach = async () => {
    if (file) {
      const up = await api.uploadFile(file);
      run(parApi.addEvidence(id, agencyId, n.code, { sha256: up.sha256, fileName: file.name, pageNote: page }));
      setFile(null);
    } else if (pick) {
      const [kind, docId] = pick.split(':');
      run(parApi.addEvidence(id, agencyId, n.code, { documentRef: { kind, id: docId }, pageNote: page }));
    }
    setPage('');
  };
  const cycleComments = n.comments.filter((c) => c.cycle === a.round.cycle);
  const canAnswer = a.can.answer && cycleComments.some((c) => c.kind === 'appraisal') && !cycleComments.some((c) => c.kind === 'answer');
  return (
    <Card withBorder data-testid={`par-node-${n.code}`} style={{ opacity: n.applicable ? 1 : 0.5 }}>
      <Group justify="space-between" align="flex-start">
        <Text fw={600}>{n.code}. {n.title.vi}</Text>
        <Text data-testid="par-node-points">{n.selfPoints ?? '—'} / {n.max}{n.appraisal ? ` · ${t('par.appraised', { points: n.appraisedPoints })}` : ''}</Text>
      </Group>
      {n.guidance && <Text size="sm" c="dimmed">{n.guidance}</Text>}
      {n.evidenceExpected && <Text size="sm">{t('par.evidence')}: {n.evidenceExpected}</Text>}
      {m?.kind === 'survey' && <Text size="sm" c="dimmed">{t('par.survey.node')}</Text>}
      {m?.kind === 'auto' && (
        <Text size="sm" data-testid="par-auto">
          {n.autoFigure?.available ? t('par.auto', { rate: n.autoFigure.rate, num: n.autoFigure.numerator, den: n.autoFigure.denominator }) : t('par.auto.none')}
          {' — '}{n.autoFigure?.query}{' '}
          {n.autoFigure?.drill && <Anchor component={Link} to={n.autoFigure.drill}>{t('par.auto.drill')}</Anchor>}
        </Text>
      )}
      {a.can.edit && m && m.kind !== 'survey' && (
        <Stack gap="xs" mt="xs">
          {m.kind === 'yesno' && <SegmentedControl w="fit-content" data={[{ value: 'yes', label: t('par.yes') }, { value: 'no', label: t('par.no') }]} value={value} onChange={setValue} data-testid="par-yesno" />}
          {m.kind === 'options' && 'options' in m && <Select data={m.options.map((o) => ({ value: o.key, label: `${o.label.vi} (${o.points})` }))} value={value || null} onChange={(v) => setValue(v ?? '')} data-testid="par-option" />}
          {(m.kind === 'rate' || m.kind === 'number' || m.kind === 'manual') && <NumberInput label={t('par.value')} value={value} onChange={(v) => setValue(String(v))} decimalScale={2} data-testid="par-value" />}
          {m.kind !== 'auto' && <Textarea label={t('par.explanation')} autosize minRows={1} value={explanation} onChange={(e) => setExplanation(e.currentTarget.value)} data-testid="par-explanation" />}
          <TextInput label={t('par.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="par-comment" />
          <Button size="xs" w="fit-content" onClick={save} data-testid="par-save">{t('par.save')}</Button>
          {m.kind !== 'auto' && (
            <Group align="flex-end">
              <FileInput label={t('par.evidence.file')} value={file} onChange={setFile} data-testid="par-evidence-file" />
              <Select label={t('par.evidence.pick')} data={docs.map((d) => ({ value: `${d.kind}:${d.id}`, label: d.title }))} value={pick} onChange={setPick} clearable />
              <TextInput label={t('par.evidence.page')} value={page} onChange={(e) => setPage(e.currentTarget.value)} data-testid="par-evidence-page" />
              <Button size="xs" variant="light" disabled={(!file && !pick) || !page} onClick={() => void attach()} data-testid="par-evidence-add">{t('par.evidence.add')}</Button>
            </Group>
          )}
        </Stack>
      )}
      {!a.can.edit && (n.explanation || n.unitComment) && <Text size="sm">{n.explanation ?? ''} {n.unitComment ?? ''}</Text>}
      {n.evidence.map((e) => <Text size="sm" key={e.id} data-testid="par-evidence">{t('par.evidence')}: {e.fileName} — {e.pageNote}</Text>)}
      {n.comments.map((c) => <Text size="sm" key={c.id} c={c.kind === 'appraisal' ? 'red.8' : 'blue.8'} data-testid={`par-comment-${c.kind}`}>{c.kind === 'appraisal' ? t('par.appraise') : t('par.answer')}: {c.body}</Text>)}
      {n.remediation.length > 0 && <Text size="sm" c="orange.8">{t('par.remediation')}: {n.remediation.map((r) => r.content).join('; ')}</Text>}
      {canAnswer && (
        <Group align="flex-end">
          <TextInput label={t('par.answer')} value={answer} onChange={(e) => setAnswer(e.currentTarget.value)} data-testid="par-answer" />
          <Button size="xs" disabled={!answer} onClick={() => run(parApi.answer(id, agencyId, n.code, answer))} data-testid="par-answer-send">{t('par.answer')}</Button>
        </Group>
      )}
      {a.can.appraise && n.canAppraise && (
        <Group align="flex-end" mt="xs" data-testid="par-appraise">
          <Button size="xs" variant="light" onClick={() => run(parApi.appraise(id, agencyId, n.code, { ...base, decision: 'accept' }))} data-testid="par-accept">{t('par.accept')}</Button>
          <NumberInput label={t('par.adjust.points')} value={adj.points} onChange={(v) => setAdj({ ...adj, points: v })} decimalScale={2} w={120} data-testid="par-adjust-points" />
          <TextInput label={t('par.adjust.comment')} value={adj.comment} onChange={(e) => setAdj({ ...adj, comment: e.currentTarget.value })} data-testid="par-adjust-comment" />
          <Button size="xs" onClick={() => run(parApi.appraise(id, agencyId, n.code, { ...base, decision: 'adjust', points: Number(adj.points), comment: adj.comment }))} data-testid="par-adjust">{t('par.adjust')}</Button>
        </Group>
      )}
    </Card>
  );
}
