/**
 * One remediation task: content, deadline, source; for the owner unit a report with evidence upload (required);
 * for the leader / standing body accept, or return with a required comment; the append-only history and evidence.
 */
import { Anchor, Button, Card, FileInput, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../../api.ts';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate, fmtDateTime } from '../../../format.ts';
import { remedApi, type Task } from './api.ts';
import { StatusBadge } from './RemediationList.tsx';

export function RemediationTaskPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [task, setTask] = useState<Task | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    remedApi.task(id).then(setTask, setError);
  }, [id]);
  const run = (p: Promise<Task>) => {
    setBusy(true);
    return p.then((x) => { setTask(x); setError(null); setReport(''); setFiles([]); setComment(''); }, setError).finally(() => setBusy(false));
  };
  if (!task) return <ErrorAlert error={error} />;
  const send = async () => {
    const evidence = [];
    for (const f of files) evidence.push({ sha256: (await api.uploadFile(f)).sha256, fileName: f.name });
    await run(remedApi.report(id, task.version, report, evidence));
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/khac-phuc">← {t('remed.back')}</Anchor>
      <Title order={1}>{t('remed.task')} — {task.owner.name}</Title>
      <Group><StatusBadge t={task} /><Text>{t('remed.deadline', { date: fmtDate(task.deadline, lang) })}</Text><Text c="dimmed">{t('remed.notice', { date: fmtDate(task.noticeDate, lang) })}</Text></Group>
      <Card withBorder>
        <Text data-testid="remed-content" style={{ whiteSpace: 'pre-wrap' }}>{task.content}</Text>
        <Text size="sm" mt="xs">{t(`remed.source.${task.source.kind}`)}{task.source.kind === 'par' ? ` — ${task.source.nodeCode}` : ''} · <Anchor component={Link} to={task.source.link}>{t('remed.sourceLink')}</Anchor></Text>
      </Card>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {task.can.report && (
        <Card withBorder data-testid="remed-report-form">
          <Title order={2} size="h3">{t('remed.report')}</Title>
          <Textarea label={t('remed.report.text')} autosize minRows={3} value={report} onChange={(e) => setReport(e.currentTarget.value)} data-testid="remed-report-text" />
          <FileInput mt="xs" multiple label={t('remed.report.files')} value={files} onChange={setFiles} data-testid="remed-report-files" />
          <Button mt="sm" disabled={busy || !report.trim()} onClick={() => void send()} data-testid="remed-report-send">{t('remed.report.send')}</Button>
        </Card>
      )}
      {(task.can.accept || task.can.return) && (
        <Card withBorder data-testid="remed-decide-form">
          <Title order={2} size="h3">{t('remed.decide')}</Title>
          <Textarea label={t('remed.comment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="remed-comment" />
          <Group mt="sm">
            {task.can.accept && <Button color="green" disabled={busy} onClick={() => void run(remedApi.accept(id, task.version, comment))} data-testid="remed-accept">{t('remed.accept')}</Button>}
            {task.can.return && <Button color="orange" variant="light" disabled={busy} onClick={() => void run(remedApi.returnTask(id, task.version, comment))} data-testid="remed-return">{t('remed.return')}</Button>}
          </Group>
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h3">{t('remed.history')}</Title>
        <Table data-testid="remed-history">
          <Table.Tbody>
            {task.history.map((h) => (
              <Table.Tr key={h.id} data-testid="remed-history-row" data-action={h.action}>
                <Table.Td>{fmtDateTime(h.at, lang)}</Table.Td>
                <Table.Td>{t(`remed.action.${h.action as "create" | "report" | "accept" | "return" | "deadline"}`)}</Table.Td>
                <Table.Td>{h.actor?.name ?? ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{h.body ?? ''}{task.evidence.filter((e) => e.historyId === h.id).map((e) => <Text key={e.id} size="sm">{t('remed.evidence')}: {e.fileName}</Text>)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
