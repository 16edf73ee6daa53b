/** Staff-console strings: service index dashboards, drill-down, rankings, reconciliation (keys `mon.*`). Part of the one catalogue (ui.ts). Vietnamese first, English second. */
export const UI_MONITORING = {
} as const satisfies Record<string, { vi: string; en: string }>;
