"""Evaluates SPF cases with pyspf (Debian's python3-spf) against given DNS servers.

Reads a JSON list of cases on stdin: {"id", "server", "port", "ip", "mailfrom", "helo",
"timeout"}; writes a JSON list of {"id", "result", "explanation", "ms"} on stdout.
pyspf resolves through pydns (python3-dns) or dnspython, whichever is installed; both are
pointed at the case's server. Nothing else is contacted.
"""
import json
import sys
import time

import spf


def point_resolver(server, port):
    """Send every question of the next check to server:port."""
    try:
        import DNS  # pydns, what Debian's python3-spf uses when dnspython is absent
        DNS.defaults['server'] = [server]
        DNS.defaults['port'] = port
    except ImportError:
        pass
    try:
        import dns.resolver  # dnspython
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [server]
        resolver.port = port
        dns.resolver.default_resolver = resolver
    except ImportError:
        pass


def main():
    cases = json.load(sys.stdin)
    out = []
    for c in cases:
        point_resolver(c['server'], c['port'])
        t0 = time.perf_counter()
        try:
            # querytime=0: each DNS question gets `timeout` seconds (the suite's TIMEOUT names
            # never answer), the same per-question bound as our client.
            result, explanation = spf.check2(i=c['ip'], s=c['mailfrom'], h=c['helo'],
                                             timeout=c['timeout'], querytime=0)
        except Exception as e:  # a crash is a result too: report it, keep going
            result, explanation = 'crash', '%s: %s' % (type(e).__name__, e)
        ms = (time.perf_counter() - t0) * 1000
        out.append({'id': c['id'], 'result': result, 'explanation': explanation, 'ms': ms})
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
