import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Lit's `css` for a stylesheet written whole, without `${…}`: the same `CSSResult`, without the
 * code that checks interpolated values (there are none; a template with one does not type-check).
 * The CDN build still minifies the template (it minifies every template tagged `css`), and the
 * embed does not carry Lit's `css` and its error text (≈ 160 B gzip before the first step).
 *
 * @example
 * export const styles = css`:host { display: block; }`;
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
