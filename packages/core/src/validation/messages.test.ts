import { describe, expect, it } from 'vitest';
import { bookingMessages } from './catalogue/booking.js';
import { commonMessages } from './catalogue/common.js';
import { feedbackMessages } from './catalogue/feedback.js';
import { nominationMessages } from './catalogue/nomination.js';
import { ISSUE_CODES, issueMessage } from './messages.js';

const catalogues = { commonMessages, nominationMessages, bookingMessages, feedbackMessages };

describe('the message catalogues', () => {
  it.each(Object.entries(catalogues))('%s has the same texts in Danish and English', (_, c) => {
    expect(Object.keys(c.da).sort()).toEqual(Object.keys(c.en).sort());
    for (const code of c.codes) {
      expect(c.da[code], code).toMatch(/\S/);
      expect(c.en[code], code).toMatch(/\S/);
    }
  });

  it('has no code twice', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });

  it('gives every code a text of its own in each language', () => {
    for (const code of ISSUE_CODES) {
      expect(issueMessage('', code, 'da')).not.toBe(code);
      expect(issueMessage('', code, 'da')).not.toBe(issueMessage('', code, 'en'));
    }
  });

  it('prefers a field-specific text', () => {
    expect(issueMessage('host.firstName', 'required', 'en')).toBe("Enter the host's first name");
    expect(issueMessage('somewhere.else', 'required', 'en')).toBe('Fill in this field');
  });
});
