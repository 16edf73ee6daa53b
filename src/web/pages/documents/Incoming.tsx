/**
 * /van-ban/den — the incoming register: the queues as tabs, search by number, summary and sender, keyset "load more",
 * and (for the clerk) the form to register an incoming document with its file.
 */
import { Alert, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api, type Staff } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { docApi } from './api.ts';
import { DocFileInput, DocumentList, useDocOptions, useFieldError } from './common.tsx';
import { ACCEPT_FILES, checkRegister, EMPTY_REGISTER, EMPTY_SEARCH, INCOMING_TABS, listQuery, tabFrom, type FieldErrors, type IncomingTab, type RegisterForm, type SearchForm } from './logic.ts';

export function SearchBar({ incoming, onSearch }: { incoming: boolean; onSearch: (s: SearchForm) => void }) {
  const { t } = useLang();
  const [s, setS] = useState<SearchForm>(EMPTY_SEARCH);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(s);
  };
  return (
    <form onSubmit={submit} role="search">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput label={t('doc.search.number')} value={s.number} onChange={(e) => setS({ ...s, number: e.currentTarget.value })} w={170} data-testid="doc-search-number" />
        <TextInput label={t('doc.search.q')} value={s.q} onChange={(e) => setS({ ...s, q: e.currentTarget.value })} w={280} data-testid="doc-search-q" />
        {incoming && <TextInput label={t('doc.search.sender')} value={s.sender} onChange={(e) => setS({ ...s, sender: e.currentTarget.value })} w={220} data-testid="doc-search-sender" />}
        <Button type="submit" leftSection={<IconSearch size={16} aria-hidden />} data-testid="doc-search">
          {t('doc.search.submit')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => {
            setS(EMPTY_SEARCH);
            onSearch(EMPTY_SEARCH);
          }}
        >
          {t('doc.search.clear')}
        </Button>
      </Group>
    </form>
  );
}

export function IncomingPage() {
  const { t } = useLang();
  const { hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = tabFrom(INCOMING_TABS, params.get('tab'), hasRole('leader') ? 'to_direct' : hasRole('desk_officer', 'unit_admin') ? 'all' : 'assigned_to_me');
  const [search, setSearch] = useState<SearchForm>(EMPTY_SEARCH);
  const [reload, setReload] = useState(0);
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const clerk = hasRole('desk_officer', 'unit_admin');
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('doc.incoming.title')}</Title>
          <Text size="sm" c="dimmed" maw={800}>
            {t('doc.incoming.intro')}
          </Text>
        </div>
        {clerk && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)} data-testid="doc-register-open">
            {t('doc.register.open')}
          </Button>
        )}
      </Group>
      {notice && (
        <Alert color="green" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setNotice(null)} data-testid="doc-notice">
          {notice}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => v && setParams({ tab: v }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          {INCOMING_TABS.map((q) => (
            <Tabs.Tab key={q} value={q} data-testid={`doc-tab-${q}`}>
              {t(`doc.tab.${q}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <SearchBar incoming onSearch={setSearch} />
      <DocumentList query={listQuery('incoming', tab as IncomingTab, search)} reloadKey={reload} />
      <RegisterModal
        opened={open}
        onClose={() => setOpen(false)}
        onDone={(no) => {
          setOpen(false);
          setNotice(t('doc.register.done', { no }));
          setReload((x) => x + 1);
        }}
      />
    </Stack>
  );
}

function RegisterModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: (registerNo: number | null) => void }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const opts = useDocOptions();
  const [f, setF] = useState<RegisterForm>(EMPTY_REGISTER);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldErrors<keyof RegisterForm>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const err = useFieldError(errors);
  const { agencies } = useSession();
  const agencyId = agencies('desk_officer', 'unit_admin')[0]?.id;
  const [staff, setStaff] = useState<Staff[]>([]);
  useEffect(() => {
    if (opened && agencyId && f.confidentiality !== 'normal' && staff.length === 0) api.agencyStaff(agencyId).then(setStaff, setError);
  }, [opened, agencyId, f.confidentiality, staff.length]);
  const staffData = useMemo(() => staff.filter((s) => s.active).map((s) => ({ value: s.id, label: s.fullName })), [staff]);
  const set = (k: keyof RegisterForm) => (v: string | null) => setF((x) => ({ ...x, [k]: v ?? '' }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const c = checkRegister({ ...f, fileName: file?.name ?? null });
    if (!c.ok) return setErrors(c.errors);
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      const up = await docApi.upload(file!);
      const d = await docApi.register({ ...c.body, file: { sha256: up.sha256, fileName: file!.name } });
      setF(EMPTY_REGISTER);
      setFile(null);
      onDone(d.registerNo);
      navigate(`/van-ban/${d.id}`);
    } catch (x) {
      setError(x);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('doc.register.title')} size="xl">
      <form onSubmit={submit} noValidate data-testid="doc-register-form">
        <Stack gap="sm">
          <ErrorAlert error={error} onClose={() => setError(null)} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput required label={t('doc.f.numberSymbol')} placeholder={t('doc.f.numberSymbol.ph')} value={f.numberSymbol} onChange={(e) => set('numberSymbol')(e.currentTarget.value)} error={err('numberSymbol')} data-testid="doc-f-number" />
            <TextInput required label={t('doc.f.issuedOn')} placeholder="dd/mm/yyyy" value={f.issuedOn} onChange={(e) => set('issuedOn')(e.currentTarget.value)} error={err('issuedOn')} data-testid="doc-f-issued" />
            <Select required label={t('doc.f.kind')} data={opts.kinds} value={f.kind} onChange={set('kind')} error={err('kind')} allowDeselect={false} data-testid="doc-f-kind" />
          </SimpleGrid>
          <TextInput required label={t('doc.f.sender')} value={f.senderName} onChange={(e) => set('senderName')(e.currentTarget.value)} error={err('senderName')} data-testid="doc-f-sender" />
          <Textarea required label={t('doc.f.summary')} autosize minRows={2} value={f.summary} onChange={(e) => set('summary')(e.currentTarget.value)} error={err('summary')} data-testid="doc-f-summary" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('doc.f.urgency')} data={opts.urgencies} value={f.urgency} onChange={set('urgency')} allowDeselect={false} data-testid="doc-f-urgency" />
            <Select label={t('doc.f.confidentiality')} data={opts.confidentialities} value={f.confidentiality} onChange={set('confidentiality')} allowDeselect={false} data-testid="doc-f-conf" />
            <NumberInput required label={t('doc.f.pages')} min={1} max={10000} allowDecimal={false} value={f.pages} onChange={(v) => set('pages')(String(v))} error={err('pages')} data-testid="doc-f-pages" />
          </SimpleGrid>
          {f.confidentiality !== 'normal' && (
            <MultiSelect required label={t('doc.f.readers')} description={t('doc.f.readers.hint')} data={staffData} searchable value={f.readerIds} onChange={(v) => setF((x) => ({ ...x, readerIds: v }))} error={err('readerIds')} data-testid="doc-f-readers" />
          )}
          <DocFileInput required label={t('doc.f.file')} accept={ACCEPT_FILES} value={file} onChange={setFile} error={err('fileName')} data-testid="doc-f-file" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} data-testid="doc-register-submit">
              {t('doc.register.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
