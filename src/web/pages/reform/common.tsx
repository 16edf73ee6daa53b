/** Shared bits of the reform-report screens: the standing badge (words, never colour alone), kinds, defaults. */
import { Badge, Group } from '@mantine/core';
import { REPORT_KINDS, reportSchedule, type ReportKind, type ReportStanding } from '../../../core/reform/index.ts';
import type { UiKey } from '../../../core/i18n/ui.ts';
import { useLang } from '../../context.tsx';

const NO_TRUNCATE = { root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

const STANDING_COLOR: Record<ReportStanding, string> = {
  submitted_on_time: 'green',
  submitted_late: 'orange',
  draft: 'blue',
  not_started: 'gray',
};

export const kindKey = (k: ReportKind) => `reform.kind.${k}` as UiKey;

/** The standing in words, plus a red "late" badge that also says it in words. */
export function StandingBadges({ standing, late, daysLate }: { standing: ReportStanding; late: boolean; daysLate: number }) {
  const { t } = useLang();
  return (
    <Group gap={4} wrap="wrap" data-testid="reform-standing" data-standing={standing} data-late={late ? 'true' : 'false'}>
      <Badge color={STANDING_COLOR[standing]} variant="light" radius="sm" style={{ textTransform: 'none' }} styles={NO_TRUNCATE}>
        {t(`reform.standing.${standing}` as UiKey)}
      </Badge>
      {late && (
        <Badge color="red" variant="filled" radius="sm" style={{ textTransform: 'none' }} styles={NO_TRUNCATE} data-testid="reform-late">
          {daysLate > 0 ? t('reform.lateDays', { n: daysLate }) : t('reform.late')}
        </Badge>
      )}
    </Group>
  );
}

/** The report a unit is working on today: the first kind of this year whose deadline is not past (else the year report). */
export function defaultKind(today: string): ReportKind {
  const year = Number(today.slice(0, 4));
  for (const k of REPORT_KINDS) if (today <= reportSchedule(k, year).deadline) return k;
  return 'year';
}


export const WRITE_ROLES = ['unit_admin', 'leader', 'reform_officer', 'province_admin'];
