import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, selfSigned, type CertificateAuthority, type IssuedCertificate } from '../lab/ca.js';
import { createTlsClient } from './tls.js';
import { TlsError, type TlsVersion } from './types.js';

const DAY = 24 * 3600 * 1000;
// Node verifies dates against the real clock, so the certificates are dated around it.
const now = new Date();
const at = (days: number): Date => new Date(now.getTime() + days * DAY);
const LOOPBACK = '127.0.0.1';
const lookupLoopback = async (): Promise<string> => LOOPBACK;

interface Listening {
  port: number;
  /** Server-side sockets still open: the client must leave none behind. */
  openSockets(): number;
  close(): Promise<void>;
}

/** Starts a server on loopback port 0 and tracks its sockets so close() never waits on a client. */
function listen(server: net.Server): Promise<Listening> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.once('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  return new Promise((resolve) => {
    server.listen(0, LOOPBACK, () => {
      resolve({
        port: (server.address() as net.AddressInfo).port,
        openSockets: () => sockets.size,
        close: () => new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        }),
      });
    });
  });
}

/** One HTTPS-like server choosing its certificate by SNI, as the lab's listener does. */
function sniServer(byName: Record<string, IssuedCertificate>, fallback: IssuedCertificate, extra: tls.TlsOptions = {}): tls.Server {
  const contexts = new Map(Object.entries(byName).map(([name, c]) => [name, tls.createSecureContext({ cert: c.chainPem, key: c.keyPem })]));
  return tls.createServer(
    {
      cert: fallback.chainPem,
      key: fallback.keyPem,
      SNICallback: (name, cb) => cb(null, contexts.get(name)),
      ...extra,
    },
    (socket) => socket.end(),
  );
}

let root: CertificateAuthority;
let strangerRoot: CertificateAuthority;
let main: Listening;
let rsa: Listening;
const servers: Listening[] = [];

beforeAll(async () => {
  root = await createCertificateAuthority({ commonName: 'Lab ACME Root', organization: 'Lab Encrypt', now });
  strangerRoot = await createCertificateAuthority({ commonName: 'Stranger Root', now });
  const intermediate = await root.intermediate({ commonName: 'Lab R3', organization: 'Lab Encrypt' });
  const valid = { notBefore: at(-30), notAfter: at(60) };
  const stranger = await strangerRoot.issue({ names: ['stranger.test'], ...valid });
  const certs: Record<string, IssuedCertificate> = {
    'good.test': await root.issue({ names: ['good.test', 'www.good.test'], ...valid }),
    'expired.test': await root.issue({ names: ['expired.test'], notBefore: at(-93), notAfter: at(-3) }),
    'future.test': await root.issue({ names: ['future.test'], notBefore: at(2), notAfter: at(92) }),
    'mismatch.test': await root.issue({ names: ['other.test', 'www.other.test'], ...valid }),
    'self.test': await selfSigned({ names: ['self.test'], ...valid }),
    'stranger.test': stranger,
    'bare-leaf.test': { ...stranger, chainPem: stranger.certPem },
    'deep.test': await intermediate.issue({ names: ['deep.test'], ...valid }),
    'a.wild.test': await root.issue({ names: ['*.wild.test'], ...valid }),
    'a.b.wild.test': await root.issue({ names: ['*.wild.test'], ...valid }),
  };
  const byIp = await root.issue({ names: [LOOPBACK], commonName: 'loopback', ...valid });
  main = await listen(sniServer(certs, byIp));
  // Its own listener: node adds an SNI context's certificate beside the default one, and OpenSSL
  // then serves whichever key type the client prefers (ECDSA), so key types are not mixed by SNI.
  const rsaLeaf = await root.issue({ names: ['rsa.test'], keyType: 'rsa', rsaBits: 2048, ...valid });
  rsa = await listen(sniServer({}, rsaLeaf));
  servers.push(main, rsa);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('inspect', () => {
  const cases: Array<{
    name: string;
    host: string;
    authorized: boolean;
    authorizationError?: string;
    hostnameMatches: boolean;
    chain: Array<{ subject: string; issuer: string; issuerOrganization?: string; selfSigned: boolean }>;
  }> = [
    {
      name: 'a valid certificate',
      host: 'good.test',
      authorized: true,
      hostnameMatches: true,
      chain: [
        { subject: 'good.test', issuer: 'Lab ACME Root', issuerOrganization: 'Lab Encrypt', selfSigned: false },
        { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', issuerOrganization: 'Lab Encrypt', selfSigned: true },
      ],
    },
    { name: 'an expired certificate', host: 'expired.test', authorized: false, authorizationError: 'CERT_HAS_EXPIRED', hostnameMatches: true, chain: [{ subject: 'expired.test', issuer: 'Lab ACME Root', selfSigned: false }, { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', selfSigned: true }] },
    { name: 'a certificate not yet valid', host: 'future.test', authorized: false, authorizationError: 'CERT_NOT_YET_VALID', hostnameMatches: true, chain: [{ subject: 'future.test', issuer: 'Lab ACME Root', selfSigned: false }, { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', selfSigned: true }] },
    { name: 'a trusted certificate for other names', host: 'mismatch.test', authorized: true, hostnameMatches: false, chain: [{ subject: 'other.test', issuer: 'Lab ACME Root', selfSigned: false }, { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', selfSigned: true }] },
    { name: 'a self-signed leaf', host: 'self.test', authorized: false, authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', hostnameMatches: true, chain: [{ subject: 'self.test', issuer: 'self.test', selfSigned: true }] },
    { name: 'an untrusted root sent along', host: 'stranger.test', authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', hostnameMatches: true, chain: [{ subject: 'stranger.test', issuer: 'Stranger Root', selfSigned: false }, { subject: 'Stranger Root', issuer: 'Stranger Root', selfSigned: true }] },
    { name: 'an unknown issuer not sent', host: 'bare-leaf.test', authorized: false, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', hostnameMatches: false, chain: [{ subject: 'stranger.test', issuer: 'Stranger Root', selfSigned: false }] },
    {
      name: 'a chain through an intermediate, leaf first',
      host: 'deep.test',
      authorized: true,
      hostnameMatches: true,
      chain: [
        { subject: 'deep.test', issuer: 'Lab R3', issuerOrganization: 'Lab Encrypt', selfSigned: false },
        { subject: 'Lab R3', issuer: 'Lab ACME Root', issuerOrganization: 'Lab Encrypt', selfSigned: false },
        { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', issuerOrganization: 'Lab Encrypt', selfSigned: true },
      ],
    },
    { name: 'a wildcard one label deep', host: 'a.wild.test', authorized: true, hostnameMatches: true, chain: [{ subject: '*.wild.test', issuer: 'Lab ACME Root', selfSigned: false }, { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', selfSigned: true }] },
    { name: 'a wildcard two labels deep', host: 'a.b.wild.test', authorized: true, hostnameMatches: false, chain: [{ subject: '*.wild.test', issuer: 'Lab ACME Root', selfSigned: false }, { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', selfSigned: true }] },
    { name: 'an IP address (no SNI, IP SAN)', host: LOOPBACK, authorized: true, hostnameMatches: true, chain: [{ subject: 'loopback', issuer: 'Lab ACME Root', selfSigned: false }, { subject: 'Lab ACME Root', issuer: 'Lab ACME Root', selfSigned: true }] },
  ];

  it.each(cases)('$name', async (c) => {
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: main.port, ca: root.certPem, timeoutMs: 2_000 });
    const got = await client.inspect(c.host);
    expect(got).toMatchObject({
      host: c.host,
      port: main.port,
      authorized: c.authorized,
      hostnameMatches: c.hostnameMatches,
      protocol: 'TLSv1.3',
    });
    expect(got.authorizationError).toBe(c.authorizationError);
    expect(got.chain).toMatchObject(c.chain);
  });

  it('reports names, dates, serial, fingerprint, cipher and the EC key', async () => {
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: main.port, ca: root.certPem });
    const got = await client.inspect('Good.Test.');
    expect(got.host).toBe('good.test');
    expect(got.cipher).toMatch(/^TLS_/);
    const [leaf, ca] = got.chain;
    expect(leaf.subjectAltNames).toEqual(['good.test', 'www.good.test']);
    // X.509 times carry whole seconds.
    expect(leaf.validFrom.getTime()).toBe(Math.floor(at(-30).getTime() / 1000) * 1000);
    expect(leaf.validTo.getTime()).toBe(Math.floor(at(60).getTime() / 1000) * 1000);
    expect(leaf.serialNumber).toMatch(/^[0-9A-F]{16,}$/);
    expect(leaf.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(leaf.fingerprint256).not.toBe(ca.fingerprint256);
    expect({ type: leaf.keyType, bits: leaf.keyBits }).toEqual({ type: 'EC', bits: 256 });
  });

  it('reports an RSA-2048 key', async () => {
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: rsa.port, ca: root.certPem });
    const got = await client.inspect('rsa.test');
    expect(got.authorized).toBe(true);
    expect({ type: got.chain[0].keyType, bits: got.chain[0].keyBits }).toEqual({ type: 'RSA', bits: 2048 });
  });

  it('trusts the lab root only when given, and takes several roots in one PEM buffer', async () => {
    const withoutCa = createTlsClient({ lookup: lookupLoopback, httpsPort: main.port });
    const untrusted = await withoutCa.inspect(LOOPBACK);
    expect(untrusted.chain[0].subjectAltNames).toEqual([LOOPBACK]);
    expect(untrusted).toMatchObject({ authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN' });
    const bundle = Buffer.from(strangerRoot.certPem + root.certPem);
    const withBundle = createTlsClient({ lookup: lookupLoopback, httpsPort: main.port, ca: bundle });
    expect((await withBundle.inspect('good.test')).authorized).toBe(true);
    expect((await withBundle.inspect('stranger.test')).authorized).toBe(true);
  });

  it('dials the address the lookup gives, with the asked name as SNI, and closes its socket', async () => {
    const asked: string[] = [];
    const client = createTlsClient({
      lookup: async (host) => {
        asked.push(host);
        return LOOPBACK;
      },
      ca: root.certPem,
    });
    const got = await client.inspect('good.test', { port: main.port });
    expect(asked).toEqual(['good.test']);
    expect(got.chain[0].subject).toBe('good.test');
    await waitFor(() => main.openSockets() === 0);
  });
});

describe('accepts', () => {
  let legacy: Listening;
  let modern: Listening;
  beforeAll(async () => {
    const cert = await root.issue({ names: ['versions.test'], notBefore: at(-1), notAfter: at(30) });
    legacy = await listen(sniServer({}, cert, { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' }));
    modern = await listen(sniServer({}, cert));
    servers.push(legacy, modern);
  });

  const table: Array<[string, TlsVersion, boolean]> = [
    ['legacy', 'TLSv1', true],
    ['legacy', 'TLSv1.1', true],
    ['legacy', 'TLSv1.2', true],
    ['legacy', 'TLSv1.3', true],
    ['modern', 'TLSv1', false],
    ['modern', 'TLSv1.1', false],
    ['modern', 'TLSv1.2', true],
    ['modern', 'TLSv1.3', true],
  ];
  it.each(table)('a %s server and %s → %s', async (which, version, expected) => {
    const port = (which === 'legacy' ? legacy : modern).port;
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: port, timeoutMs: 2_000 });
    expect(await client.accepts('versions.test', version)).toBe(expected);
  });

  it('treats a server that hangs up on the ClientHello as a refusal', async () => {
    const rude = await listen(net.createServer((s) => s.destroy()));
    servers.push(rude);
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: rude.port, timeoutMs: 2_000 });
    expect(await client.accepts('rude.test', 'TLSv1')).toBe(false);
    await expect(client.inspect('rude.test')).rejects.toMatchObject({ code: 'RESET' });
  });
});

describe('failures', () => {
  let silent: Listening;
  let refusedPort: number;
  beforeAll(async () => {
    // Accepts TCP, reads (so it notices the client leaving) and never says a word.
    silent = await listen(net.createServer((s) => s.resume()));
    servers.push(silent);
    const gone = await listen(net.createServer());
    refusedPort = gone.port;
    await gone.close();
  });

  const TIMEOUT_MS = 400;
  const cases: Array<{ name: string; op: 'inspect' | 'accepts'; port: () => number; lookup?: (h: string) => Promise<string>; code: string; slow?: boolean }> = [
    { name: 'a stalled handshake (inspect)', op: 'inspect', port: () => silent.port, code: 'TIMEOUT', slow: true },
    { name: 'a stalled handshake (accepts)', op: 'accepts', port: () => silent.port, code: 'TIMEOUT', slow: true },
    { name: 'a closed port (inspect)', op: 'inspect', port: () => refusedPort, code: 'REFUSED' },
    { name: 'a closed port (accepts)', op: 'accepts', port: () => refusedPort, code: 'REFUSED' },
    { name: 'a failing lookup', op: 'inspect', port: () => main.port, lookup: () => Promise.reject(new Error('NXDOMAIN')), code: 'DNS' },
    { name: 'a lookup answering no address', op: 'accepts', port: () => main.port, lookup: async () => 'not-an-ip', code: 'DNS' },
    { name: 'a lookup that never answers', op: 'inspect', port: () => main.port, lookup: () => new Promise<string>(() => undefined), code: 'TIMEOUT', slow: true },
  ];

  it.each(cases)('$name → $code', async (c) => {
    const client = createTlsClient({ lookup: c.lookup ?? lookupLoopback, httpsPort: c.port(), timeoutMs: TIMEOUT_MS });
    const started = performance.now();
    const call = c.op === 'inspect' ? client.inspect('x.test') : client.accepts('x.test', 'TLSv1.2');
    const err = await call.then(() => undefined, (e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(err).toBeInstanceOf(TlsError);
    expect(err).toMatchObject({ code: c.code, host: 'x.test' });
    if (c.slow) expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 400);
  });

  it('leaves no socket open after a timeout', async () => {
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: silent.port, timeoutMs: 200 });
    await expect(client.inspect('x.test')).rejects.toMatchObject({ code: 'TIMEOUT' });
    await waitFor(() => silent.openSockets() === 0);
  });

  it('stops at once when the caller aborts, with the abort reason', async () => {
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: silent.port, timeoutMs: 5_000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(new Error('run cancelled')), 50);
    await expect(client.inspect('x.test', { signal: controller.signal })).rejects.toThrow('run cancelled');
    expect(performance.now() - started).toBeLessThan(1_000);
    await waitFor(() => silent.openSockets() === 0);
  });

  it('names a plain-TCP answer a handshake failure', async () => {
    const chatty = await listen(net.createServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    servers.push(chatty);
    const client = createTlsClient({ lookup: lookupLoopback, httpsPort: chatty.port, timeoutMs: 2_000 });
    await expect(client.inspect('x.test')).rejects.toMatchObject({ code: 'HANDSHAKE' });
  });
});

/** Polls a condition for at most one second (server-side close events arrive a tick later). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}
