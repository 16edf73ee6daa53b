import { Checkbox, Stack, Text, Textarea } from '@mantine/core';
import type { DossierComponent } from '../../core/catalog/types.ts';
import { useLang } from '../context.tsx';

/** A component's name as a missing item: without the source's list dash and trailing punctuation. */
export function missingItemText(name: string): string {
  return name.replace(/^[\s\-–•*+]+/, '').replace(/[\s;,.]+$/, '').trim();
}

/** Missing items: the procedure's components as a checklist plus free text — ALL items in one request. */
export function MissingItemsPicker({
  components,
  checked,
  onToggle,
  other,
  onOther,
}: {
  components: DossierComponent[];
  checked: ReadonlySet<number>;
  onToggle: (index: number) => void;
  other: string;
  onOther: (s: string) => void;
}) {
  const { t } = useLang();
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
        {t('intake.missing.hint')}
      </Text>
      {components.length > 0 && (
        <Stack gap={6} role="group" aria-label={t('action.missingItems')} mah={320} style={{ overflowY: 'auto' }} p={2}>
          {components.map((c, i) => (
            <Checkbox
              key={i}
              checked={checked.has(i)}
              onChange={() => onToggle(i)}
              data-testid={`missing-${i}`}
              label={
                <Text size="sm" lineClamp={3} title={c.name}>
                  {c.name}
                  {c.required ? ` (${t('common.required').toLowerCase()})` : ''}
                </Text>
              }
            />
          ))}
        </Stack>
      )}
      <Textarea
        label={t('intake.missing.other')}
        description={t('common.onePerLine')}
        value={other}
        onChange={(e) => onOther(e.currentTarget.value)}
        autosize
        minRows={2}
        data-testid="input-missing-other"
      />
    </Stack>
  );
}
