/**
 * A stand-in for the npm registry's bulk advisory endpoint (`POST /-/npm/v1/security/advisories/bulk`,
 * the one npm 7+, pnpm 10+ and Yarn 4 audits call), on loopback. It answers with the lab's
 * advisories for the packages asked about; the auditor itself decides which locked versions
 * fall in the vulnerable ranges. Every other registry route answers 404.
 */
import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { closeServer } from '../listen.js';

/** The lab's advisory database, in the endpoint's own shape. */
export const LAB_ADVISORIES: Readonly<Record<string, unknown[]>> = Object.freeze({
  'left-pad': [{
    id: 1109001, url: 'https://github.com/advisories/GHSA-lab0-left-pad', title: 'Prototype pollution in left-pad (lab advisory)',
    severity: 'high', vulnerable_versions: '<1.4.0', cwe: ['CWE-1321'], cvss: { score: 7.5, vectorString: null },
  }],
  ms: [{
    id: 1109002, url: 'https://github.com/advisories/GHSA-lab0-ms', title: 'Inefficient regular expression in ms (lab advisory)',
    severity: 'low', vulnerable_versions: '<3.0.0', cwe: ['CWE-1333'], cvss: { score: 3.1, vectorString: null },
  }],
});

const MAX_BODY = 1024 * 1024;

export async function startAdvisoryServer(): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.includes('/-/npm/v1/security/advisories/bulk')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      let asked: Record<string, unknown> = {};
      try {
        const raw = Buffer.concat(chunks);
        asked = JSON.parse((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as Record<string, unknown>;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad request"}');
        return;
      }
      const answer = Object.fromEntries(Object.keys(asked).filter((name) => LAB_ADVISORIES[name]).map((name) => [name, LAB_ADVISORIES[name]]));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
    req.on('error', () => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, port, stop: () => closeServer(server) };
}
