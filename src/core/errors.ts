/** Turns any thrown value into the short reason an `error` result shows. */
export function describeError(err: unknown): { code: string; message: string } {
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown; name?: unknown };
    const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'ERROR';
    const message = typeof e.message === 'string' && e.message ? e.message : String(err);
    return { code, message };
  }
  return { code: 'ERROR', message: String(err) };
}
