/**
 * The console's Mantine theme, tuned for WCAG AA contrast (axe-core in test/e2e/accessibility.e2e.test.ts):
 * Mantine's default palette puts white on green/teal/cyan/orange fills below 4.5:1, the "light" variants'
 * text (shade 9 on shade 1) below 4.5:1 and the dimmed grey (#868e96) at 3.3:1. The resolver darkens exactly
 * as much as each colour needs, so the look stays Mantine's.
 */
import { createTheme, darken, DEFAULT_THEME, luminance, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core';

export const AA = 4.5;

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** `color` darkened in small steps until it reaches AA contrast against every background. */
export function darkenUntil(color: string, backgrounds: string[]): string {
  let c = color;
  for (let step = 1; step <= 20 && backgrounds.some((bg) => contrast(c, bg) < AA); step++) c = darken(color, step * 0.04);
  return c;
}

const WHITE = '#ffffff';
const STRIPE = DEFAULT_THEME.colors.gray[0]; // striped table rows
// `light-color` is also the colour of warning words outside badges (remaining time, missing items).

export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-anchor': theme.colors.blue[8],
    '--mantine-color-error': theme.colors.red[8],
  };
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark') continue;
    const filled = darkenUntil(shades[Math.min(8, shades.length - 1)] as string, [WHITE, STRIPE]);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-outline`] = filled;
    light[`--mantine-color-${name}-light-color`] = darkenUntil(shades[9] as string, [shades[1] as string, shades[2] as string, WHITE, STRIPE]);
  }
  return { variables: {}, light, dark: {} };
};

export function makeTheme(closeLabel: string): MantineThemeOverride {
  return createTheme({
    primaryColor: 'blue',
    primaryShade: 8,
    defaultRadius: 'sm',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    components: {
      // Mantine's close buttons are icons without a name.
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    },
  });
}
