/** The languages every text a person sees exists in. */
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * One domain's validation texts: a text for each of its issue codes, and texts for particular
 * fields (`"path:code"`, e.g. `"host.firstName:required"`) where a field-specific sentence tells a
 * person better what to do.
 */
export interface Catalogue<Code extends string> {
  codes: readonly Code[];
  da: Record<Code, string> & Record<string, string>;
  en: Record<Code, string> & Record<string, string>;
}
