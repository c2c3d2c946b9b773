import type { Lang } from '@stue/core';

/**
 * The language a page asks for in its address: English with `?lang=en`, Danish otherwise.
 *
 * @example
 * langFromUrl('https://stue.example.dk/console/?lang=en'); // 'en'
 */
export function langFromUrl(url: string | URL): Lang {
  return new URL(url).searchParams.get('lang') === 'en' ? 'en' : 'da';
}
