/** The fees charged on the chosen channel, their total, and the payment taken at the desk. */
import { Card, Checkbox, Divider, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ProcedureFee } from '../../../core/catalog/types.ts';
import { useLang } from '../../context.tsx';
import { fmtMoney } from '../../format.ts';
import type { Draft } from './intake-form.ts';

export function FeesCard({ fees, total, draft, update }: { fees: ProcedureFee[]; total: number; draft: Draft; update: (patch: Partial<Draft>) => void }) {
  const { t, lang } = useLang();
  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h4" mb="xs">
        {t('intake.fees')}
      </Title>
      {fees.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('intake.fees.none')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="intake-fees">
          {fees.map((f, i) => (
            <Group key={i} justify="space-between" wrap="nowrap" align="flex-start">
              <Text size="sm" lineClamp={2} title={f.description} style={{ flex: 1 }}>
                {f.description}
              </Text>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {fmtMoney(f.amountVnd, lang)}
              </Text>
            </Group>
          ))}
          <Divider />
          <Text size="sm" fw={700}>
            {t('intake.fees.total', { amount: fmtMoney(total, lang) })}
          </Text>
          <Checkbox label={t('intake.fees.paidNow')} checked={draft.paidNow} onChange={(e) => update({ paidNow: e.currentTarget.checked })} data-testid="intake-paid" />
          {draft.paidNow && (
            <Group grow align="flex-start">
              <Radio.Group label={t('intake.fees.method')} value={draft.payMethod} onChange={(v) => update({ payMethod: v === 'transfer' ? 'transfer' : 'cash' })}>
                <Group mt={4}>
                  <Radio value="cash" label={t('intake.fees.cash')} />
                  <Radio value="transfer" label={t('intake.fees.transfer')} />
                </Group>
              </Radio.Group>
              <TextInput label={t('intake.fees.reference')} value={draft.payReference} onChange={(e) => update({ payReference: e.currentTarget.value })} />
            </Group>
          )}
        </Stack>
      )}
    </Card>
  );
}
