// The RDAP server: RFC 9083 domain objects and error bodies over a real loopback listener.
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRdapServer, type RdapServer } from './rdap.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const DAY = 86_400_000;

describe('rdap server', () => {
  let rdap: RdapServer;
  beforeAll(async () => {
    rdap = await startRdapServer({
      now: () => NOW,
      domains: {
        'acme.test': { expires: new Date(NOW.getTime() + 20 * DAY), registrar: 'Lab Registrar Inc.' },
        'Hold.TEST': { expires: new Date(NOW.getTime() + 800 * DAY), status: ['client hold'] },
      },
    });
  });
  afterAll(() => rdap?.stop());

  const get = async (path: string) => {
    const res = await request(`${rdap.url}${path}`, { headersTimeout: 2000, bodyTimeout: 2000 });
    return { status: res.statusCode, type: res.headers['content-type'], body: (await res.body.json()) as any };
  };

  it('answers a registered domain with an RFC 9083 domain object', async () => {
    const res = await get('domain/acme.test');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/rdap+json');
    expect(res.body).toMatchObject({
      rdapConformance: ['rdap_level_0'], objectClassName: 'domain', ldhName: 'acme.test',
      status: ['active', 'client transfer prohibited'],
    });
    const events = Object.fromEntries(res.body.events.map((e: any) => [e.eventAction, e.eventDate]));
    expect(events.expiration).toBe('2026-03-21T12:00:00.000Z');
    // Registration is a whole year before expiry and in the past; last change too.
    expect(events.registration).toBe(new Date(NOW.getTime() + 20 * DAY - 365 * DAY).toISOString());
    expect(Date.parse(events['last changed'])).toBeLessThanOrEqual(NOW.getTime());
    const registrar = res.body.entities.find((e: any) => e.roles.includes('registrar'));
    expect(registrar.vcardArray[1]).toContainEqual(['fn', {}, 'text', 'Lab Registrar Inc.']);
    expect(res.body.links[0]).toMatchObject({ rel: 'self', href: `${rdap.url}domain/acme.test` });
  });

  it('keeps registration in the past for a far expiry, and matches names case-insensitively', async () => {
    const res = await get('domain/HOLD.test.');
    expect(res.body.status).toEqual(['client hold']);
    const registration = res.body.events.find((e: any) => e.eventAction === 'registration').eventDate;
    expect(Date.parse(registration)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('works under a base path', async () => {
    expect((await get('rdap/v1/domain/acme.test')).status).toBe(200);
  });

  it.each([
    ['domain/unknown.test', 404],
    ['entity/LAB-REGISTRAR', 400],
    ['domain/%E0%A4%A', 400],
  ])('%s → %i with an RDAP error body', async (path, status) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.type).toBe('application/rdap+json');
    expect(res.body).toMatchObject({ rdapConformance: ['rdap_level_0'], errorCode: status, title: expect.any(String), description: [expect.any(String)] });
  });
});
