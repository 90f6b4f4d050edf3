import 'reflect-metadata';
import { X509Certificate as NodeX509, createPrivateKey, createPublicKey } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import tls from 'node:tls';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
} from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createCertificateAuthority,
  derToPem,
  generateKeyPair,
  privateKeyToPem,
  publicKeyToPem,
  selfSigned,
  type CertificateAuthority,
  type IssuedCertificate,
} from './ca.js';

const DAY = 24 * 3600 * 1000;
// Node's TLS verifies against the real clock, so handshake tests date certificates around it.
const now = new Date();
const at = (days: number): Date => new Date(now.getTime() + days * DAY);
const valid = { notBefore: at(-10), notAfter: at(80) };
/** X.509 times carry whole seconds. */
const seconds = (d: Date): number => Math.floor(d.getTime() / 1000) * 1000;

let root: CertificateAuthority;
let rsaRoot: CertificateAuthority;

beforeAll(async () => {
  root = await createCertificateAuthority({ commonName: 'Lab Root', organization: 'Lab, Inc.', now });
  // 1024 bits: still accepted by OpenSSL's default security level, and quick to generate.
  rsaRoot = await createCertificateAuthority({ commonName: 'Lab RSA Root', now, keyType: 'rsa', rsaBits: 1024 });
});

describe('root certificates', () => {
  it('is a CA: basicConstraints, keyUsage, key identifiers, names, validity', () => {
    const cert = new X509Certificate(root.certPem);
    expect(cert.subject).toBe(cert.issuer);
    expect(cert.subjectName.getField('CN')).toEqual(['Lab Root']);
    expect(cert.subjectName.getField('O')).toEqual(['Lab, Inc.']);
    const bc = cert.getExtension(BasicConstraintsExtension);
    expect({ ca: bc?.ca, critical: bc?.critical }).toEqual({ ca: true, critical: true });
    const ku = cert.getExtension(KeyUsagesExtension);
    expect(ku?.critical).toBe(true);
    expect((ku?.usages ?? 0) & (KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign)).toBe(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign);
    expect(cert.getExtension(SubjectKeyIdentifierExtension)?.keyId).toMatch(/^[0-9a-f]{40}$/);
    expect(cert.notBefore.getTime()).toBeLessThan(at(-365).getTime());
    expect(cert.notAfter.getTime()).toBeGreaterThan(at(365).getTime());
    expect(root.chainPem).toBe(root.certPem);
    expect(createPrivateKey(root.keyPem).asymmetricKeyType).toBe('ec');
  });

  it('makes RSA roots of the asked size', () => {
    const key = new NodeX509(rsaRoot.certPem).publicKey;
    expect({ type: key.asymmetricKeyType, bits: key.asymmetricKeyDetails?.modulusLength }).toEqual({ type: 'rsa', bits: 1024 });
    expect(rsaRoot.organization).toBeUndefined();
  });
});

describe('server certificates', () => {
  let ec: IssuedCertificate;
  let rsa: IssuedCertificate;
  beforeAll(async () => {
    ec = await root.issue({ names: ['app.acme.test', '*.acme.test', '127.0.0.1', '::1'], ...valid });
    rsa = await root.issue({ names: ['rsa.acme.test'], commonName: 'RSA host', keyType: 'rsa', rsaBits: 1024, ...valid });
  });

  it('carries the leaf extensions of a public CA', () => {
    const cert = new X509Certificate(ec.certPem);
    const rootCert = new X509Certificate(root.certPem);
    expect(cert.issuer).toBe(rootCert.subject);
    expect(cert.subjectName.getField('CN')).toEqual(['app.acme.test']);
    expect(cert.getExtension(BasicConstraintsExtension)?.ca).toBe(false);
    expect(cert.getExtension(KeyUsagesExtension)?.usages).toBe(KeyUsageFlags.digitalSignature);
    expect(cert.getExtension(ExtendedKeyUsageExtension)?.usages).toEqual([ExtendedKeyUsage.serverAuth]);
    const sans = cert.getExtension(SubjectAlternativeNameExtension)?.names.toJSON();
    expect(sans).toEqual([
      { type: 'dns', value: 'app.acme.test' },
      { type: 'dns', value: '*.acme.test' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]);
    // The leaf's AKI names the root's key, which is how verifiers pick the issuer.
    expect(cert.getExtension(AuthorityKeyIdentifierExtension)?.keyId)
      .toBe(rootCert.getExtension(SubjectKeyIdentifierExtension)?.keyId);
    expect(cert.getExtension(SubjectKeyIdentifierExtension)?.keyId).not.toBe(rootCert.getExtension(SubjectKeyIdentifierExtension)?.keyId);
    expect(cert.notBefore.getTime()).toBe(seconds(valid.notBefore));
    expect(cert.notAfter.getTime()).toBe(seconds(valid.notAfter));
    expect(ec.chainPem).toBe(ec.certPem + root.certPem);
  });

  it('gives RSA leaves keyEncipherment and the asked common name and size', () => {
    const cert = new X509Certificate(rsa.certPem);
    expect(cert.subjectName.getField('CN')).toEqual(['RSA host']);
    expect(cert.getExtension(KeyUsagesExtension)?.usages).toBe(KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment);
    expect(createPrivateKey(rsa.keyPem).asymmetricKeyDetails?.modulusLength).toBe(1024);
  });

  it('draws a fresh random positive serial for every certificate', () => {
    const serials = [ec.certPem, rsa.certPem, root.certPem].map((p) => new NodeX509(p).serialNumber);
    expect(new Set(serials).size).toBe(3);
    // 128 random bits (CA/B Forum asks for at least 64 of entropy).
    for (const s of serials) expect(s).toMatch(/^[0-9A-F]{28,34}$/);
  });

  it.each([
    { name: 'no names', opts: { names: [], ...valid }, error: /at least one name/ },
    { name: 'notAfter before notBefore', opts: { names: ['a.test'], notBefore: at(1), notAfter: at(0) }, error: /must be after/ },
    { name: 'an absurd RSA size', opts: { names: ['a.test'], keyType: 'rsa' as const, rsaBits: 100, ...valid }, error: /rsaBits/ },
  ])('refuses $name', async ({ opts, error }) => {
    await expect(root.issue(opts)).rejects.toThrow(error);
    await expect(selfSigned(opts)).rejects.toThrow(error);
  });
});

describe("node's TLS accepts what the CA issues", () => {
  const servers: tls.Server[] = [];
  afterAll(() => {
    for (const s of servers) s.close();
  });

  /** Serves `cert` on loopback port 0 and reports how a client trusting `ca` judges it. */
  async function handshake(cert: IssuedCertificate, ca: string | undefined, servername: string): Promise<{ authorized: boolean; error?: string; chainLength: number }> {
    const server = tls.createServer({ cert: cert.chainPem, key: cert.keyPem }, (s) => s.end());
    server.on('tlsClientError', () => undefined);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port, servername, ca, rejectUnauthorized: false });
      socket.setTimeout(2_000, () => socket.destroy(new Error('handshake timed out')));
      socket.once('error', reject);
      socket.once('secureConnect', () => {
        let chainLength = 0;
        const seen = new Set<string>();
        for (let c = socket.getPeerCertificate(true); c && !seen.has(c.fingerprint256) && chainLength < 5; c = c.issuerCertificate) {
          seen.add(c.fingerprint256);
          chainLength += 1;
        }
        const error = socket.authorizationError as unknown;
        resolve({ authorized: socket.authorized, ...(error ? { error: String(error) } : {}), chainLength });
        socket.destroy();
      });
    });
  }

  it.each([
    { name: 'EC root, EC leaf', issuer: () => root, keyType: 'ec' as const },
    { name: 'EC root, RSA leaf', issuer: () => root, keyType: 'rsa' as const },
    { name: 'RSA root, EC leaf', issuer: () => rsaRoot, keyType: 'ec' as const },
  ])('$name', async ({ issuer, keyType }) => {
    const leaf = await issuer().issue({ names: ['tls.acme.test'], keyType, rsaBits: 1024, ...valid });
    expect(await handshake(leaf, issuer().certPem, 'tls.acme.test')).toEqual({ authorized: true, chainLength: 2 });
  });

  it('through an intermediate, trusting only the root', async () => {
    const intermediate = await root.intermediate({ commonName: 'Lab R3', organization: 'Lab, Inc.' });
    const leaf = await intermediate.issue({ names: ['deep.acme.test'], ...valid });
    const cert = new X509Certificate(intermediate.certPem);
    expect(cert.getExtension(BasicConstraintsExtension)?.pathLength).toBe(0);
    expect(leaf.chainPem).toBe(leaf.certPem + intermediate.certPem + root.certPem);
    expect(await handshake(leaf, root.certPem, 'deep.acme.test')).toEqual({ authorized: true, chainLength: 3 });
  });

  it('not when the client trusts another CA', async () => {
    const leaf = await rsaRoot.issue({ names: ['x.acme.test'], ...valid });
    expect(await handshake(leaf, root.certPem, 'x.acme.test')).toMatchObject({ authorized: false, error: 'SELF_SIGNED_CERT_IN_CHAIN' });
  });

  it('a self-signed leaf is its own issuer and trusted by nobody', async () => {
    const leaf = await selfSigned({ names: ['self.acme.test'], ...valid });
    const cert = new NodeX509(leaf.certPem);
    expect(cert.subject).toBe(cert.issuer);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(leaf.chainPem).toBe(leaf.certPem);
    expect(await handshake(leaf, root.certPem, 'self.acme.test')).toEqual({ authorized: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', chainLength: 1 });
  });
});

describe('key helpers', () => {
  it('exports PKCS #8 and SPKI PEM that node loads', async () => {
    const keys = await generateKeyPair({ keyType: 'rsa', rsaBits: 512 });
    const priv = await privateKeyToPem(keys.privateKey);
    const pub = await publicKeyToPem(keys.publicKey);
    expect(priv).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(pub).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(createPrivateKey(priv).asymmetricKeyDetails?.modulusLength).toBe(512);
    expect(createPublicKey(pub).asymmetricKeyType).toBe('rsa');
  });

  it('wraps DER at 64 columns', () => {
    const pem = derToPem('TEST', new Uint8Array(100).fill(7));
    const body = pem.split('\n').slice(1, -2);
    expect(body.map((l) => l.length)).toEqual([64, 64, 8]);
  });
});
