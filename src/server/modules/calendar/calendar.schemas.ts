import { z } from 'zod';
import { AnyIsoDate as IsoDate } from '../../platform/http/schemas.ts';

export const TIME_UNITS = ['working_days', 'days', 'hours', 'same_day'] as const;
export const TimeUnitSchema = z.enum(TIME_UNITS);
export const TimeLimitSchema = z.object({ amount: z.number().min(0).max(3650), unit: TimeUnitSchema });

/** An ISO datetime that carries an explicit offset (a bare local time is ambiguous). */
export const IsoDateTimeWithOffset = z.string().datetime({ offset: true, message: 'ISO datetime with offset, e.g. 2026-02-13T10:00:00+07:00' });

export const HolidayOut = z.object({ date: z.string(), reason: z.string(), source: z.string(), kind: z.string() });
export const DueQuery = z.object({ from: IsoDateTimeWithOffset, amount: z.coerce.number().min(0).max(3650), unit: TimeUnitSchema });
export const OverrideBody = z.object({ date: IsoDate, kind: z.enum(['day_off', 'working_day']), reason: z.string().trim().min(3).max(300) });
export const OverrideOut = z.object({ id: z.string().uuid(), date: z.string(), kind: z.string(), reason: z.string() });
export const LunarOut = z.object({ day: z.number(), month: z.number(), year: z.number(), leap: z.boolean() });
