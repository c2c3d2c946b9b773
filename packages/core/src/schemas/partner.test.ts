import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { examplePartnerInput } from './examples.js';
import { normaliseAllowedOrigin, partnerInputSchema, partnerSchema } from './partner.js';
import { storedPartner } from './records.test-support.js';
import { expectAcceptedAsIs, issueCodes } from '../validation/validate.test-support.js';

function codesOf(input: unknown, schema = partnerInputSchema) {
  return issueCodes(schema, input);
}

describe('normaliseAllowedOrigin', () => {
  it.each([
    ['https://besoeg.example.dk', 'https://besoeg.example.dk'],
    ['https://Besoeg.Example.DK/', 'https://besoeg.example.dk'],
    ['https://example.dk:443', 'https://example.dk'],
    ['https://example.dk:8443', 'https://example.dk:8443'],
    ['https://bøger.dk', 'https://xn--bger-gra.dk'],
    ['http://127.0.0.1:*', 'http://127.0.0.1:*'],
    ['http://localhost:*', 'http://localhost:*'],
    ['http://[::1]:*', 'http://[::1]:*'],
    ['http://localhost:5173', 'http://localhost:5173'],
  ])('accepts %s as %s', (text, origin) => {
    expect(normaliseAllowedOrigin(text)).toBe(origin);
  });

  it.each([
    'http://example.dk',
    'https://example.dk/widget',
    'https://example.dk?x=1',
    'https://example.dk#top',
    'https://user:pw@example.dk',
    'https://*.example.dk',
    'https://example.dk:*',
    'http://192.168.1.2:*',
    'ftp://example.dk',
    'example.dk',
    '*',
    'null',
    '',
  ])('refuses %s', (text) => {
    expect(normaliseAllowedOrigin(text)).toBeUndefined();
  });
});

describe('partnerInputSchema', () => {
  it('accepts the example, with origins normalised', () => {
    const input = {
      ...examplePartnerInput(),
      allowedOrigins: ['https://Besoeg.Example.dk/', 'http://127.0.0.1:*'],
    };
    const result = validate(partnerInputSchema, input);
    expect(result.ok && result.value.allowedOrigins).toEqual([
      'https://besoeg.example.dk',
      'http://127.0.0.1:*',
    ]);
  });

  it('refuses origins and webhooks that are not safe to trust, and one origin twice', () => {
    expect(
      codesOf({
        ...examplePartnerInput(),
        allowedOrigins: ['http://besoeg.example.dk', 'https://a.dk', 'https://A.dk/'],
        webhookUrls: ['http://api.example.dk/hook', 'https://user:pw@api.example.dk/hook'],
      }),
    ).toEqual([
      ['allowedOrigins.0', 'invalid_origin'],
      ['allowedOrigins', 'duplicate_choice'],
      ['webhookUrls.0', 'invalid_webhook_url'],
      ['webhookUrls.1', 'invalid_webhook_url'],
    ]);
  });

  it('takes webhook URLs with tokens as they are, even where a token looks like a CPR number', () => {
    const webhookUrls = ['https://hooks.example.dk/in/ab010190-1234-7abc-8def-0123456789ab'];
    expect(codesOf({ ...examplePartnerInput(), webhookUrls })).toEqual([]);
  });

  it('takes no keys, id or times from the client', () => {
    expect(
      codesOf({
        ...examplePartnerInput(),
        id: 'p1',
        publishableKey: 'pk_x',
        secretKey: 'sk_x',
        createdAt: '2025-01-01T00:00:00Z',
      }),
    ).toEqual([
      ['id', 'unknown_key'],
      ['publishableKey', 'unknown_key'],
      ['secretKey', 'unknown_key'],
      ['createdAt', 'unknown_key'],
    ]);
  });

  it('needs a name and a kind', () => {
    expect(codesOf({ schemaVersion: 1, name: ' ', kind: 'bank' })).toEqual([
      ['name', 'required'],
      ['kind', 'invalid_choice'],
    ]);
  });
});

describe('partnerSchema', () => {
  it('is the input plus the id and times the hub sets', () => {
    const stored = storedPartner();
    expectAcceptedAsIs(partnerSchema, stored);
    expect(codesOf({ ...stored, id: '../etc' }, partnerSchema)).toEqual([['id', 'invalid_id']]);
  });
});
