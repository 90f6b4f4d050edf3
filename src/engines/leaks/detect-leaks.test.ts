import { describe, expect, it } from 'vitest';
import { detectLeaks, redactSecrets } from './detect-leaks.js';
import { shannonEntropy } from './patterns.js';

// Secret-shaped fixtures are assembled at run time so no secret scanner flags this file.
const STRIPE = ['sk', 'live', '4eC39HqLyjWDarjtT1zdp7dcQ7x9Lm2'].join('_');
const AWS_ID = ['AKIA', 'QX4Z7R2M9KT3HB6W'].join('');
const JWT = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'].join('.');
const PRIVATE_KEY = ['-----BEGIN', 'RSA PRIVATE KEY-----'].join(' ');
const DB_URL = ['postgres://acme', 'Sup3rS3cretPw@db.internal:5432/acme'].join(':');

const NODE_STACK = `SyntaxError: Unexpected end of JSON input
    at JSON.parse (<anonymous>)
    at parseBody (/srv/acme/src/http/body.js:18:21)
    at Layer.handle [as handle_request] (/srv/acme/node_modules/express/lib/router/layer.js:95:5)`;

const PG_JSON = JSON.stringify({
  error: 'PG::InvalidTextRepresentation: ERROR:  invalid input syntax for type integer',
  query: "SELECT * FROM tasks WHERE id = 'launchready'",
  stack: 'error: invalid input syntax for type integer\n    at Parser.parseErrorMessage (/usr/src/app/node_modules/pg-protocol/dist/parser.js:287:98)',
});

const categoriesOf = (body: string) => [...new Set(detectLeaks(body).map((f) => f.category))].sort();
const patternsOf = (body: string) => detectLeaks(body).map((f) => f.pattern);

describe('detectLeaks finds', () => {
  it.each([
    ['a node stack trace', NODE_STACK, 'node stack frame'],
    ['a stack inside a JSON string', PG_JSON, 'node stack frame'],
    ['a python traceback', 'Traceback (most recent call last):\n  File "/app/main.py", line 12, in handler', 'python traceback'],
    ['a java frame', 'java.lang.NullPointerException\n\tat com.acme.tasks.TaskController.create(TaskController.java:42)', 'java stack frame'],
    ['a .NET frame', '   at Acme.Tasks.Create(String title) in C:\\src\\Acme\\Tasks.cs:line 42', '.NET stack frame'],
    ['a php error', '<b>Fatal error</b>: Uncaught TypeError in <b>/var/www/html/index.php</b> on line <b>12</b>', 'php error location'],
    ['a ruby backtrace', "app/controllers/tasks_controller.rb:12:in `create'", 'ruby backtrace'],
    ['a go panic', 'panic: runtime error: index out of range\n\ngoroutine 1 [running]:', 'go panic'],
    ['SELECT … FROM', "query failed: SELECT id, title FROM tasks WHERE id = 'x'", 'SQL SELECT'],
    ['INSERT INTO', "INSERT INTO tasks (title) VALUES ('42')", 'SQL INSERT'],
    ['a postgres syntax error', 'ERROR: syntax error at or near "\'"', 'PostgreSQL syntax error'],
    ['a type error', 'invalid input syntax for type integer: "abc"', 'PostgreSQL type error'],
    ['SQLSTATE', 'SQLSTATE[42S02]: Base table or view not found', 'SQLSTATE'],
    ['PG::', 'PG::UndefinedTable: ERROR', 'Ruby pg error'],
    ['an Oracle code', 'ORA-00933: SQL command not properly ended', 'Oracle error'],
    ['a MySQL error', 'You have an error in your SQL syntax; check the manual', 'MySQL error'],
    ['a /srv path', 'failed to open /srv/acme/config/app.yml', 'unix server path'],
    ['a home-dir source file', 'in /home/deploy/app/server.js', 'unix source file path'],
    ['a windows path', 'Could not find file C:\\inetpub\\wwwroot\\web.config', 'windows path'],
    ['Werkzeug', '<title>TypeError // Werkzeug Debugger</title>', 'Werkzeug debugger'],
    ['Django debug', "You&#x27;re seeing this error because you have <code>DEBUG = True</code> in your Django settings file.", 'Django debug page'],
    ['Laravel Whoops', '<div class="Whoops container">', 'Laravel Whoops/Ignition'],
    ['Rails', '<title>Action Controller: Exception caught</title>', 'Rails exception page'],
    ['Express default page', '<pre>TypeError: boom<br> &nbsp; &nbsp;at /srv/app/x.js:1:2</pre>', 'Express default error page'],
    ['a Stripe live key', `config: ${STRIPE}`, 'Stripe live key'],
    ['an AWS key id', `key=${AWS_ID}`, 'AWS access key id'],
    ['a JWT', `{"debug":"${JWT}"}`, 'JWT'],
    ['a private key', `${PRIVATE_KEY}\nMIIE`, 'private key'],
    ['URL credentials', `DATABASE_URL=${DB_URL}`, 'credentials in URL'],
    ['a password assignment', 'SMTP_PASSWORD=hunter22x', 'password assignment'],
  ])('%s', (_name, body, pattern) => {
    expect(patternsOf(body)).toContain(pattern);
  });

  it('reports every category of the lab-style leak once per pattern', () => {
    expect(categoriesOf(PG_JSON)).toEqual(['filePath', 'sqlText', 'stackTrace']);
    const names = patternsOf(`${NODE_STACK}\n${NODE_STACK}`);
    expect(names.length).toBe(new Set(names).size);
  });
});

describe('detectLeaks stays quiet on ordinary answers', () => {
  it.each([
    ['a short JSON error', '{"error":"invalid JSON body"}'],
    ['a validation error', '{"errors":{"password":["is required"],"title":["must be a string"]}}'],
    ['prose about passwords', 'Password: must be at least 8 characters'],
    ['prose with select/from', 'Select the items from the list, then update the set.'],
    ['a friendly 404', '<h1>Whoops! Page not found</h1><a href="/home/dashboard">Home</a>'],
    ['paths inside URLs', '<script src="https://cdn.example.com/srv/app.js"></script><a href="https://x.test/home/bob/">'],
    ['app routes', '{"next":"/home/dashboard","self":"/users/42","opt":"/opt/in"}'],
    ['a default 404', 'Cannot GET /launchready-probe/not-found'],
    ['a placeholder key', ['sk', 'live', 'x'.repeat(24)].join('_')],
    ['a masked password', 'password=******** secret=${SECRET}'],
    ['times', 'retry at 12:30:15 or at 13:00'],
    ['a Next.js page', '<script src="/_next/static/chunks/app-3f9a.js"></script><div id="__next"></div>'],
  ])('%s', (_name, body) => {
    expect(detectLeaks(body)).toEqual([]);
  });
});

describe('excerpts never show a secret', () => {
  it('redacts pattern secrets and known secrets, and keeps excerpts short', () => {
    const body = `Error: boom token=${STRIPE} session=abcd1234token\n    at handler (/srv/app/x.js:1:2) ${DB_URL} ${'filler '.repeat(100)}`;
    const findings = detectLeaks(body, { knownSecrets: ['abcd1234token'] });
    expect(findings.length).toBeGreaterThan(2);
    for (const f of findings) {
      expect(f.excerpt).not.toContain(STRIPE.slice(8));
      expect(f.excerpt).not.toContain('abcd1234token');
      expect(f.excerpt).not.toContain('Sup3rS3cretPw');
      expect(f.excerpt.length).toBeLessThanOrEqual(170);
    }
    expect(findings.find((f) => f.pattern === 'Stripe live key')?.excerpt).toMatch(/redacted sha256:/);
  });

  it('never cuts a secret in half at an excerpt edge', () => {
    const body = `${'a'.repeat(45)} ${STRIPE} ${'b '.repeat(20)} SELECT * FROM tasks`;
    for (const f of detectLeaks(body)) expect(f.excerpt).not.toMatch(/[0-9A-Za-z]{6,}_?[0-9A-Za-z]*dcQ7/);
  });

  it('redactSecrets leaves plain text alone', () => {
    expect(redactSecrets('nothing to hide here')).toBe('nothing to hide here');
    expect(redactSecrets(`k ${AWS_ID}`)).not.toContain(AWS_ID);
  });
});

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
  ])('%j → %d bits', (text, bits) => expect(shannonEntropy(text)).toBeCloseTo(bits));
});
