// email.spf against the lab's mail domains, as the demo audits them.
import { checkTester } from '../../test-support/check-tester.js';
import spf from './spf.js';

checkTester(spf, {
  pass: [{ name: 'the launch-ready domains publish one lean policy', lab: 'fixed' }],
  fail: [
    {
      name: 'too many look-ups through nested includes, and ?all',
      lab: 'default',
      expect: [
        { target: 'toomany.acme.test', messageId: 'tooManyLookups', severity: 'high' },
        { target: 'neutral.acme.test', messageId: 'neutralAll', severity: 'high' },
      ],
    },
  ],
  error: [
    {
      name: 'SERVFAIL and a silent name server',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.email = { domains: [{ name: 'dnsfail.hostile.test' }, { name: 'dnsslow.hostile.test' }] };
      },
      expect: [{ target: 'dnsfail.hostile.test' }, { target: 'dnsslow.hostile.test' }],
    },
  ],
});
