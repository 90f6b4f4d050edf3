/**
 * Source of the slow lab server, run as its own process (`node -e`) so that its event loop, its
 * garbage collector and its CPU time never mix with those of the load client measuring it: a load
 * test whose server shares the client's thread measures the two together. Plain CommonJS in a
 * string, so it runs the same under vitest, from `dist/` and from the benchmark.
 *
 * argv[1] is a JSON object: { host, delayMs, bodyBytes, freeze: { everyMs, forMs, anchorEpochMs } }.
 * It prints {"port":n} once listening; on stdin, a line "stats" answers with a JSON line of
 * counters and CPU time; the end of stdin (the parent closed it or died) ends the process.
 */
export const SLOW_SERVER_SCRIPT = String.raw`'use strict';
const http = require('node:http');
const opts = JSON.parse(process.argv[1] || '{}');
const delayMs = Math.max(0, Number(opts.delayMs) || 0);
const body = Buffer.alloc(Number.isInteger(opts.bodyBytes) ? opts.bodyBytes : 12, 'x');
const freeze = opts.freeze && opts.freeze.everyMs > 0 && opts.freeze.forMs > 0 ? opts.freeze : undefined;
const epochNow = () => performance.timeOrigin + performance.now();
const anchor = freeze ? (Number(freeze.anchorEpochMs) || epochNow()) : 0;
// The end of the freeze covering epoch time t, or 0 when t is outside every freeze.
function frozenUntil(t) {
  if (!freeze || t < anchor) return 0;
  const phase = (t - anchor) % freeze.everyMs;
  return phase < freeze.forMs ? t + (freeze.forMs - phase) : 0;
}
let served = 0;
const started = performance.now();
const cpu0 = process.cpuUsage();
function respond(res) {
  served += 1;
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
  res.end(body);
}
// Answers at its due time (epoch ms) or just after, never before: a timer armed from the event loop's
// cached clock can fire up to a loop iteration early, so an early one is re-armed for the rest.
function answerAt(res, due) {
  const left = due - epochNow();
  if (left <= 0) respond(res);
  else setTimeout(answerAt, Math.max(1, Math.ceil(left)), res, due);
}
const server = http.createServer((req, res) => {
  req.resume();
  // An answer due inside a freeze waits for its end: the server "stops answering" for that long,
  // without blocking its own event loop (it keeps accepting connections and reading requests).
  let due = epochNow() + delayMs;
  const until = frozenUntil(due);
  if (until) due = until;
  answerAt(res, due);
});
server.keepAliveTimeout = 65000;
server.headersTimeout = 66000;
server.requestTimeout = 0;
server.on('clientError', (err, socket) => socket.destroy());
server.listen({ port: 0, host: opts.host || '127.0.0.1', backlog: 4096 }, () => {
  process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
});
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  pending += chunk;
  let nl;
  while ((nl = pending.indexOf('\n')) >= 0) {
    const line = pending.slice(0, nl).trim();
    pending = pending.slice(nl + 1);
    if (line === 'stats') {
      const c = process.cpuUsage(cpu0);
      process.stdout.write(JSON.stringify({ served, cpuMs: (c.user + c.system) / 1000, uptimeMs: performance.now() - started }) + '\n');
    }
  }
});
process.stdin.on('end', () => process.exit(0));
`;
