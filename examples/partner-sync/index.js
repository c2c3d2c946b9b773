// A partner's own system (a visit service's case register, say) sends a nomination to the Stue
// hub and reads its status. Run `pnpm start` at the repository root first; STUE_API and
// STUE_PARTNER_KEY point elsewhere.
import { newId } from '@stue/core';
import { getNominationStatus, submitNomination } from '@stue/core/client';

const client = {
  api: process.env.STUE_API ?? 'http://127.0.0.1:8787/',
  key: process.env.STUE_PARTNER_KEY ?? 'pk_demo',
};

const receipt = await submitNomination(
  {
    schemaVersion: 2,
    id: newId(), // keep it with your record, and send the same id again on every retry
    nominator: { role: 'local-expert', name: 'Hanne Holm', email: 'hanne@example.dk' },
    host: { firstName: 'Inger', municipalityCode: '751' },
    visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' },
    consent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: new Date().toISOString(),
      noticeVersion: 'besoegstjenesten-2026-11',
    },
  },
  client,
);
console.log(`Sent: ${receipt.reference} (${receipt.status})`);

const { status } = await getNominationStatus(receipt.reference, client);
console.log(`Status now: ${status}`);
