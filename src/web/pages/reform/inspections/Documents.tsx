/**
 * The minutes (biên bản) and the conclusion notice (thông báo kết luận) of a done visit: edit the draft's subject,
 * sections and (conclusion) recommendations, preview the PDF (watermarked "DỰ THẢO" until issued), issue (leader;
 * minutes first). After the conclusion is issued, its remediation tasks are listed.
 */
import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { documentNumber } from '../../../../core/reform/inspections/documents.ts';
import { uuid } from '../../../api.ts';
import { DateField } from '../../../components/DateField.tsx';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { fmtDate } from '../../../format.ts';
import { inspectionApi, inspectionLinks, type DocumentKind, type RemediationRow, type Visit, type VisitDocument } from './api.ts';

export function DocumentsPage() {
  const { visitId = '' } = useParams();
  const { t, lang } = useLang();
  const [visit, setVisit] = useState<Visit | null>(null);
  const [tasks, setTasks] = useState<RemediationRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    inspectionApi.visit(visitId).then(setVisit, setError);
    inspectionApi.tasks(visitId).then(setTasks, () => setTasks([]));
  }, [visitId, reload]);
  if (!visit) return <ErrorAlert error={error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/kiem-tra-cchc/dot/${visitId}`}>← {visit.agency.name}</Anchor>
      <Title order={1}>{t('insp.documents')}</Title>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {(['minutes', 'conclusion'] as DocumentKind[]).map((k) => (
        <DocumentCard key={`${k}-${reload}`} visit={visit} kind={k} onIssued={() => setReload((x) => x + 1)} />
      ))}
      <Card withBorder data-testid="insp-tasks">
        <Title order={2} size="h3" mb="sm">{t('insp.tasks')}</Title>
        {tasks.length === 0 ? <Text>{t('insp.tasks.none')}</Text> : (
          <Table>
            <Table.Tbody>
              {tasks.map((x) => (
                <Table.Tr key={x.id} data-testid="insp-task">
                  <Table.Td><Anchor component={Link} to={`/khac-phuc/${x.id}`}>{x.content}</Anchor></Table.Td>
                  <Table.Td>{x.owner.name}</Table.Td>
                  <Table.Td>{fmtDate(x.deadline, lang)}</Table.Td>
                  <Table.Td><Badge variant="light" style={{ textTransform: 'none', minWidth: 'max-content' }} data-testid="insp-task-status" data-status={x.status}>{lang === 'vi' ? x.statusLabel.vi : (x.statusLabel.en ?? x.statusLabel.vi)}</Badge>{x.overdue && <Badge color="red" ml={4} style={{ textTransform: 'none' }}>{t('insp.task.overdue')}</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}

function DocumentCard({ visit, kind, onIssued }: { visit: Visit; kind: DocumentKind; onIssued: () => void }) {
  const { t } = useLang();
  const [doc, setDoc] = useState<VisitDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    inspectionApi.document(visit.id, kind).then(setDoc, setError);
  }, [visit.id, kind]);
  if (!doc) return <Card withBorder><Title order={2} size="h3">{t(`insp.doc.${kind}`)}</Title><ErrorAlert error={error} /></Card>;
  const draft = doc.status === 'draft';
  const save = async () => {
    setError(null);
    try {
      setDoc(await inspectionApi.saveDocument(visit.id, kind, { version: doc.version, subject: doc.subject, sections: doc.sections, ...(kind === 'conclusion' && doc.recommendations ? { recommendations: doc.recommendations } : {}) }));
    } catch (e) {
      setError(e);
    }
  };
  const issue = async () => {
    setError(null);
    try {
      setDoc(await inspectionApi.issue(visit.id, kind, doc.version));
      onIssued();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card withBorder data-testid={`insp-doc-${kind}`} data-status={doc.status}>
      <Group justify="space-between">
        <Title order={2} size="h3">{t(`insp.doc.${kind}`)}</Title>
        <Badge variant="light" color={draft ? 'blue' : 'green'} style={{ textTransform: 'none' }} data-testid="insp-doc-status">{draft ? t('insp.doc.draft') : t('insp.doc.issued', { number: doc.number === null ? '' : documentNumber(kind, doc.number) })}</Badge>
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Stack gap="sm" mt="sm">
        <TextInput label={t('insp.doc.subject')} value={doc.subject} disabled={!draft} onChange={(e) => setDoc({ ...doc, subject: e.currentTarget.value })} />
        {doc.sections.map((s, i) => (
          <Textarea key={s.key} label={s.heading} autosize minRows={3} value={s.body} disabled={!draft} onChange={(e) => setDoc({ ...doc, sections: doc.sections.map((x, j) => (j === i ? { ...x, body: e.currentTarget.value } : x)) })} data-testid={`insp-doc-section-${s.key}`} />
        ))}
        {/* Recommendations belong to the conclusion only (the minutes answer an empty list). */}
        {kind === 'conclusion' && doc.recommendations && (
          <Stack gap="xs" data-testid="insp-recommendations">
            <Text fw={600}>{t('insp.doc.recommendations')}</Text>
            {doc.recommendations.map((r, i) => (
              <Group key={r.id} align="flex-end">
                <TextInput label={t('insp.doc.content')} value={r.content} disabled={!draft} style={{ flex: 1 }} onChange={(e) => setDoc({ ...doc, recommendations: doc.recommendations!.map((x, j) => (j === i ? { ...x, content: e.currentTarget.value } : x)) })} data-testid="insp-rec-content" />
                <DateField label={t('insp.doc.deadline')} value={r.deadline ?? ''} disabled={!draft} onChange={(d) => setDoc({ ...doc, recommendations: doc.recommendations!.map((x, j) => (j === i ? { ...x, deadline: d || null } : x)) })} w={200} />
              </Group>
            ))}
            {draft && <Button variant="light" w="fit-content" onClick={() => setDoc({ ...doc, recommendations: [...doc.recommendations!, { id: uuid(), ownerAgencyId: visit.agency.id, content: '', deadline: null }] })}>{t('insp.doc.addRecommendation')}</Button>}
          </Stack>
        )}
        <Group>
          {draft && <Button variant="light" onClick={() => void save()} data-testid={`insp-doc-save-${kind}`}>{t('insp.doc.save')}</Button>}
          <Anchor href={inspectionLinks.pdf(visit.id, kind)} target="_blank" rel="noopener" data-testid={`insp-doc-pdf-${kind}`}>{t('insp.doc.preview')}</Anchor>
          {draft && visit.me.role === 'leader' && <Button onClick={() => void issue()} data-testid={`insp-doc-issue-${kind}`}>{t('insp.doc.issue')}</Button>}
        </Group>
      </Stack>
    </Card>
  );
}
