/**
 * What an HTML page shows, in the few numbers the admin check needs: its title, whether it is a
 * sign-in form, how much visible text it has and whether scripts render it (an SPA shell).
 */
import { Parser } from 'htmlparser2';

export interface PageSummary {
  title?: string;
  /** `<input type="password">` elements. */
  passwordInputs: number;
  /** Other text-like inputs (text, email, tel, number, search, url, untyped). */
  otherInputs: number;
  /** `<script>` elements (external or inline). */
  scripts: number;
  /** Characters of visible text (scripts, styles, templates and the title excluded), whitespace collapsed. */
  visibleTextLength: number;
  /** Table rows and list items: signs of data on the page. */
  dataRows: number;
}

/** Pages are read up to this many characters; admin pages and shells are far smaller. */
const MAX_HTML_CHARS = 512 * 1024;
const MAX_VISIBLE_CHARS = 64 * 1024;
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'title', 'head']);
const TEXT_INPUTS = new Set(['', 'text', 'email', 'tel', 'number', 'search', 'url']);

/** Summarises `html` in one streaming pass (htmlparser2 copes with broken markup). */
export function summarizeHtml(html: string): PageSummary {
  const summary: PageSummary = { passwordInputs: 0, otherInputs: 0, scripts: 0, visibleTextLength: 0, dataRows: 0 };
  let hiddenDepth = 0;
  let inTitle = false;
  let title = '';
  // Visible text is kept (bounded) and measured once whitespace is collapsed.
  let visible = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (HIDDEN.has(name)) hiddenDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'script') summary.scripts++;
        if (name === 'tr' || name === 'li') summary.dataRows++;
        if (name === 'input') {
          const type = (attrs.type ?? '').toLowerCase();
          if (type === 'password') summary.passwordInputs++;
          else if (TEXT_INPUTS.has(type)) summary.otherInputs++;
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name) && hiddenDepth > 0) hiddenDepth--;
        if (name === 'title') inTitle = false;
      },
      ontext(text) {
        if (inTitle) title += text;
        if (hiddenDepth === 0 && visible.length < MAX_VISIBLE_CHARS) visible += ` ${text}`;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html.slice(0, MAX_HTML_CHARS));
  parser.end();
  summary.visibleTextLength = visible.replace(/\s+/g, ' ').trim().length;
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  if (cleanTitle) summary.title = cleanTitle.slice(0, 120);
  return summary;
}

/** A sign-in form: a password field and few other fields (a user editor has many). */
export function isLoginForm(s: PageSummary): boolean {
  return s.passwordInputs >= 1 && s.passwordInputs <= 2 && s.otherInputs <= 3;
}

/** Visible text below which a scripted page is a shell that renders itself in the browser. */
const SHELL_TEXT_MAX = 200;

/**
 * An SPA shell: scripts and next to no visible text or data. What it will show comes from the
 * API, which the admin API paths cover.
 */
export function isSpaShell(s: PageSummary): boolean {
  return s.scripts > 0 && s.visibleTextLength < SHELL_TEXT_MAX && s.dataRows === 0 && s.passwordInputs === 0;
}
