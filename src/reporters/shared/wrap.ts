/** Word wrapping for the text report (readable in 100 columns). */

/**
 * Wraps `text` to `width` columns; every line after the first starts with `indent`, and so does
 * every paragraph after a newline. Words longer than a line (URLs) stay whole rather than break.
 */
export function wrap(text: string, width: number, indent: string, firstWidth = width): string {
  const out: string[] = [];
  let limit = firstWidth;
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      if (line && line.length + 1 + word.length > limit) {
        out.push(line);
        line = word;
        limit = width - indent.length;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
    limit = width - indent.length;
  }
  return out.join(`\n${indent}`);
}
