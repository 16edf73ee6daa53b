/** Pieces shared by the document office's screens: labels, badges, the list with "load more", the file input. */
import { Anchor, Badge, Button, Card, FileInput, Group, Table, Text, type FileInputProps } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { CONFIDENTIALITY_LEVELS, DOCUMENT_KINDS, DOCUMENT_KIND_NAMES, URGENCY_LEVELS } from '../../../core/documents/index.ts';
import type { UiKey } from '../../../core/i18n/ui.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { fmtDate } from '../../format.ts';
import { docApi, type DocListItem } from './api.ts';
import type { FieldErrors, ListQuery } from './logic.ts';

export function useDocOptions() {
  const { t, lang } = useLang();
  return {
    kinds: DOCUMENT_KIND_NAMES.map((k) => ({ value: k, label: DOCUMENT_KINDS[k][lang] })),
    urgencies: URGENCY_LEVELS.map((u) => ({ value: u, label: t(`doc.urgency.${u}` as UiKey) })),
    confidentialities: CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`doc.conf.${c}` as UiKey) })),
  };
}

/** The message of a field error. */
export function useFieldError<K extends string>(errors: FieldErrors<K>, pdfOnly = false) {
  const { t } = useLang();
  return (k: K): string | undefined => {
    const e = errors[k];
    if (!e) return undefined;
    return e === 'fileType' ? t(pdfOnly ? 'doc.err.filePdf' : 'doc.err.fileType') : t(e === 'required' ? 'doc.err.required' : 'doc.err.invalid');
  };
}

export function StateBadge({ state, label, timing }: { state: string; label: { vi: string; en: string }; timing?: 'in_time' | 'due_soon' | 'overdue' | null }) {
  const { t, lang } = useLang();
  const color = ['replied', 'closed', 'sent'].includes(state) ? 'green' : ['registered', 'draft'].includes(state) ? 'gray' : 'blue';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={color} style={{ textTransform: 'none' }} data-testid="doc-state" data-state={state}>
        {label[lang]}
      </Badge>
      {timing && timing !== 'in_time' && (
        <Badge color={timing === 'overdue' ? 'red' : 'orange'} style={{ textTransform: 'none' }} data-testid="doc-timing">
          {t(`doc.timing.${timing}`)}
        </Badge>
      )}
    </Group>
  );
}

export function UrgencyBadge({ urgency, confidentiality }: { urgency: string; confidentiality: string }) {
  const { t } = useLang();
  return (
    <>
      {urgency !== 'normal' && (
        <Badge size="xs" color="red" variant="outline" style={{ textTransform: 'none' }}>
          {t(`doc.urgency.${urgency}` as UiKey)}
        </Badge>
      )}
      {confidentiality !== 'normal' && (
        <Badge size="xs" color="grape" variant="outline" style={{ textTransform: 'none' }}>
          {t(`doc.conf.${confidentiality}` as UiKey)}
        </Badge>
      )}
    </>
  );
}

/** A keyset-paged list of documents for a query; `reloadKey` re-reads from the first page. */
export function DocumentList({ query, reloadKey }: { query: ListQuery; reloadKey: number }) {
  const { t, lang } = useLang();
  const [items, setItems] = useState<DocListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setLoading(true);
    docApi.list(query).then(
      (r) => {
        if (!live) return;
        setItems(r.items);
        setNext(r.next);
        setLoading(false);
      },
      (e) => live && (setError(e), setLoading(false)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, reloadKey]);
  const more = useCallback(() => {
    if (!next) return;
    setLoading(true);
    docApi.list({ ...query, cursor: next }).then(
      (r) => {
        setItems((x) => [...x, ...r.items]);
        setNext(r.next);
        setLoading(false);
      },
      (e) => (setError(e), setLoading(false)),
    );
  }, [next, query]);
  const incoming = query.direction === 'incoming';
  return (
    <Card withBorder padding="sm">
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {items.length === 0 && !loading ? (
        <Text data-testid="doc-none">{t('doc.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover data-testid="doc-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{incoming ? t('doc.col.registerNo') : t('doc.col.created')}</Table.Th>
                <Table.Th w={150}>{t('doc.col.numberSymbol')}</Table.Th>
                <Table.Th>{incoming ? t('doc.col.summary') : t('doc.col.subject')}</Table.Th>
                {incoming && <Table.Th w={200}>{t('doc.col.sender')}</Table.Th>}
                {incoming && <Table.Th w={150}>{t('doc.col.handler')}</Table.Th>}
                {incoming && <Table.Th w={100}>{t('doc.col.due')}</Table.Th>}
                <Table.Th w={160}>{t('doc.col.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id} data-testid="doc-row" data-id={d.id}>
                  <Table.Td>{incoming ? (d.registerNo ?? '—') : fmtDate(d.createdAt, lang)}</Table.Td>
                  <Table.Td>{d.numberSymbol ?? '—'}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/van-ban/${d.id}`} data-testid="doc-open">
                      {d.summary}
                    </Anchor>{' '}
                    <UrgencyBadge urgency={d.urgency} confidentiality={d.confidentiality} />
                  </Table.Td>
                  {incoming && <Table.Td>{d.senderName ?? '—'}</Table.Td>}
                  {incoming && <Table.Td>{d.handler?.name ?? '—'}</Table.Td>}
                  {incoming && <Table.Td>{fmtDate(d.dueAt, lang)}</Table.Td>}
                  <Table.Td>
                    <StateBadge state={d.state} label={d.stateLabel} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {next && (
        <Button mt="sm" variant="light" size="xs" onClick={more} loading={loading} data-testid="doc-more">
          {t('doc.more')}
        </Button>
      )}
    </Card>
  );
}

/** A file picker that reports the chosen file. */
export function DocFileInput(props: FileInputProps & { accept: string }) {
  return <FileInput rightSection={<IconFileUpload size={16} aria-hidden />} rightSectionPointerEvents="none" {...props} />;
}
