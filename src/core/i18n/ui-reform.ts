/** Staff-console strings: periodic reform reports (keys `reform.*`). Part of the one catalogue (ui.ts). Vietnamese first, English second. */
export const UI_REFORM = {
} as const satisfies Record<string, { vi: string; en: string }>;
