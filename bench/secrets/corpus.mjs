// The labelled corpus behind the recall and precision figures of `bench/secrets/run.mjs`.
// Positives: real-shaped random values of every rule (the rules' own generators, new seeds),
// each in several surroundings (as written, exported, quoted in a YAML list, commented out).
// Negatives: look-alikes that must not fire — UUIDs, hashes and digests, package integrity
// strings, minified code and data URIs, password hashes, identifiers under secret-sounding keys,
// and documentation samples (every rule's `ok` fixtures plus common placeholder styles).

/** Builds the corpus with the dist's generators: `{ positives: [{ rule, text }], negatives: [{ kind, text }] }`. */
export function buildCorpus({ Rand, SAMPLES, perRule = 30, perKind = 60 }) {
  const positives = [];
  const wrap = [
    (t) => t,
    (t) => (/^[A-Z][A-Z0-9_]*=/.test(t) ? `export ${t}` : t),
    (t) => (t.includes('\n') ? t : `  - "${t.replace(/"/g, "'")}"`),
    (t) => (t.includes('\n') ? t : `# ${t}`),
  ];
  for (const [rule, s] of Object.entries(SAMPLES)) {
    for (let i = 0; i < perRule; i++) {
      const r = new Rand(1_000_003 * (i + 1) + rule.length);
      const texts = s.ng(r);
      const text = texts[i % texts.length];
      positives.push({ rule, text: wrap[i % wrap.length](text) });
    }
  }

  const r = new Rand(77);
  const negatives = [];
  const add = (kind, make) => {
    for (let i = 0; i < perKind; i++) negatives.push({ kind, text: make(i) });
  };
  const ident = () => r.chars(r.int(1, 2), 'letters').toLowerCase();
  add('uuid', (i) => [`id: ${r.uuid()}`, `"requestId": "${r.uuid()}"`, `session_token_id = "${r.uuid()}"`, `X-Request-ID: ${r.uuid()}`][i % 4]);
  add('hash', (i) => [
    `commit ${r.hex(40)}`, `checksum: ${r.hex(64)}`, `ETag: "${r.hex(32)}"`, `${r.hex(40)}  release-1.2.${i}.tar.gz`,
    `image: ghcr.io/acme/app@sha256:${r.hex(64)}`, `token_hash = "${r.hex(64)}"`, `"password_sha256": "${r.hex(64)}"`,
  ][i % 7]);
  add('integrity', (i) => [
    `      "integrity": "sha512-${r.base64Bytes(64)}",`,
    `  integrity sha1-${r.base64Bytes(20)}`,
    `  resolved "https://registry.yarnpkg.com/left-pad/-/left-pad-1.3.${i}.tgz#${r.hex(40)}"`,
    `<script src="/app.js" integrity="sha384-${r.base64Bytes(48)}" crossorigin="anonymous"></script>`,
    `"tokenIntegrity": "sha512-${r.base64Bytes(64)}"`,
  ][i % 5]);
  add('minified', () => {
    const parts = [];
    for (let k = 0; k < 60; k++) {
      parts.push(`var ${ident()}=function(${ident()},${ident()}){return ${ident()}.${ident()}("${r.alnum(r.int(4, 30))}")}`);
      if (k % 15 === 0) parts.push(`${ident()}.token=${ident()}.${ident()}||"${r.chars(8, 'lowerAlnum')}"`);
    }
    return parts.join(';');
  });
  add('data-uri', () => `background: url(data:image/png;base64,${r.base64Bytes(600)});`);
  add('source-map', () => `{"version":3,"sources":["app.ts"],"mappings":"${Array.from({ length: 80 }, () => r.chars(r.int(4, 8), 'base64url')).join(',')}"}`);
  add('password-hash', (i) => [
    `password_hash: "$2b$12$${r.chars(53, './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}"`,
    `password: "$argon2id$v=19$m=65536,t=3,p=4$${r.base64Bytes(16).replace(/=+$/, '')}$${r.base64Bytes(32).replace(/=+$/, '')}"`,
    `hashed_password = 'pbkdf2_sha256$600000$${r.alnum(22)}$${r.base64Bytes(32)}'`,
  ][i % 3]);
  add('identifier', (i) => [
    'tokenizer = "bert-base-multilingual-uncased"', 'secret_name = "prod/payments/stripe-key"', 'PASSWORD_RESET_TOKEN_TTL = 3600',
    'const tokenType = "refresh_token";', 'secretKeyRef: { name: app-secrets, key: database-password }',
    'apiKeyHeader: "X-Api-Key-Version-2024"', `csrfToken: this.${ident()}CsrfToken${i}`, 'password: requestPasswordField42',
    'authTokenProvider = AuthTokenProviderFactory2.create()', 'SECRET_KEY_BASE_LENGTH=128',
  ][i % 10]);
  add('random-no-key', (i) => [
    `const nonce = "${r.alnum(32)}";`, `.css-${r.chars(6, 'lowerAlnum')} { color: #${r.hex(6)} }`,
    `trace_id=${r.hex(32)} span_id=${r.hex(16)}`, `"etag": "W/\\"${r.alnum(27)}\\""`, `cursor: "${r.chars(44, 'base64url')}"`,
  ][i % 5]);
  const docs = [];
  for (const s of Object.values(SAMPLES)) docs.push(...s.ok);
  docs.push(
    'export API_KEY=<your-api-key>', 'curl -H "Authorization: Bearer $TOKEN" https://api.example.com',
    'password: ********', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'DATABASE_URL=postgres://user:password@localhost:5432/mydb', 'SECRET_KEY=change-me-in-production',
    'api_key: "YOUR_API_KEY_HERE"', 'STRIPE_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'token: "{{ vault_token }}"',
  );
  for (const t of docs) negatives.push({ kind: 'documentation', text: t });
  return { positives, negatives };
}

/**
 * Scans the corpus and counts: a positive is found when its rule reports it; anything else a
 * rule reports (on a negative, or a second finding on a positive) is a false positive.
 */
export function evaluate(corpus, scan) {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  const missed = {};
  const falseBy = {};
  for (const p of corpus.positives) {
    const found = scan(p.text);
    if (found.some((f) => f.ruleId === p.rule)) tp += 1;
    else {
      fn += 1;
      missed[p.rule] = (missed[p.rule] ?? 0) + 1;
    }
    const extra = found.filter((f) => f.ruleId !== p.rule).length;
    fp += extra;
    if (extra) falseBy[`extra on ${p.rule}`] = (falseBy[`extra on ${p.rule}`] ?? 0) + extra;
  }
  for (const n of corpus.negatives) {
    const found = scan(n.text);
    if (found.length) {
      fp += found.length;
      const k = `${n.kind}: ${found.map((f) => f.ruleId).join(',')}`;
      falseBy[k] = (falseBy[k] ?? 0) + found.length;
    }
  }
  return {
    positives: corpus.positives.length,
    negatives: corpus.negatives.length,
    tp, fn, fp,
    recall: tp / (tp + fn),
    precision: tp / (tp + fp || 1),
    missed,
    falseBy,
  };
}
