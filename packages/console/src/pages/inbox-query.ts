import type { NominationStatus } from '@stue/core';

// The inbox's first request, shared by the page and the console's entry (`early.ts`), which
// starts it before the page's code has loaded. Plain constants: the entry evaluates this first.

/** What the inbox shows before a coordinator filters: what still needs screening. */
export const DEFAULT_INBOX_STATUSES: readonly NominationStatus[] = ['received', 'in-review'];

/** Nominations fetched per page. */
export const INBOX_PAGE_SIZE = 50;
