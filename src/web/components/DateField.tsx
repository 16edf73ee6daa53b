/**
 * A date field entered and shown as dd/mm/yyyy (Vietnamese month and day names in the picker), whatever the
 * browser's locale — a native `<input type="date">` shows mm/dd/yyyy in an English browser. The value stays the ISO
 * date (YYYY-MM-DD) the API takes; typing accepts dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd (parseDateText, core).
 */
import { DateInput, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/vi';
import { parseDateText } from '../../core/calendar/date-text.ts';
import { useLang } from '../context.tsx';

export interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale'> {
  /** ISO date (YYYY-MM-DD) or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  'data-testid'?: string;
}

export function DateField({ value, onChange, ...rest }: DateFieldProps) {
  const { lang } = useLang();
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => onChange(typeof v === 'string' ? v : '')}
      valueFormat="DD/MM/YYYY"
      placeholder={rest.placeholder ?? 'dd/mm/yyyy'}
      dateParser={(text) => parseDateText(text)}
      locale={lang === 'vi' ? 'vi' : 'en'}
      firstDayOfWeek={1}
      popoverProps={{ withinPortal: true }}
    />
  );
}
