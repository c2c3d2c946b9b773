import type { ProgrammeContentInput } from '@stue/core';
import type { TestHub } from '../helpers.test-support.js';

/** A singing visit, the second programme of the story. */
export const singing = (): ProgrammeContentInput & { slug: string } => ({
  slug: 'syngende-besoeg',
  name: { da: 'Syngende besøg', en: 'Singing visits' },
  format: {
    kind: 'singing-visit',
    minutes: 45,
    description: {
      da: 'En sanger kommer og synger kendte sange sammen med værten.',
      en: 'A singer comes and sings well-known songs together with the host.',
    },
  },
  controller: {
    name: 'Sangforeningen Stemmer',
    address: 'Korvej 2, 5000 Odense C',
    contact: 'data@stemmer.example.dk',
  },
  notice: {
    da: 'Vi bruger oplysningerne til at planlægge et syngende besøg.',
    en: 'We use the details to plan a singing visit.',
  },
  nominatorContact: { email: 'besoeg@stemmer.example.dk' },
  callWithin: {
    da: 'En koordinator ringer til besøgsvennen inden for en uge.',
    en: 'A coordinator phones the visiting friend within a week.',
  },
  criteria: [
    {
      id: 'likes-singing',
      kind: 'required',
      question: {
        da: 'Kan den, du besøger, lide at synge?',
        en: 'Does the person you visit like singing?',
      },
      thirdPerson: {
        question: { da: 'Kan værten lide at synge?', en: 'Does the host like singing?' },
      },
    },
  ],
  feedbackInstrumentId: 'stue-home-concert',
  feedbackConsent: 'kiosk',
});

/**
 * Creates a programme on the hub as a coordinator with `headers` would (its first version), then
 * `versions - 1` more versions of the same content; answers the newest notice version.
 */
export async function createProgramme(
  hub: TestHub,
  headers: Record<string, string>,
  programme: ProgrammeContentInput & { slug: string } = singing(),
  versions = 1,
): Promise<string> {
  const send = (path: string, body: unknown) =>
    hub.app.request(path, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { slug, ...content } = programme;
  let res = await send('/api/v1/programmes', programme);
  for (let n = 1; n < versions; n++)
    res = await send(`/api/v1/programmes/${slug}/versions`, content);
  if (res.status !== 201) throw new Error(`The programme was not stored: ${res.status}`);
  return ((await res.json()) as { noticeVersion: string }).noticeVersion;
}
