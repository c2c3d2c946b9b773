import { css, html, nothing, svg, type TemplateResult } from 'lit';

/** One bar: its label and count, or `null` when the count is suppressed (a cell from 1 to 4). */
export interface Bar {
  label: string;
  value: number | null;
}

/** The words a chart needs, in the console's language. */
export interface ChartTexts {
  /** The column heading of the labels in the data table. */
  labelHeading: string;
  /** The column heading of the counts. */
  valueHeading: string;
  /** Shown for a suppressed count, e.g. "Skjult". */
  suppressed: string;
  /** The summary of the data table's disclosure, e.g. "Tallene som tabel". */
  tableSummary: string;
}

const BAR_HEIGHT = 28;
const GAP = 12;
const LABEL_WIDTH = 280;
const CHART_WIDTH = 700;
const VALUE_SPACE = 56;
/** The width of a suppressed bar's outline: room for its words, and no length to read. */
const SUPPRESSED_WIDTH = 170;

/**
 * A horizontal bar chart as inline SVG with the same numbers as a table below it: the chart is
 * one image named by its caption (screen readers read the table, which is the whole data), and
 * every bar carries its count as text, so no number depends on colour or length alone. A
 * suppressed count is drawn as an outlined, empty bar with the words for it, and a zero as its
 * number with no bar (a sliver would read as "a few"). Bars keep the
 * order given: a feelings spectrum keeps the instrument's order, not a ranking.
 *
 * @example
 * barChart({ id: 'feelings', caption: 'Følelser under musikken', bars, texts });
 */
export function barChart({
  id,
  caption,
  bars,
  texts,
}: {
  id: string;
  caption: string;
  bars: readonly Bar[];
  texts: ChartTexts;
}): TemplateResult {
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const span = CHART_WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const height = bars.length * (BAR_HEIGHT + GAP) + GAP;
  return html`
    <figure class="chart" aria-labelledby="${id}-caption">
      <figcaption id="${id}-caption">${caption}</figcaption>
      <svg
        viewBox="0 0 ${CHART_WIDTH} ${height}"
        role="img"
        aria-labelledby="${id}-caption"
        preserveAspectRatio="xMinYMin meet"
      >
        ${bars.map((bar, i) => {
          const y = GAP + i * (BAR_HEIGHT + GAP);
          const middle = y + BAR_HEIGHT / 2;
          const width =
            bar.value === null
              ? SUPPRESSED_WIDTH
              : bar.value === 0
                ? 0
                : Math.max(2, (bar.value / max) * span);
          return svg`
            <text class="label" x=${LABEL_WIDTH - 8} y=${middle} text-anchor="end"
              dominant-baseline="central">${bar.label}</text>
            ${
              bar.value === null
                ? svg`<rect class="bar suppressed" x=${LABEL_WIDTH} y=${y} width=${width}
                    height=${BAR_HEIGHT}></rect>
                  <text class="value" x=${LABEL_WIDTH + 8} y=${middle}
                    dominant-baseline="central">${texts.suppressed}</text>`
                : svg`${
                    width === 0
                      ? nothing
                      : svg`<rect class="bar" x=${LABEL_WIDTH} y=${y} width=${width}
                    height=${BAR_HEIGHT}></rect>`
                  }
                  <text class="value" x=${LABEL_WIDTH + width + 8} y=${middle}
                    dominant-baseline="central">${bar.value}</text>`
            }`;
        })}
      </svg>
      <details class="chart-table">
        <summary>${texts.tableSummary}</summary>
        <table>
          <caption>
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${texts.labelHeading}</th>
              <th scope="col" class="number">${texts.valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            ${bars.map(
              (bar) =>
                html`<tr>
                  <th scope="row">${bar.label}</th>
                  <td class="number">${bar.value ?? texts.suppressed}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </figure>
  `;
}

/** The styles {@link barChart} needs; add them to the page's `styles`. */
export const chartStyles = css`
  figure.chart {
    margin: 0 0 1.5rem;
  }
  figure.chart figcaption {
    font-weight: 700;
    margin-block-end: 0.5rem;
  }
  figure.chart svg {
    display: block;
    inline-size: 100%;
    max-inline-size: 44rem;
    block-size: auto;
    font: inherit;
  }
  figure.chart .label,
  figure.chart .value {
    fill: var(--stue-console-text);
    font-size: 15px;
  }
  figure.chart .bar {
    fill: var(--stue-console-accent);
  }
  figure.chart .bar.suppressed {
    fill: none;
    stroke: var(--stue-console-border);
    stroke-width: 2;
    stroke-dasharray: 6 4;
  }
  figure.chart td.number,
  figure.chart th.number {
    text-align: end;
  }
  @media print {
    figure.chart {
      break-inside: avoid;
    }
    figure.chart .chart-table {
      display: none;
    }
  }
`;
