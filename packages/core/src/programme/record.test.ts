import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { validate } from '../validation/validate.js';
import { screeningWording } from './screening-questions.js';
import { deviceDaySchema } from '../schemas/device-answers.js';
import {
  devicePartOf,
  noticeVersionOf,
  programmeContentSchema,
  programmeInputSchema,
  publicPartOf,
  type ProgrammeContentInput,
} from './record.js';
import { DEFAULT_PROGRAMME } from './programme.js';

const content = (): ProgrammeContentInput => ({
  name: { da: 'Syngende besøg', en: 'Singing visits' },
  format: {
    kind: 'singing-visit',
    minutes: 45,
    description: { da: 'En sanger synger med værten.', en: 'A singer sings with the host.' },
  },
  controller: { name: 'Foreningen', address: 'Vej 1, 8000 Aarhus C', contact: 'data@example.dk' },
  notice: { da: 'Vi bruger oplysningerne.', en: 'We use the details.' },
  nominatorContact: { phone: '70 20 30 40' },
  callWithin: { da: 'inden for en uge', en: 'within a week' },
  criteria: structuredClone(DEFAULT_PROGRAMME.eligibility.criteria),
  feedbackInstrumentId: 'stue-home-concert',
  feedbackConsent: 'kiosk',
});

describe('programmeContentSchema', () => {
  it('accepts a whole programme version and normalises the phone number', () => {
    const result = validate(programmeContentSchema, content());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.nominatorContact.phone).toBe('+4570203040');
  });

  it('asks for a way to reach someone, and refuses a criterion asked twice', () => {
    const input = { ...content(), nominatorContact: {} };
    input.criteria = [...input.criteria, input.criteria[0]!];
    const result = validate(programmeContentSchema, input, { lang: 'en' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => [i.path, i.code])).toEqual([
        ['nominatorContact.phone', 'contact_required'],
        ['criteria', 'duplicate_choice'],
      ]);
    }
  });

  it('names no peers when left out, and peers by musician id, each once, at most 20', () => {
    const none = validate(programmeContentSchema, content());
    expect(none.ok && none.value.peers).toEqual([]);
    const peer = newId();
    const one = validate(programmeContentSchema, { ...content(), peers: [peer] });
    expect(one.ok && one.value.peers).toEqual([peer]);
    const bad = (peers: unknown) => {
      const result = validate(programmeContentSchema, { ...content(), peers }, { lang: 'da' });
      return result.ok ? [] : result.issues.map((i) => [i.path, i.code, i.message]);
    };
    expect(bad([peer, peer])).toEqual([
      ['peers', 'duplicate_choice', 'Den samme mulighed er valgt to gange'],
    ]);
    expect(bad(['Signe Vang']).map(([path, code]) => [path, code])).toEqual([
      ['peers.0', 'invalid_id'],
    ]);
    expect(bad(Array.from({ length: 21 }, () => newId()))).toEqual([
      ['peers', 'too_many', 'Der er valgt for mange'],
    ]);
  });

  it('refuses a slug with capitals and a format it does not know', () => {
    const result = validate(programmeInputSchema, {
      ...content(),
      slug: 'Syngende',
      format: { ...content().format, kind: 'choir' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path).sort()).toEqual(['format.kind', 'slug']);
    }
  });
});

describe('publicPartOf', () => {
  it('leaves out what only a coordinator reads', () => {
    const parsed = validate(programmeInputSchema, { ...content(), slug: 'syngende-besoeg' });
    if (!parsed.ok) throw new Error('invalid');
    const version = {
      ...parsed.value,
      version: 2,
      noticeVersion: noticeVersionOf('syngende-besoeg', 2),
      createdAt: '2026-12-07T10:00:00.000Z',
      createdBy: 'coordinator:1',
    };
    const part = publicPartOf(version);
    expect(part.noticeVersion).toBe('syngende-besoeg/2');
    expect(JSON.stringify(part)).not.toContain('whenNo');
    expect(part).not.toHaveProperty('feedbackInstrumentId');
    expect(part).not.toHaveProperty('createdBy');
    expect(part).not.toHaveProperty('peers');
  });
});

describe('devicePartOf', () => {
  const version = () => {
    const parsed = validate(programmeInputSchema, { ...content(), slug: 'syngende-besoeg' });
    if (!parsed.ok) throw new Error('invalid');
    return {
      ...parsed.value,
      version: 3,
      noticeVersion: noticeVersionOf('syngende-besoeg', 3),
      createdAt: '2026-12-07T10:00:00.000Z',
      createdBy: 'coordinator:1',
    };
  };

  it('gives the tablet the notice with its version, the contact and the instrument named', () => {
    const part = devicePartOf(version());
    expect(part).toEqual({
      slug: 'syngende-besoeg',
      version: 3,
      noticeVersion: 'syngende-besoeg/3',
      name: { da: 'Syngende besøg', en: 'Singing visits' },
      notice: { da: 'Vi bruger oplysningerne.', en: 'We use the details.' },
      controller: {
        name: 'Foreningen',
        address: 'Vej 1, 8000 Aarhus C',
        contact: 'data@example.dk',
      },
      contact: { phone: '+4570203040' },
      feedbackInstrumentId: 'stue-home-concert',
    });
    expect(JSON.stringify(part)).not.toContain('whenNo');
    expect(part).not.toHaveProperty('criteria');
    expect(part).not.toHaveProperty('createdBy');
  });

  it('fits the day a tablet reads, and a day from an older hub still reads without it', () => {
    const booking = {
      bookingId: 'b1',
      start: '2026-12-07T14:00:00+01:00',
      status: 'confirmed',
      host: { firstName: 'Inger', municipality: 'Aarhus', language: 'da' },
      visitingFriend: { firstName: 'Bent' },
      access: {},
      extraGuests: 0,
      musicWishes: null,
      feedbackConsent: 'ask',
    };
    const day = {
      date: '2026-12-07',
      items: [{ ...booking, programme: 'syngende-besoeg' }],
      programmes: [devicePartOf(version())],
    };
    expect(validate(deviceDaySchema, day).ok).toBe(true);
    expect(validate(deviceDaySchema, { date: '2026-12-07', items: [booking] }).ok).toBe(true);
    const noVersion = { ...day, programmes: [{ ...devicePartOf(version()), version: '3' }] };
    expect(validate(deviceDaySchema, noVersion).ok).toBe(false);
  });
});

describe('screeningWording', () => {
  const questions = DEFAULT_PROGRAMME.eligibility.criteria;
  const [ownHome] = questions;
  it('speaks to the visiting friend, of the host to staff and relatives, and to the host', () => {
    expect(screeningWording(ownHome!, 'visiting-friend').question.da).toBe(
      'Bor den, du besøger, i sit eget hjem?',
    );
    expect(screeningWording(ownHome!, 'local-expert').question.da).toBe(
      'Bor værten i sit eget hjem?',
    );
    expect(screeningWording(ownHome!, 'relative').question.en).toBe(
      'Does the host live in their own home?',
    );
    expect(screeningWording(ownHome!, 'self').question.da).toBe('Bor du i dit eget hjem?');
  });

  it('never says "through you" to someone who is not the visiting friend', () => {
    for (const question of questions) {
      for (const role of ['local-expert', 'relative', 'self'] as const) {
        const wording = screeningWording(question, role);
        expect(wording.question.da).not.toMatch(/den, du besøger/);
        expect(wording.help?.da ?? '').not.toMatch(/gennem dig/);
        expect(wording.help?.en ?? '').not.toMatch(/through you(?!r)/);
      }
    }
  });
});
