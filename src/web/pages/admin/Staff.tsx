import { ActionIcon, Badge, Button, Card, CopyButton, Group, Loader, Modal, PasswordInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconKey, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { ROLE_LABELS } from '../../../core/dossier/labels.ts';
import type { Role } from '../../../core/dossier/states.ts';
import { api, type Staff } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';
import { useAdminAgencies } from './useAdminAgencies.ts';

const STAFF_ROLES = ['desk_officer', 'specialist', 'leader', 'unit_admin', 'province_admin', 'reform_officer', 'inspector'] as const;

export function StaffPage() {
  const { t, lang } = useLang();
  const agencies = useAdminAgencies();
  const [items, setItems] = useState<Staff[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);
  const [form, setForm] = useState({ username: '', fullName: '', password: '', email: '', phone: '', agencyId: null as string | null, role: 'desk_officer' as string | null });
  const [busy, setBusy] = useState(false);
  const [roleFor, setRoleFor] = useState<Staff | null>(null);

  useEffect(() => {
    let alive = true;
    api
      .staff()
      .then((s) => alive && setItems(s))
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [nonce]);

  useEffect(() => {
    if (!form.agencyId && agencies[0]) setForm((f) => ({ ...f, agencyId: agencies[0]?.id ?? null }));
  }, [agencies, form.agencyId]);

  const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }));
  const agencyOptions = agencies.map((a) => ({ value: a.id, label: a.name }));

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.agencyId || !form.role) return;
    setBusy(true);
    setError(null);
    try {
      const s = await api.createStaff({
        username: form.username.trim(),
        fullName: form.fullName.trim(),
        password: form.password,
        ...(form.email.trim() ? { email: form.email.trim() } : {}),
        ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        roles: [{ agencyId: form.agencyId, role: form.role }],
      });
      notifications.show({ color: 'green', message: t('staff.created', { username: s.username }) });
      setForm((f) => ({ ...f, username: '', fullName: '', password: '', email: '', phone: '' }));
      setNonce((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('staff.title')}
      </Title>
      <Card withBorder padding="sm">
        <form onSubmit={create}>
          <Title order={2} size="h4" mb="xs">
            {t('staff.create')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <TextInput label={t('staff.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value.toLowerCase() })} required autoComplete="off" data-testid="staff-username" />
            <TextInput label={t('staff.fullName')} value={form.fullName} onChange={(e) => setForm({ ...form, fullName: e.currentTarget.value })} required data-testid="staff-fullName" />
            <PasswordInput label={t('staff.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} required autoComplete="new-password" error={form.password && form.password.length < 10 ? t('staff.password') : undefined} data-testid="staff-password" />
            <TextInput label={t('staff.email')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
            <TextInput label={t('staff.phone')} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} />
            <Select label={t('common.agency')} data={agencyOptions} value={form.agencyId} onChange={(v) => setForm({ ...form, agencyId: v })} allowDeselect={false} searchable required />
            <Select label={t('staff.role')} data={roleOptions} value={form.role} onChange={(v) => setForm({ ...form, role: v })} allowDeselect={false} required data-testid="staff-role" />
            <Button type="submit" mt={24} leftSection={<IconUserPlus size={16} aria-hidden />} loading={busy} disabled={!form.username || !form.fullName || form.password.length < 10} data-testid="staff-create">
              {t('staff.create')}
            </Button>
          </SimpleGrid>
        </form>
      </Card>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {items === null ? (
        !error && <Loader role="status" aria-label={t('app.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="staff-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('staff.fullName')}</Table.Th>
                <Table.Th>{t('staff.username')}</Table.Th>
                <Table.Th>{t('staff.email')}</Table.Th>
                <Table.Th>{t('staff.phone')}</Table.Th>
                <Table.Th>{t('dossier.state')}</Table.Th>
                <Table.Th>{t('staff.roles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id} data-testid={`staff-${s.username}`}>
                  <Table.Td>{s.fullName}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" ff="monospace">
                        {s.username}
                      </Text>
                      <CopyButton value={s.id}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? t('staff.copied') : `${t('staff.copyId')}: ${s.id}`}>
                            <ActionIcon variant="subtle" size="sm" onClick={copy} aria-label={t('staff.copyId')}>
                              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Group>
                  </Table.Td>
                  <Table.Td>{s.email ?? '—'}</Table.Td>
                  <Table.Td>{s.phone ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.active ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
                      {s.active ? t('staff.active') : t('staff.inactive')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" leftSection={<IconKey size={14} aria-hidden />} onClick={() => setRoleFor(s)} data-testid={`roles-${s.username}`}>
                      {t('staff.roles')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RoleModal staff={roleFor} onClose={() => setRoleFor(null)} agencyOptions={agencyOptions} roleOptions={roleOptions} />
    </Stack>
  );
}

function RoleModal({
  staff,
  onClose,
  agencyOptions,
  roleOptions,
}: {
  staff: Staff | null;
  onClose: () => void;
  agencyOptions: { value: string; label: string }[];
  roleOptions: { value: string; label: string }[];
}) {
  const { t } = useLang();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>('specialist');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'grant' | 'revoke' | null>(null);
  useEffect(() => {
    setAgencyId(agencyOptions[0]?.value ?? null);
    setError(null);
  }, [staff, agencyOptions]);
  if (!staff) return null;
  const run = async (kind: 'grant' | 'revoke') => {
    if (!agencyId || !role) return;
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'grant') await api.grantRole(staff.id, agencyId, role);
      else await api.revokeRole(staff.id, agencyId, role);
      notifications.show({ color: 'green', message: kind === 'grant' ? t('staff.granted') : t('staff.revoked') });
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`${t('staff.roles')}: ${staff.fullName}`}>
      <Stack gap="sm">
        <Select label={t('common.agency')} data={agencyOptions} value={agencyId} onChange={setAgencyId} allowDeselect={false} searchable data-autofocus />
        <Select label={t('staff.role')} data={roleOptions} value={role} onChange={setRole} allowDeselect={false} data-testid="role-select" />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="light" color="red" onClick={() => void run('revoke')} loading={busy === 'revoke'} data-testid="role-revoke">
            {t('staff.revoke')}
          </Button>
          <Button onClick={() => void run('grant')} loading={busy === 'grant'} data-testid="role-grant">
            {t('staff.grant')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export type { Role };
