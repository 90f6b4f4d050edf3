/**
 * The lab's certificate authority: roots, intermediates and server certificates with the
 * extensions real public CAs put in them (RFC 5280 §4.2 and the CA/Browser Forum baseline), so
 * node's TLS verifies them exactly as it would a production chain when the root is in `ca`.
 * Dates are always explicit: the lab fixes "now" so expiry tests are deterministic.
 */
// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API.
// It must be evaluated before the library, hence this side-effect import first.
import 'reflect-metadata';
import { isIP } from 'node:net';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
  type Extension,
  type JsonGeneralName,
  type X509Certificate,
} from '@peculiar/x509';
import {
  generateKeyPair,
  labCrypto,
  privateKeyToPem,
  type CryptoKey,
  type CryptoKeyPair,
  type KeyOptions,
} from './ca-keys.js';

export { derToPem, generateKeyPair, privateKeyToPem, publicKeyToPem } from './ca-keys.js';
export type { KeyOptions, LabKeyType } from './ca-keys.js';

/** A server certificate with its key, ready for `tls.createServer({ cert: chainPem, key: keyPem })`. */
export interface IssuedCertificate {
  /** The leaf alone. */
  certPem: string;
  /** The leaf's private key, PKCS #8 PEM. */
  keyPem: string;
  /** The leaf followed by its issuers up to and including the root. */
  chainPem: string;
}

export interface IssueOptions extends KeyOptions {
  /** Subject alternative names: DNS names (wildcards allowed) and IP addresses. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
  /** Subject CN; default the first name. */
  commonName?: string;
}

export interface AuthorityOptions extends KeyOptions {
  commonName: string;
  organization?: string;
  /** Validity defaults to `notBefore` ten years before, `notAfter` ten years after this. */
  now: Date;
  notBefore?: Date;
  notAfter?: Date;
}

export type IntermediateOptions = Omit<AuthorityOptions, 'now'> & { now?: Date };

/** A CA that can sign server certificates and subordinate CAs. */
export interface CertificateAuthority {
  readonly commonName: string;
  readonly organization?: string;
  /** This CA's own certificate. */
  readonly certPem: string;
  /** This CA's private key, PKCS #8 PEM. */
  readonly keyPem: string;
  /** This CA's certificate followed by its issuers up to the root (just `certPem` for a root). */
  readonly chainPem: string;
  /** Signs a server certificate (serverAuth) for `names`. */
  issue(opts: IssueOptions): Promise<IssuedCertificate>;
  /** Creates a CA signed by this one (path length 0: it may sign leaves only). */
  intermediate(opts: IntermediateOptions): Promise<CertificateAuthority>;
}

/** What signing needs to know about a CA. */
interface Signer {
  subject: Array<Record<string, string[]>>;
  keys: CryptoKeyPair;
  /** PEMs of this CA and its issuers, nearest first. */
  chain: string[];
  notBefore: Date;
  notAfter: Date;
}

const CA_HALF_VALIDITY_MS = 10 * 365 * 24 * 3600 * 1000;

/** Creates a self-signed root CA. */
export async function createCertificateAuthority(opts: AuthorityOptions): Promise<CertificateAuthority> {
  const keys = await generateKeyPair(opts);
  const subject = distinguishedName(opts.commonName, opts.organization);
  const { notBefore, notAfter } = caValidity(opts);
  const cert = await X509CertificateGenerator.create(
    {
      subject,
      issuer: subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature, true),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, labCrypto),
        // A root's AKI names its own key, as most public roots do.
        await AuthorityKeyIdentifierExtension.create(keys.publicKey, false, labCrypto),
      ],
    },
    labCrypto,
  );
  const certPem = pemOf(cert);
  return authority(opts, { subject, keys, chain: [certPem], notBefore, notAfter });
}

/** A server certificate that no CA signed: subject and issuer are itself (DEPTH_ZERO_SELF_SIGNED_CERT). */
export async function selfSigned(opts: IssueOptions): Promise<IssuedCertificate> {
  checkLeafOptions(opts);
  const keys = await generateKeyPair(opts);
  const subject = distinguishedName(opts.commonName ?? opts.names[0]);
  const cert = await X509CertificateGenerator.create(
    {
      subject,
      issuer: subject,
      notBefore: opts.notBefore,
      notAfter: opts.notAfter,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      extensions: await leafExtensions(opts, keys, keys.publicKey),
    },
    labCrypto,
  );
  const certPem = pemOf(cert);
  return { certPem, keyPem: await privateKeyToPem(keys.privateKey), chainPem: certPem };
}

async function authority(opts: AuthorityOptions | IntermediateOptions, signer: Signer): Promise<CertificateAuthority> {
  const keyPem = await privateKeyToPem(signer.keys.privateKey);
  return {
    commonName: opts.commonName,
    ...(opts.organization !== undefined ? { organization: opts.organization } : {}),
    certPem: signer.chain[0],
    keyPem,
    chainPem: signer.chain.join(''),
    issue: (leaf) => issueLeaf(signer, leaf),
    intermediate: (sub) => issueIntermediate(signer, sub),
  };
}

async function issueLeaf(signer: Signer, opts: IssueOptions): Promise<IssuedCertificate> {
  checkLeafOptions(opts);
  const keys = await generateKeyPair(opts);
  const cert = await X509CertificateGenerator.create(
    {
      subject: distinguishedName(opts.commonName ?? opts.names[0]),
      issuer: signer.subject,
      notBefore: opts.notBefore,
      notAfter: opts.notAfter,
      publicKey: keys.publicKey,
      signingKey: signer.keys.privateKey,
      extensions: await leafExtensions(opts, keys, signer.keys.publicKey),
    },
    labCrypto,
  );
  const certPem = pemOf(cert);
  return {
    certPem,
    keyPem: await privateKeyToPem(keys.privateKey),
    chainPem: [certPem, ...signer.chain].join(''),
  };
}

async function issueIntermediate(parent: Signer, opts: IntermediateOptions): Promise<CertificateAuthority> {
  const keys = await generateKeyPair(opts);
  const subject = distinguishedName(opts.commonName, opts.organization);
  // Inside its parent's validity unless told otherwise, like a real subordinate CA.
  const { notBefore, notAfter } = opts.now
    ? caValidity({ ...opts, now: opts.now })
    : { notBefore: opts.notBefore ?? parent.notBefore, notAfter: opts.notAfter ?? parent.notAfter };
  const cert = await X509CertificateGenerator.create(
    {
      subject,
      issuer: parent.subject,
      notBefore,
      notAfter,
      publicKey: keys.publicKey,
      signingKey: parent.keys.privateKey,
      extensions: [
        new BasicConstraintsExtension(true, 0, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign | KeyUsageFlags.digitalSignature, true),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, labCrypto),
        await AuthorityKeyIdentifierExtension.create(parent.keys.publicKey, false, labCrypto),
      ],
    },
    labCrypto,
  );
  return authority(opts, { subject, keys, chain: [pemOf(cert), ...parent.chain], notBefore, notAfter });
}

/** Extensions of a TLS server certificate (CA/B Forum baseline §7.1.2.7). */
async function leafExtensions(opts: IssueOptions, keys: CryptoKeyPair, issuerKey: CryptoKey): Promise<Extension[]> {
  // RSA key exchange (TLS ≤ 1.2 without ECDHE) needs keyEncipherment; ECDSA keys only sign.
  const usage = keys.publicKey.algorithm.name === 'ECDSA'
    ? KeyUsageFlags.digitalSignature
    : KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment;
  return [
    new BasicConstraintsExtension(false, undefined, true),
    new KeyUsagesExtension(usage, true),
    new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth], false),
    new SubjectAlternativeNameExtension(opts.names.map(generalName), false),
    await SubjectKeyIdentifierExtension.create(keys.publicKey, false, labCrypto),
    await AuthorityKeyIdentifierExtension.create(issuerKey, false, labCrypto),
  ];
}

/** IP literals go in iPAddress entries: clients never match an IP against a dNSName (RFC 6125 §1.7.2). */
function generalName(name: string): JsonGeneralName {
  return isIP(name) ? { type: 'ip', value: name } : { type: 'dns', value: name };
}

function distinguishedName(commonName: string, organization?: string): Array<Record<string, string[]>> {
  // JSON form rather than an RFC 4514 string, so a comma in a name cannot split it.
  return organization === undefined ? [{ CN: [commonName] }] : [{ O: [organization] }, { CN: [commonName] }];
}

function caValidity(opts: { now: Date; notBefore?: Date; notAfter?: Date }): { notBefore: Date; notAfter: Date } {
  // Wide on both sides: leaves dated long before or after "now" (expired, not yet valid) must
  // still chain to a CA that is valid whenever the test happens to verify them.
  return {
    notBefore: opts.notBefore ?? new Date(opts.now.getTime() - CA_HALF_VALIDITY_MS),
    notAfter: opts.notAfter ?? new Date(opts.now.getTime() + CA_HALF_VALIDITY_MS),
  };
}

/** The library ends PEM without a newline; concatenated chains need one after each block. */
function pemOf(cert: X509Certificate): string {
  return `${cert.toString('pem').trimEnd()}\n`;
}

function checkLeafOptions(opts: IssueOptions): void {
  if (opts.names.length === 0) throw new RangeError('a certificate needs at least one name');
  if (!(opts.notAfter.getTime() > opts.notBefore.getTime())) {
    throw new RangeError(`notAfter (${opts.notAfter.toISOString()}) must be after notBefore (${opts.notBefore.toISOString()})`);
  }
}
