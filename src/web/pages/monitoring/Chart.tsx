/**
 * ECharts through `echarts/core` with only the pieces the monitoring screens draw (line and bar charts, grid,
 * legend, aria with decal patterns; no tooltip: values are written on the chart) and the SVG renderer: sharp in print.
 * Charts never encode by colour alone: series differ by line dash and symbol (lines) or by decal pattern
 * (bars), values are written on the points, and every chart is paired with a table of its data.
 */
import { useEffect, useRef } from 'react';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, LegendComponent, AriaComponent, SVGRenderer]);

/** Line styles that stay distinct in black and white: dash pattern + symbol. */
export const LINE_STYLES: readonly { type: 'solid' | 'dashed' | 'dotted'; symbol: string }[] = [
  { type: 'solid', symbol: 'circle' },
  { type: 'dashed', symbol: 'triangle' },
  { type: 'dotted', symbol: 'rect' },
  { type: 'dashed', symbol: 'diamond' },
  { type: 'solid', symbol: 'emptyCircle' },
  { type: 'dotted', symbol: 'emptyTriangle' },
];

/** Dark colours that print as distinct greys too. */
export const PALETTE = ['#1c4f9c', '#b3431a', '#2f7d32', '#6a3d9a', '#8c6d1f', '#444444'];

function pageFont(): string {
  return getComputedStyle(document.body).fontFamily || 'sans-serif';
}

export function EChart({ option, label, height = 300, testid }: { option: EChartsCoreOption; label: string; height?: number; testid?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = init(node, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => c.resize()) : null;
    ro?.observe(node);
    return () => {
      ro?.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        color: PALETTE,
        animation: false,
        // The page's own font, named: ECharts measures text on a canvas, where 'inherit' means a narrower default.
        textStyle: { fontFamily: pageFont() },
        aria: { enabled: true, label: { description: label }, decal: { show: true } },
        ...option,
      },
      true,
    );
  }, [option, label]);

  // role=img with the chart's description: the SVG inside is one picture; the data is in the table beside it.
  return <div ref={el} role="img" aria-label={label} data-testid={testid} className="mon-chart" style={{ width: '100%', height }} />;
}
