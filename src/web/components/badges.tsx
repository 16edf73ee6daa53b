import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { STATE_LABELS } from '../../core/dossier/labels.ts';
import { isDossierState } from '../../core/dossier/states.ts';
import type { UiKey } from '../../core/i18n/ui.ts';
import type { Dossier } from '../api.ts';
import { useLang } from '../context.tsx';
import { fmtDateTime, workingDaysLeft } from '../format.ts';

/** Badges carry words: never cut them to an ellipsis. */
const NO_TRUNCATE = { root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

const TIMING_COLOR: Record<string, string> = {
  early: 'green',
  on_time: 'green',
  in_time: 'green',
  due_soon: 'orange',
  overdue: 'red',
  late: 'red',
  paused: 'gray',
  not_started: 'gray',
};

/** The remaining working time as a coloured badge that also says it in words (never colour alone). */
export function TimingBadge({ dossier }: { dossier: Pick<Dossier, 'timing' | 'dueAt' | 'finishedAt'> }) {
  const { t, lang } = useLang();
  const timing = dossier.timing;
  const key = `timing.${timing}` as UiKey;
  const label = safeT(t, key, timing);
  const open = dossier.finishedAt === null && (timing === 'in_time' || timing === 'due_soon' || timing === 'overdue');
  let detail: string | null = null;
  if (open) {
    const n = workingDaysLeft(dossier.dueAt);
    if (n !== null) detail = n > 0 ? t('timing.daysLeft', { n }) : n === 0 ? t('timing.dueToday') : t('timing.daysOver', { n: -n });
  }
  return (
    <Tooltip label={fmtDateTime(dossier.dueAt, lang)} disabled={!dossier.dueAt}>
      <Stack gap={0} align="flex-start" data-testid="timing-badge" data-timing={timing}>
        <Badge color={TIMING_COLOR[timing] ?? 'gray'} variant="light" radius="sm" style={{ textTransform: 'none' }} styles={NO_TRUNCATE}>
          {label}
        </Badge>
        {detail && (
          <Text size="xs" c={timing === 'overdue' ? 'var(--mantine-color-red-light-color)' : timing === 'due_soon' ? 'var(--mantine-color-orange-light-color)' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
            {detail}
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}

function safeT(t: (k: UiKey) => string, key: UiKey, fallback: string): string {
  try {
    return t(key);
  } catch {
    return fallback;
  }
}

const STATE_COLOR: Record<string, string> = {
  submitted_online: 'blue',
  intake_incomplete: 'yellow',
  intake_rejected: 'gray',
  received: 'cyan',
  forwarded: 'cyan',
  assigned: 'indigo',
  in_process: 'indigo',
  inter_agency: 'violet',
  supplement_requested: 'yellow',
  awaiting_approval: 'grape',
  approved: 'teal',
  result_ready: 'teal',
  refused: 'red',
  returned: 'green',
  withdrawn: 'gray',
  stopped: 'gray',
};

export function StateBadge({ state, fallback }: { state: string; fallback?: string }) {
  const { lang } = useLang();
  const label = isDossierState(state) ? STATE_LABELS[state][lang] : (fallback ?? state);
  return (
    <Badge color={STATE_COLOR[state] ?? 'gray'} variant="outline" radius="sm" style={{ textTransform: 'none' }} styles={NO_TRUNCATE} data-testid="state-badge" data-state={state}>
      {label}
    </Badge>
  );
}
