/** /van-ban/di — outgoing documents: the queues as tabs, search, and a form to start a draft by uploading a PDF. */
import { Button, Group, Modal, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { docApi, type Doc } from './api.ts';
import { DocFileInput, DocumentList, useDocOptions, useFieldError } from './common.tsx';
import { SearchBar } from './Incoming.tsx';
import { checkDraft, EMPTY_DRAFT, EMPTY_SEARCH, listQuery, OUTGOING_TABS, tabFrom, type DraftForm, type FieldErrors, type OutgoingTab, type SearchForm } from './logic.ts';

export function OutgoingPage() {
  const { t } = useLang();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const inReplyTo = params.get('inReplyTo');
  const tab = tabFrom(OUTGOING_TABS, params.get('tab'), hasRole('leader') ? 'to_sign' : hasRole('desk_officer', 'unit_admin') ? 'to_number' : 'drafts');
  const [search, setSearch] = useState<SearchForm>(EMPTY_SEARCH);
  const [open, setOpen] = useState(inReplyTo !== null);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('doc.outgoing.title')}</Title>
          <Text size="sm" c="dimmed" maw={800}>
            {t('doc.outgoing.intro')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)} data-testid="doc-draft-open">
          {t('doc.draft.open')}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {OUTGOING_TABS.map((q) => (
            <Tabs.Tab key={q} value={q} data-testid={`doc-tab-${q}`}>
              {t(`doc.tab.${q}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SearchBar incoming={false} onSearch={setSearch} />
      <DocumentList query={listQuery('outgoing', tab as OutgoingTab, search)} reloadKey={0} />
      <DraftModal opened={open} inReplyTo={inReplyTo} onClose={() => setOpen(false)} />
    </Stack>
  );
}

function DraftModal({ opened, inReplyTo, onClose }: { opened: boolean; inReplyTo: string | null; onClose: () => void }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const opts = useDocOptions();
  const [f, setF] = useState<DraftForm>({ ...EMPTY_DRAFT, inReplyTo });
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof DraftForm>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const err = useFieldError(errors, true);
  const [answered, setAnswered] = useState<Doc | null>(null);
  useEffect(() => {
    if (inReplyTo) docApi.get(inReplyTo).then(setAnswered, setError);
  }, [inReplyTo]);
  const set = (k: keyof DraftForm) => (v: string | null) => setF((x) => ({ ...x, [k]: v ?? '' }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkDraft({ ...f, inReplyTo, fileName: file?.name ?? null });
    if (!c.ok) return setErrors(c.errors);
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      const up = await docApi.upload(file!);
      const d = await docApi.draft({ ...c.body, file: { sha256: up.sha256, fileName: file!.name } });
      navigate(`/van-ban/${d.id}`);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('doc.draft.title')} size="lg">
      <form onSubmit={submit} noValidate data-testid="doc-draft-form">
        <Stack gap="sm">
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <Textarea required label={t('doc.f.subject')} autosize minRows={2} value={f.subject} onChange={(e) => set('subject')(e.currentTarget.value)} error={err('subject')} data-testid="doc-f-subject" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select required label={t('doc.f.kind')} data={opts.kinds} value={f.kind} onChange={set('kind')} allowDeselect={false} data-testid="doc-f-kind" />
            <TextInput label={t('doc.f.unitSymbol')} placeholder={t('doc.f.unitSymbol.ph')} value={f.unitSymbol} onChange={(e) => set('unitSymbol')(e.currentTarget.value)} error={err('unitSymbol')} data-testid="doc-f-unit" />
            <Select label={t('doc.f.urgency')} data={opts.urgencies} value={f.urgency} onChange={set('urgency')} allowDeselect={false} />
            <Select label={t('doc.f.confidentiality')} data={opts.confidentialities} value={f.confidentiality} onChange={set('confidentiality')} allowDeselect={false} />
          </SimpleGrid>
          {inReplyTo && (
            <Text size="sm" data-testid="doc-draft-reply">
              {t('doc.draft.inReplyTo')}: {answered ? `${answered.numberSymbol ?? ''} — ${answered.summary}` : '…'}
            </Text>
          )}
          <DocFileInput required label={t('doc.f.filePdf')} accept=".pdf,application/pdf" value={file} onChange={setFile} error={err('fileName')} data-testid="doc-f-file" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="doc-draft-submit">
              {t('doc.draft.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
