import { newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, withKey } from '../../helpers.test-support.js';
import { at, plannerHub, type Planner, type TestHub } from '../fixtures.test-support.js';

let hub: TestHub;
let p: Planner;
beforeEach(async () => ({ hub, p } = await plannerHub()));
afterEach(() => hub.db.destroy());

describe('coordinators’ screening moves on nominations', () => {
  it('review → accept; the partner’s status endpoint shows each new status', async () => {
    const { id, reference } = await p.nomination('received');
    const reviewed = await p.act(`/api/v1/nominations/${id}/review`);
    expect(reviewed).toEqual({
      id,
      reference,
      status: 'in-review',
      allowedActions: [
        {
          action: 'accept',
          to: 'accepted',
          reasonRequired: false,
          href: `/api/v1/nominations/${id}/accept`,
        },
        {
          action: 'decline',
          to: 'declined',
          reasonRequired: true,
          href: `/api/v1/nominations/${id}/decline`,
        },
        {
          action: 'withdraw',
          to: 'withdrawn',
          reasonRequired: true,
          href: `/api/v1/nominations/${id}/withdraw`,
        },
      ],
    });
    expect(await p.partnerStatus(reference)).toBe('in-review');
    const accepted = await p.act(`/api/v1/nominations/${id}/accept`);
    expect(accepted.status).toBe('accepted');
    // Booking is done through bookings, so only withdraw is offered here.
    expect(accepted.allowedActions.map((a: { action: string }) => a.action)).toEqual(['withdraw']);
    expect(await p.partnerStatus(reference)).toBe('accepted');
    const rows = await p.nominationAudit(id);
    expect(rows.map((r) => r.action)).toEqual(['received', 'review', 'accept']);
    expect(rows[1]).toMatchObject({
      actor: `coordinator:${p.coordinatorId}`,
      details: JSON.stringify({ from: 'received', to: 'in-review' }),
    });
  });

  it('decline needs a reason and keeps a referral in the audit trail', async () => {
    const { id, reference } = await p.nomination('in-review');
    const bare = await p.send('POST', `/api/v1/nominations/${id}/decline`, { referral: 'Café' });
    expect(bare.status).toBe(400);
    expect((await json(bare)).error.code).toBe('reason_required');
    expect(await p.partnerStatus(reference)).toBe('in-review');
    const declined = await p.act(`/api/v1/nominations/${id}/decline`, {
      reason: 'Værten bor på plejehjem',
      referral: 'Plejehjemmets musikeftermiddage',
    });
    expect(declined).toMatchObject({ status: 'declined', allowedActions: [] });
    expect((await p.nominationAudit(id)).at(-1)).toMatchObject({
      action: 'decline',
      reason: 'Værten bor på plejehjem',
      details: JSON.stringify({
        from: 'in-review',
        to: 'declined',
        referral: 'Plejehjemmets musikeftermiddage',
      }),
    });
    expect(await p.partnerStatus(reference)).toBe('declined');
  });

  it('withdraw needs a reason, and cancels the nomination’s active booking with it', async () => {
    const day = await p.tourDay();
    const booking = await p.booking(day.id, at('10:00'), { confirm: true });
    const bare = await p.send('POST', `/api/v1/nominations/${booking.nominationId}/withdraw`);
    expect((await json(bare)).error.code).toBe('reason_required');
    const withdrawn = await p.act(`/api/v1/nominations/${booking.nominationId}/withdraw`, {
      reason: 'Værten har takket nej',
    });
    expect(withdrawn.status).toBe('withdrawn');
    const cancelled = await json(await p.get(`/api/v1/bookings/${booking.id}`));
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.at(-1)).toMatchObject({
      action: 'cancel',
      reason: 'Værten har takket nej',
      details: { from: 'confirmed', to: 'cancelled', because: 'nomination-withdrawn' },
    });
    expect(await p.partnerStatus(booking.reference)).toBe('withdrawn');
  });

  it('409 illegal_transition with the status and the moves allowed now', async () => {
    const { id } = await p.nomination('received');
    const res = await p.send(
      'POST',
      `/api/v1/nominations/${id}/accept`,
      {},
      { 'accept-language': 'en' },
    );
    expect(res.status).toBe(409);
    const { error } = await json(res);
    expect(error).toMatchObject({
      code: 'illegal_transition',
      message: 'That cannot be done from the current status. See what can be done now.',
      status: 'received',
    });
    expect(error.allowedActions.map((a: { action: string }) => a.action)).toEqual([
      'review',
      'withdraw',
    ]);
  });

  it('400 for a malformed id or an unknown field; 404 for an unknown id; 403 without CSRF', async () => {
    expect((await p.send('POST', '/api/v1/nominations/STUE-0000-0000/review')).status).toBe(400);
    expect((await p.send('POST', `/api/v1/nominations/${newId()}/review`)).status).toBe(404);
    const { id } = await p.nomination('in-review');
    const extra = await p.send('POST', `/api/v1/nominations/${id}/accept`, { referral: 'x' });
    expect((await json(extra)).error.issues[0]).toMatchObject({
      path: 'referral',
      code: 'unknown_key',
    });
    const cpr = await p.send('POST', `/api/v1/nominations/${id}/decline`, {
      reason: '010190-1234',
    });
    expect((await json(cpr)).error.issues[0]).toMatchObject({
      path: 'reason',
      code: 'cpr_not_allowed',
    });
    const res = await hub.app.request(`/api/v1/nominations/${id}/accept`, {
      method: 'POST',
      headers: { cookie: p.session.cookie },
    });
    expect(res.status).toBe(403);
    expect((await p.nominationAudit(id)).map((r) => r.action)).toEqual(['received', 'review']);
  });

  it('leaves the partner routes alone: a partner key still creates, and cannot screen', async () => {
    const { id } = await p.nomination('received');
    const res = await hub.app.request(`/api/v1/nominations/${id}/review`, {
      method: 'POST',
      headers: withKey('pk_demo'),
    });
    expect(res.status).toBe(401);
  });
});
