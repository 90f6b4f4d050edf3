/**
 * What a server must never show a client: stack traces, SQL, server file paths, framework debug
 * pages and secrets. Each pattern has a stable name (shown in findings instead of the text it
 * matched) and is written to stay quiet on ordinary pages and error messages: SQL keywords must
 * be upper case, paths must start a token (not sit inside a URL), frames need a line number.
 */

export type LeakCategory = 'stackTrace' | 'sqlText' | 'filePath' | 'debugPage' | 'secret';

export interface LeakPattern {
  name: string;
  category: LeakCategory;
  regex: RegExp;
  /** Extra test on the matched text (entropy of a key), to skip placeholders. */
  accept?: (match: string) => boolean;
}

/** Bits per character: real keys are random, `sk_live_xxxxxxxx` placeholders are not. */
export function shannonEntropy(text: string): number {
  if (!text) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const random = (minBits: number, skip = 0) => (m: string) => shannonEntropy(m.slice(skip)) >= minBits;

/** `password=********`, `password=null`, `secret=<redacted>` say nothing. */
const notPlaceholder = (m: string) => {
  const value = m.replace(/^[^=]*=\s*["']?/, '');
  return !/^(?:\*+|x+|null|undefined|none|true|false|changeme|redacted|\[redacted\]|\$\{?\w+\}?)$/i.test(value);
};

// A path token starts after whitespace, a quote, a bracket, `=` or `:`-space, never inside a URL.
const PATH_START = String.raw`(?:^|[\s"'(\[=,]|\bin\s)`;

export const LEAK_PATTERNS: readonly LeakPattern[] = Object.freeze([
  // ---- stack traces
  // V8: "    at fn (/srv/app/x.js:12:5)" or "    at /srv/app/x.js:12:5" (also file:// and Windows).
  { name: 'node stack frame', category: 'stackTrace', regex: /(?:^|\n)[ \t]*at (?:[^\n()]{1,200} \()?(?:\/|file:\/\/|[A-Za-z]:\\|node:)[^\n():]{1,300}:\d+:\d+\)?/ },
  { name: 'python traceback', category: 'stackTrace', regex: /Traceback \(most recent call last\)|File "[^"\n]{1,300}", line \d+, in \S+/ },
  // JVM: "at com.acme.Foo.bar(Foo.java:12)" (Kotlin, Scala, Groovy frames alike).
  { name: 'java stack frame', category: 'stackTrace', regex: /\bat (?:[\w$]+\.){2,}[\w$<>]+\((?:[\w$]+\.(?:java|kt|scala|groovy):\d+|Native Method|Unknown Source)\)/ },
  { name: '.NET stack frame', category: 'stackTrace', regex: /\bat [\w.`<>]+\([^)\n]{0,200}\) in [^\n]{1,300}:line \d+/ },
  // PHP: "… in /var/www/x.php on line 12" (with or without the <b> tags of display_errors).
  { name: 'php error location', category: 'stackTrace', regex: /\.php(?:<\/b>)? on line (?:<b>)?\d+|#\d+ [^\n]{1,300}\.php\(\d+\): / },
  { name: 'ruby backtrace', category: 'stackTrace', regex: /[\w./-]{1,300}\.rb:\d+:in [`'‘]/ },
  { name: 'go panic', category: 'stackTrace', regex: /goroutine \d+ \[running\]:|panic: runtime error:/ },

  // ---- SQL text and database errors
  { name: 'SQL SELECT', category: 'sqlText', regex: /\bSELECT\s+(?:DISTINCT\s+)?(?:\*|[\w."`,\s()]{1,200}?)\s+FROM\s+["`\w.]+/ },
  { name: 'SQL INSERT', category: 'sqlText', regex: /\bINSERT\s+INTO\s+["`\w.]+\s*[(\s]/ },
  { name: 'SQL UPDATE', category: 'sqlText', regex: /\bUPDATE\s+["`\w.]+\s+SET\s+["`\w]+\s*=/ },
  { name: 'SQL DELETE', category: 'sqlText', regex: /\bDELETE\s+FROM\s+["`\w.]+/ },
  { name: 'PostgreSQL syntax error', category: 'sqlText', regex: /syntax error at or near|unterminated quoted string at or near/ },
  { name: 'PostgreSQL type error', category: 'sqlText', regex: /invalid input syntax for (?:type )?\w+/ },
  { name: 'PostgreSQL relation error', category: 'sqlText', regex: /relation "[\w.]+" does not exist|duplicate key value violates unique constraint/ },
  { name: 'SQLSTATE', category: 'sqlText', regex: /SQLSTATE\[?[0-9A-Z]{5}/ },
  { name: 'Ruby pg error', category: 'sqlText', regex: /\bPG::[A-Z]\w+/ },
  { name: 'Oracle error', category: 'sqlText', regex: /\bORA-\d{5}\b/ },
  { name: 'MySQL error', category: 'sqlText', regex: /You have an error in your SQL syntax|\bER_(?:PARSE_ERROR|DUP_ENTRY|NO_SUCH_TABLE|BAD_FIELD_ERROR|BAD_NULL_ERROR|NO_DEFAULT_FOR_FIELD|TRUNCATED_WRONG_VALUE\w*|WRONG_VALUE\w*)\b/ },
  { name: 'SQLite error', category: 'sqlText', regex: /\bSQLITE_(?:ERROR|CONSTRAINT|MISMATCH)\b|sqlite3\.OperationalError/ },
  { name: 'ORM query error', category: 'sqlText', regex: /\b(?:SequelizeDatabaseError|QueryFailedError|PrismaClientKnownRequestError|SQLAlchemyError|sqlalchemy\.exc\.\w+)\b/ },

  // ---- server file paths
  // Deploy roots are never URL paths of an app; any path under them is a leak.
  { name: 'unix server path', category: 'filePath', regex: new RegExp(String.raw`${PATH_START}\/(?:srv|var\/www|usr\/src\/app)\/[\w@.+-]+`) },
  // Home, /opt and /app roots can be app routes (`/home/dashboard`): only a file with an extension counts.
  { name: 'unix source file path', category: 'filePath', regex: new RegExp(String.raw`${PATH_START}\/(?:home\/[\w.-]+|Users\/[\w.-]+|root|opt\/[\w.-]+|app\/(?:src|lib|dist|build))(?:\/[\w@.+-]+)*\/[\w@+-]+\.(?:js|cjs|mjs|ts|py|rb|php|java|go|rs|cs|ex|exs|kt|scala|jsx|tsx)\b`) },
  { name: 'node_modules path', category: 'filePath', regex: /[\w.-]+\/node_modules\/[\w@./-]+\.(?:js|cjs|mjs|ts)\b/ },
  { name: 'windows path', category: 'filePath', regex: /\b[A-Z]:\\(?:[\w .-]+\\)+[\w .-]+\.\w{1,10}\b/ },

  // ---- framework debug pages
  { name: 'Werkzeug debugger', category: 'debugPage', regex: /Werkzeug Debugger|The debugger caught an exception in your WSGI application/ },
  { name: 'Django debug page', category: 'debugPage', regex: /You(?:'|&#x27;|&#39;)re seeing this error because you have <code>DEBUG = True<\/code>|DEBUG = True<\/code> in your Django settings/ },
  { name: 'Laravel Whoops/Ignition', category: 'debugPage', regex: /Whoops\\Run|filp\/whoops|class="Whoops container"|Spatie\\LaravelIgnition|Facade\\Ignition|window\.ignite\(/ },
  { name: 'Rails exception page', category: 'debugPage', regex: /Action Controller: Exception caught/ },
  { name: 'Express default error page', category: 'debugPage', regex: /<pre>[^<\n]{0,300}(?:Error|Exception)[^<\n]{0,300}<br> *(?:&nbsp; *){2,}at / },
  { name: 'Symfony debug page', category: 'debugPage', regex: /Symfony\\Component\\ErrorHandler|class="sf-toolbar|<title>[^<]*\(500 Internal Server Error\)<\/title>/ },
  { name: 'ASP.NET error page', category: 'debugPage', regex: /Server Error in '[^']*' Application/ },

  // ---- secrets
  { name: 'Stripe live key', category: 'secret', regex: /\b(?:sk|rk)_live_[0-9A-Za-z]{20,}/, accept: random(3.5, 8) },
  { name: 'AWS access key id', category: 'secret', regex: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, accept: random(3, 4) },
  { name: 'AWS secret access key', category: 'secret', regex: /aws_secret_access_key["'\s]*[=:]\s*["']?[A-Za-z0-9/+=]{40}/i },
  { name: 'JWT', category: 'secret', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { name: 'private key', category: 'secret', regex: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY-----/ },
  { name: 'GitHub token', category: 'secret', regex: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'Slack token', category: 'secret', regex: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: 'credentials in URL', category: 'secret', regex: /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/:@"']{1,100}:[^\s/@"']{3,200}@[\w.-]+/ },
  // `password=…` as env dumps and connection strings print it (not JSON keys: `"password":` is a field name).
  // `password=…` as env dumps, query strings and connection strings print it. Not `password:`:
  // validation messages say "password: is required"; JSON field names are no secret either.
  { name: 'password assignment', category: 'secret', regex: /(?<![A-Za-z0-9])(?:password|passwd|pwd|secret|api_?key|access_?token)\s*=\s*["']?[^\s"'&,;<>]{4,}/i, accept: notPlaceholder },
]);
