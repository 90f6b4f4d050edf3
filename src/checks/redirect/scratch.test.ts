import { it } from 'vitest';
import { runAgainstLab } from '../../test-support/check-tester.js';
import { startLab } from '../../lab/index.js';
import check from './canonical.js';
it('dump', async () => {
  const lab = await startLab({ variant: 'default' });
  try {
    const { results } = await runAgainstLab(check, lab);
    for (const r of results) console.log(JSON.stringify({ t: r.target, s: r.status, sev: r.severity, m: r.message, e: r.evidence }, null, 1));
  } finally { await lab.stop(); }
});
