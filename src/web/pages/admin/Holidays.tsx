import { ActionIcon, Alert, Badge, Button, Card, Grid, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { isoWeekday, weekdayNameVi } from '../../../core/calendar/index.ts';
import { UI, type UiKey } from '../../../core/i18n/ui.ts';
import { api, type Holiday, type Override } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang, useSession } from '../../context.tsx';
import { fmtDate, todayVn } from '../../format.ts';
import { DateField } from '../../components/DateField.tsx';

export function HolidaysPage() {
  const { t, lang } = useLang();
  const { hasRole } = useSession();
  const canEdit = hasRole('province_admin');
  const [year, setYear] = useState<number>(Number(todayVn().slice(0, 4)));
  const [days, setDays] = useState<Holiday[]>([]);
  const [overrides, setOverrides] = useState<Override[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [nonce, setNonce] = useState(0);
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<string | null>('day_off');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (year < 1901 || year > 2099) return;
    let alive = true;
    setError(null);
    Promise.all([api.holidays(year), api.overrides(year)])
      .then(([h, o]) => {
        if (!alive) return;
        setDays(h);
        setOverrides(o);
      })
      .catch((e: unknown) => alive && setError(e));
    return () => {
      alive = false;
    };
  }, [year, nonce]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!date || !kind) return;
    setBusy(true);
    setError(null);
    try {
      await api.setOverride(date, kind, reason.trim());
      notifications.show({ color: 'green', message: t('cal.saved', { date: fmtDate(date, lang) }) });
      setReason('');
      setDate('');
      setNonce((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    setError(null);
    try {
      await api.deleteOverride(id);
      notifications.show({ color: 'green', message: t('cal.deleted') });
      setNonce((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  };

  const weekday = (d: string) => (lang === 'vi' ? weekdayNameVi(isoWeekday(d)) : new Date(`${d}T12:00:00+07:00`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'Asia/Ho_Chi_Minh' }));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('cal.title')}
        </Title>
        <NumberInput label={t('cal.year')} value={year} onChange={(v) => setYear(Number(v) || year)} min={1901} max={2099} w={120} allowDecimal={false} data-testid="cal-year" />
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder padding="sm">
            <Title order={2} size="h4" mb="xs">
              {t('cal.holidays')}
            </Title>
            <Table striped verticalSpacing={4} data-testid="cal-holidays">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('cal.date')}</Table.Th>
                  <Table.Th>{t('cal.reason')}</Table.Th>
                  <Table.Th>{t('cal.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {days.map((h) => (
                  <Table.Tr key={`${h.date}-${h.kind}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{fmtDate(h.date, lang)}</Text>
                      <Text size="xs" c="dimmed">
                        {weekday(h.date)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{h.reason}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={h.source === 'override' ? 'orange' : 'gray'} style={{ textTransform: 'none' }}>
                        {`cal.source.${h.source}` in UI ? t(`cal.source.${h.source}` as UiKey) : h.source}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('cal.overrides')}
              </Title>
              {overrides.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('common.none')}
                </Text>
              ) : (
                <Table verticalSpacing={4} data-testid="cal-overrides">
                  <Table.Tbody>
                    {overrides.map((o) => (
                      <Table.Tr key={o.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmtDate(o.date, lang)}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={o.kind === 'day_off' ? 'orange' : 'blue'} style={{ textTransform: 'none' }}>
                            {t(`cal.kind.${o.kind}` as UiKey)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{o.reason}</Text>
                        </Table.Td>
                        <Table.Td>
                          {canEdit && (
                            <ActionIcon variant="subtle" color="red" onClick={() => void remove(o.id)} aria-label={`${t('common.delete')} ${o.date}`}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Card withBorder padding="sm">
              <Title order={2} size="h4" mb="xs">
                {t('cal.addOverride')}
              </Title>
              {!canEdit ? (
                <Alert color="gray">{t('cal.provinceOnly')}</Alert>
              ) : (
                <form onSubmit={save}>
                  <Stack gap="xs">
                    <DateField label={t('cal.date')} value={date} onChange={(v) => setDate(v)} required data-testid="cal-date" />
                    <Select
                      label={t('cal.kind')}
                      data={[
                        { value: 'day_off', label: t('cal.kind.day_off') },
                        { value: 'working_day', label: t('cal.kind.working_day') },
                      ]}
                      value={kind}
                      onChange={setKind}
                      allowDeselect={false}
                      data-testid="cal-kind"
                    />
                    <TextInput label={t('cal.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required data-testid="cal-reason" />
                    <Button type="submit" loading={busy} disabled={!date || reason.trim().length < 3} w="fit-content" data-testid="cal-save">
                      {t('common.save')}
                    </Button>
                  </Stack>
                </form>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
