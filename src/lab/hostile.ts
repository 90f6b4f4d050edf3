/**
 * The lab's misbehaving hosts (zone `hostile.test`, see TOPOLOGY.md). Each one attacks a bound
 * the auditor must keep: deadline, redirect cap, body cap, decoded-size cap, header cap, bot-wall
 * detection. The servers themselves stay bounded too: every stream is finite, respects
 * backpressure, and stops with its timers when the client disconnects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { gzipBombBlock, pumpBlocks, pumpRawLines, trickle } from './hostile-streams.js';

/** Names whose TLS handshake the lab's HTTPS server never completes (its SNI callback never answers). */
export const stalledTlsNames: readonly string[] = ['stall.hostile.test'];

/** How long a stalled connection is held at most, so a forgotten client cannot pin it forever. */
const STALL_MAX_MS = 120_000;

/**
 * Holds a raw TCP connection open without ever answering (the plain-HTTP side of
 * `stall.hostile.test`). The hold ends when the client leaves, or after `maxHoldMs`.
 */
export function stallConnection(socket: Socket, maxHoldMs = STALL_MAX_MS): void {
  // A client giving up resets the connection; that is expected, not a crash.
  socket.on('error', () => undefined);
  const timer = setTimeout(() => socket.destroy(), maxHoldMs);
  socket.once('close', () => clearTimeout(timer));
}

const SLOW_MAX_BYTES = 600; // ten minutes at one byte a second
const BIG_BYTES = 50 * 1024 * 1024;
const BIG_BLOCK = 64 * 1024;
/** 64 members × 1 MiB = 64 MiB inflated per ~67 KB block; 160 blocks ≈ 10.7 MB sent, 10 GiB inflated. */
const BOMB_MEMBER = 1024 * 1024;
const BOMB_MEMBERS_PER_BLOCK = 64;
const BOMB_BLOCKS = 160;
const HEADERS_MAX_BYTES = 10 * 1024 * 1024;

/** The Cloudflare managed-challenge interstitial, as a bot sees it (shortened). */
const CHALLENGE_PAGE = `<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow">
</head><body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">hostile.test</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div class="h2">Enable JavaScript and cookies to continue</div></noscript>
</div></div><script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script></body></html>
`;

type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** The host name a request asked for: Host without port, lower case, no trailing dot. */
function requestedHost(req: IncomingMessage): string {
  const host = (req.headers.host ?? '').toLowerCase();
  const bare = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://hostile.test').pathname;
}

function isTls(req: IncomingMessage): boolean {
  return (req.socket as TLSSocket).encrypted === true;
}

/**
 * The hostile hosts' request handler. Returns true when it took the request (its Host is one of
 * the zone's misbehaving names), false to let the lab route it elsewhere. Heavy payloads are
 * built on first use and kept for this handler's life only.
 */
export function createHostileHandler(): (req: IncomingMessage, res: ServerResponse) => boolean {
  let bigBlock: Buffer | undefined;
  let bombBlock: Buffer | undefined;

  const routes = new Map<string, Route>(Object.entries({
    // Headers at once, then one byte a second: only a whole-exchange deadline stops it.
    'slow.hostile.test': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      trickle(res, '.', 1_000, SLOW_MAX_BYTES);
    },

    // /a → /b → /a …, and /ping bouncing between http:// and https:// (both absolute, no port:
    // the auditor's port overrides apply to them like to any other URL).
    'loop.hostile.test': (req, res) => {
      const path = pathOf(req);
      const location = path === '/ping'
        ? `${isTls(req) ? 'http' : 'https'}://loop.hostile.test/ping`
        : path === '/a' ? '/b' : '/a';
      res.writeHead(302, { location, 'content-length': '0', 'cache-control': 'no-store' });
      res.end();
    },

    // 50 MB. `/chunked` omits Content-Length, so only counting the bytes can stop it.
    'big.hostile.test': (req, res) => {
      bigBlock ??= Buffer.alloc(BIG_BLOCK, 'a');
      const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
      if (pathOf(req) !== '/chunked') headers['content-length'] = String(BIG_BYTES);
      res.writeHead(200, headers);
      pumpBlocks(res, bigBlock, BIG_BYTES / BIG_BLOCK);
    },

    // ~10 MB of gzip that inflates to 10 GiB; the Content-Length is honest, only the inflated size is not.
    'bomb.hostile.test': (_req, res) => {
      bombBlock ??= gzipBombBlock(BOMB_MEMBER, BOMB_MEMBERS_PER_BLOCK);
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-encoding': 'gzip',
        'content-length': String(bombBlock.length * BOMB_BLOCKS),
      });
      pumpBlocks(res, bombBlock, BOMB_BLOCKS);
    },

    // A response head that never ends (up to 10 MB), written under ServerResponse's feet.
    'headers.hostile.test': (req) => {
      const socket = req.socket;
      socket.on('error', () => undefined);
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\n');
      pumpRawLines(socket, `X-a: ${'a'.repeat(1_000)}\r\n`, HEADERS_MAX_BYTES);
    },

    // A bot wall: the probes must classify this as "could not see the site", not judge it.
    'wall.hostile.test': (_req, res) => {
      const body = Buffer.from(CHALLENGE_PAGE);
      res.writeHead(403, {
        'content-type': 'text/html; charset=UTF-8',
        'content-length': String(body.length),
        'cf-mitigated': 'challenge',
        'cf-ray': '8f1d2c3b4a596877-AMS',
        server: 'cloudflare',
        'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate',
        'x-frame-options': 'SAMEORIGIN',
      });
      res.end(body);
    },

    // Plain HTTP on the stalled name: accept, read the request, say nothing.
    'stall.hostile.test': (req) => stallConnection(req.socket),
  } satisfies Record<string, Route>));

  return (req, res) => {
    const route = routes.get(requestedHost(req));
    if (!route) return false;
    route(req, res);
    return true;
  };
}
