/**
 * Binds one server per loopback address on one shared port number, so a name resolving to
 * 127.0.0.2 reaches the same lab service on the same override port as one resolving to 127.0.0.1.
 */
import type { Server } from 'node:net';

const listenOn = (server: Server, host: string, port: number) =>
  new Promise<number>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : port);
    });
  });

export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
    server.close(() => resolve());
  });

/**
 * `make(host)` creates the server for one address; the first binds port 0 and the others follow
 * its port. A clash on a later address retries from scratch with a fresh port (bounded).
 */
export async function listenShared(hosts: string[], make: (host: string) => Server, attempts = 8): Promise<{ port: number; servers: Server[] }> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    const servers: Server[] = [];
    try {
      let port = 0;
      for (const host of hosts) {
        const server = make(host);
        servers.push(server);
        port = await listenOn(server, host, port);
      }
      return { port, servers };
    } catch (err) {
      lastError = err;
      await Promise.all(servers.map(closeServer));
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  throw lastError;
}
