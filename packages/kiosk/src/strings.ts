import type { Lang } from '@stue/core';

/** Every text the kiosk shows, so that none exists in one language only. */
export interface KioskStrings {
  /** The document title. */
  title: string;
  /** The product's name, shown at the top. */
  brand: string;
  notEnrolledHeading: string;
  notEnrolledHint: string;
  online: string;
  offline: string;
}

/** The kiosk's texts in Danish and English. */
export const KIOSK_STRINGS: Readonly<Record<Lang, KioskStrings>> = {
  da: {
    title: 'Stue · Kiosk',
    brand: 'Stue',
    notEnrolledHeading: 'Denne tablet er ikke tilmeldt endnu',
    notEnrolledHint: 'Musikeren tilmelder den med en kode fra koordinatoren.',
    online: 'Tabletten er online.',
    offline: 'Tabletten er offline.',
  },
  en: {
    title: 'Stue · Kiosk',
    brand: 'Stue',
    notEnrolledHeading: 'This tablet is not enrolled yet',
    notEnrolledHint: 'The musician enrols it with a code from the coordinator.',
    online: 'The tablet is online.',
    offline: 'The tablet is offline.',
  },
};
