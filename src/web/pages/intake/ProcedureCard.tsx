/** The intake's first card: agency (when the officer serves several), procedure, channel, postal hand-over time. */
import { Card, Grid, Group, Select, Text, TextInput, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import type { ChannelSpec } from '../../../core/catalog/types.ts';
import { CHANNEL_LABELS } from '../../../core/dossier/labels.ts';
import { foldVietnamese } from '../../../core/text/fold.ts';
import type { ProcedureDetail, PublicationItem } from '../../api.ts';
import { useLang } from '../../context.tsx';
import { fmtLimit, fmtMoney } from '../../format.ts';
import { matchesAllWords, pickAgency, pickProcedure, type Draft } from './intake-form.ts';

const procFilter: OptionsFilter = ({ options, search }) => {
  const folded = foldVietnamese(search);
  if (folded.split(' ').filter(Boolean).length === 0) return options;
  return (options as ComboboxItem[]).filter((o) => matchesAllWords(foldVietnamese(o.label), folded));
};

export function ProcedureCard({
  agencies,
  draft,
  setDraft,
  update,
  pubs,
  procedure,
  channelSpec,
  feeTotal,
  touched,
}: {
  agencies: { id: string; name: string }[];
  draft: Draft;
  setDraft: (f: (d: Draft) => Draft) => void;
  update: (patch: Partial<Draft>) => void;
  pubs: PublicationItem[];
  procedure: ProcedureDetail | null;
  channelSpec: ChannelSpec | undefined;
  feeTotal: number;
  touched: boolean;
}) {
  const { t, lang } = useLang();
  const procOptions = useMemo(() => pubs.map((p) => ({ value: p.procedure.code, label: `${p.procedure.code} — ${p.procedure.name}` })), [pubs]);
  return (
    <Card withBorder padding="sm">
      <Grid gap="sm" align="flex-end">
        {agencies.length > 1 && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t('intake.agency')}
              data={agencies.map((ag) => ({ value: ag.id, label: ag.name }))}
              value={draft.agencyId}
              onChange={(v) => setDraft((d) => pickAgency(d, v))}
              allowDeselect={false}
              required
              data-testid="intake-agency"
            />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: agencies.length > 1 ? 5 : 8 }}>
          <Select
            label={t('intake.procedure')}
            placeholder={t('intake.procedure.placeholder')}
            data={procOptions}
            value={draft.procedureCode}
            onChange={(v) => setDraft((d) => pickProcedure(d, v))}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': `${t('common.delete')}: ${t('intake.procedure')}` }}
            filter={procFilter}
            limit={50}
            maxDropdownHeight={360}
            nothingFoundMessage={t('intake.procedure.empty')}
            required
            error={touched && !draft.procedureCode ? t('intake.pickProcedure') : undefined}
            data-testid="intake-procedure"
            autoFocus
            // Focused on arrival: the list opens when the officer types or clicks, not over the page.
            openOnFocus={false}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: agencies.length > 1 ? 3 : 4 }}>
          <Select
            label={t('intake.channel')}
            data={(['desk', 'postal'] as const).map((c) => ({ value: c, label: CHANNEL_LABELS[c][lang] }))}
            value={draft.channel}
            onChange={(v) => update({ channel: v === 'postal' ? 'postal' : 'desk' })}
            allowDeselect={false}
            data-testid="intake-channel"
          />
        </Grid.Col>
        {draft.channel === 'postal' && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput
              type="datetime-local"
              label={t('intake.postalHandover')}
              value={draft.postalHandoverAt}
              onChange={(e) => update({ postalHandoverAt: e.currentTarget.value })}
              data-testid="intake-postal-handover"
            />
          </Grid.Col>
        )}
      </Grid>
      {procedure && (
        <Group gap="lg" mt="sm" data-testid="procedure-info">
          <Text size="sm">
            <b>{t('dossier.limit')}:</b> {channelSpec ? fmtLimit(channelSpec.limit, lang) : t('intake.channelNotOffered')}
          </Text>
          <Text size="sm">
            <b>{t('dossier.fees')}:</b> {feeTotal > 0 ? fmtMoney(feeTotal, lang) : t('common.free')}
          </Text>
          <Text size="sm">
            <b>{t('dossier.channel')}:</b> {procedure.record.channels.map((c) => CHANNEL_LABELS[c.channel][lang]).join(', ')}
          </Text>
          {procedure.fieldName && (
            <Text size="sm">
              <b>{t('pub.field')}:</b> {procedure.fieldName}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}
