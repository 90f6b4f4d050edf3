import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type LabDnsServer } from './dns-server.js';
import { buildZone, mergeZones } from './zone.js';

const zone = mergeZones(buildZone({
  'acme.test': { A: '127.0.0.1', SOA: { mname: 'ns.acme.test', rname: 'hostmaster.acme.test', serial: 7 } },
  'medium.acme.test': { TXT: Array.from({ length: 4 }, (_, i) => `${i}${'m'.repeat(199)}`) },
  'big.acme.test': { TXT: Array.from({ length: 20 }, (_, i) => `${i}${'b'.repeat(199)}`) },
  'long.acme.test': { TXT: 'L'.repeat(600) },
  'spf.acme.test': { SPF: ['v=spf1 a -all'] },
  'timeout.acme.test': 'timeout',
}), {
  // Built by hand: buildZone would refuse the bad address up front.
  names: new Map([['bad.acme.test', { records: [{ type: 'A', data: 'not-an-address' }] }]]),
});

let server: LabDnsServer;
beforeAll(async () => {
  server = await startDnsServer({ zone });
});
afterAll(async () => {
  await server?.stop();
});

type Q = { name: string; type: string; edns?: number; flags?: number; id?: number };

function query({ name, type, edns, flags, id = 4242 }: Q): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: flags ?? dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type: type as dnsPacket.RecordType }],
    additionals: edns
      ? [{ name: '.', type: 'OPT', udpPayloadSize: edns, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] }]
      : [],
  });
}

/** Sends one datagram; resolves with the decoded reply, or undefined after `waitMs` of silence. */
async function udp(message: Buffer, waitMs = 500): Promise<{ packet: dnsPacket.DecodedPacket; size: number } | undefined> {
  const sock = dgram.createSocket('udp4');
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), waitMs);
      sock.on('message', (m) => {
        clearTimeout(timer);
        resolve({ packet: dnsPacket.decode(m), size: m.length });
      });
      sock.send(message, server.port, '127.0.0.1');
    });
  } finally {
    sock.close();
  }
}

/** Opens a TCP connection, writes `chunks` one by one, and collects `expected` framed replies. */
async function tcp(chunks: Buffer[], expected: number): Promise<dnsPacket.DecodedPacket[]> {
  const conn = net.connect(server.port, '127.0.0.1');
  try {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no TCP answer within 2 s')), 2000);
      const replies: dnsPacket.DecodedPacket[] = [];
      let buf = Buffer.alloc(0);
      conn.on('error', reject);
      conn.on('data', (d: Buffer) => {
        buf = Buffer.concat([buf, d]);
        while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
          replies.push(dnsPacket.decode(buf.subarray(2, 2 + buf.readUInt16BE(0))));
          buf = buf.subarray(2 + buf.readUInt16BE(0));
        }
        if (replies.length >= expected) {
          clearTimeout(timer);
          resolve(replies);
        }
      });
      conn.on('connect', async () => {
        for (const c of chunks) {
          conn.write(c);
          await new Promise((r) => setTimeout(r, 2));
        }
      });
    });
  } finally {
    conn.destroy();
  }
}

/** dns-packet's types omit `data` on some answer kinds and `rcode` on decoded packets. */
const dataOf = (a: dnsPacket.Answer | undefined): unknown => (a as { data?: unknown } | undefined)?.data;
const rcodeOf = (p: dnsPacket.DecodedPacket | undefined): unknown => (p as { rcode?: string } | undefined)?.rcode;

const framed = (m: Buffer) => Buffer.concat([Buffer.from([m.length >> 8, m.length & 0xff]), m]);

describe('UDP', () => {
  it('answers authoritatively, echoing id, question and RD', async () => {
    const res = await udp(query({ name: 'Acme.Test', type: 'A', id: 777 }));
    expect(res?.packet).toMatchObject({ id: 777, flag_aa: true, flag_rd: true, flag_qr: true, rcode: 'NOERROR' });
    expect(res?.packet.questions).toEqual([{ name: 'Acme.Test', type: 'A', class: 'IN' }]);
    expect(res?.packet.answers?.map((a) => [a.name, dataOf(a)])).toEqual([['Acme.Test', '127.0.0.1']]);
  });

  it.each<[string, Q, { tc: boolean; answers: number }]>([
    ['no EDNS: 512 bytes at most', { name: 'medium.acme.test', type: 'TXT' }, { tc: true, answers: 0 }],
    ['EDNS 1232 fits the medium set', { name: 'medium.acme.test', type: 'TXT', edns: 1232 }, { tc: false, answers: 4 }],
    ['EDNS 1232 is too small for 20 × 200 bytes', { name: 'big.acme.test', type: 'TXT', edns: 1232 }, { tc: true, answers: 0 }],
    ['an EDNS size below 512 counts as 512', { name: 'acme.test', type: 'A', edns: 100 }, { tc: false, answers: 1 }],
  ])('truncation: %s', async (_label, q, expected) => {
    const res = await udp(query(q));
    expect(res?.packet.flag_tc).toBe(expected.tc);
    expect(res?.packet.answers).toHaveLength(expected.answers);
    expect(res!.size).toBeLessThanOrEqual(Math.max(512, q.edns ?? 512));
    // RFC 6891 §7: an OPT comes back exactly when the query had one.
    expect(res?.packet.additionals?.some((a) => a.type === 'OPT')).toBe(q.edns !== undefined);
  });

  it('stays silent for a timeout name but counts the query', async () => {
    const before = server.queries;
    expect(await udp(query({ name: 'timeout.acme.test', type: 'A' }), 200)).toBeUndefined();
    expect(server.queries - before).toBe(1);
  });

  it('survives garbage and ignores responses', async () => {
    const before = server.queries;
    expect(await udp(Buffer.from('definitely not DNS'), 100)).toBeUndefined();
    expect(await udp(Buffer.from([0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 3]), 100)).toBeUndefined();
    const response = dnsPacket.encode({ type: 'response', id: 1, questions: [{ name: 'acme.test', type: 'A' }] });
    expect(await udp(response, 100)).toBeUndefined();
    expect(server.queries - before).toBe(0);
    const res = await udp(query({ name: 'acme.test', type: 'A' }));
    expect(res?.packet.answers).toHaveLength(1);
  });

  it.each<[string, Buffer, string]>([
    ['no question', dnsPacket.encode({ type: 'query', id: 5, questions: [] }), 'FORMERR'],
    ['opcode STATUS', dnsPacket.encode({ type: 'query', id: 5, flags: 2 << 11, questions: [{ name: 'acme.test', type: 'A' }] }), 'NOTIMP'],
  ])('%s → %s', async (_label, message, rcode) => {
    expect(rcodeOf((await udp(message))?.packet)).toBe(rcode);
  });

  it('answers SERVFAIL for zone data it cannot encode, and keeps serving', async () => {
    expect(rcodeOf((await udp(query({ name: 'bad.acme.test', type: 'A' })))?.packet)).toBe('SERVFAIL');
    expect((await udp(query({ name: 'acme.test', type: 'A' })))?.packet.answers).toHaveLength(1);
  });

  it('splits a 600-byte TXT string into 255-byte character-strings', async () => {
    const res = await udp(query({ name: 'long.acme.test', type: 'TXT', edns: 1232 }));
    const chunks = dataOf(res?.packet.answers?.[0]) as Buffer[];
    expect(chunks.map((c) => c.length)).toEqual([255, 255, 90]);
  });

  it('serves type 99 SPF records with TXT-format RDATA', async () => {
    const res = await udp(query({ name: 'spf.acme.test', type: 'SPF' }));
    const rdata = dataOf(res?.packet.answers?.[0]) as Buffer;
    expect(res?.packet.answers?.[0].type).toBe('SPF');
    expect(rdata[0]).toBe(13);
    expect(rdata.subarray(1).toString()).toBe('v=spf1 a -all');
  });
});

describe('TCP', () => {
  it('gives the full answer that UDP truncates', async () => {
    const [res] = await tcp([framed(query({ name: 'big.acme.test', type: 'TXT' }))], 1);
    expect(res.flag_tc).toBe(false);
    expect(res.answers).toHaveLength(20);
  });

  it('handles several queries in one segment', async () => {
    const both = Buffer.concat([
      framed(query({ name: 'acme.test', type: 'A', id: 1 })),
      framed(query({ name: 'medium.acme.test', type: 'TXT', id: 2 })),
    ]);
    const replies = await tcp([both], 2);
    expect(replies.map((r) => [r.id, r.answers?.length])).toEqual([[1, 1], [2, 4]]);
  });

  it('reassembles a query sent byte by byte', async () => {
    const bytes = framed(query({ name: 'acme.test', type: 'A', id: 9 }));
    const replies = await tcp([...bytes].map((b) => Buffer.from([b])), 1);
    expect(replies[0]).toMatchObject({ id: 9, rcode: 'NOERROR' });
  });

  it('skips garbage frames and answers the next query on the same connection', async () => {
    const replies = await tcp([framed(Buffer.from('junk')), framed(query({ name: 'acme.test', type: 'A', id: 3 }))], 1);
    expect(replies[0].id).toBe(3);
  });
});

describe('lifecycle', () => {
  it('serves UDP and TCP on one port and swaps zones with setZone', async () => {
    const own = await startDnsServer({ zone: buildZone({ 'x.test': { A: '10.0.0.1' } }) });
    try {
      expect(own.address).toBe(`127.0.0.1:${own.port}`);
      const connectTcp = async () => {
        const conn = net.connect(own.port, '127.0.0.1');
        await new Promise((r) => conn.once('connect', r));
        conn.destroy();
      };
      await connectTcp(); // TCP listens on the UDP port number
      own.setZone(buildZone({ 'x.test': { A: '10.0.0.2' } }));
      const sock = dgram.createSocket('udp4');
      const reply = await new Promise<dnsPacket.DecodedPacket>((resolve) => {
        sock.on('message', (m) => resolve(dnsPacket.decode(m)));
        sock.send(query({ name: 'x.test', type: 'A' }), own.port, '127.0.0.1');
      });
      sock.close();
      expect(dataOf(reply.answers?.[0])).toBe('10.0.0.2');
    } finally {
      await own.stop();
      await own.stop(); // idempotent
    }
  });
});
