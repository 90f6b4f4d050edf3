/** Parses a CI file keeping positions; a syntax error becomes a `CiFileError`, never a throw. */
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';
import type { CiFileError } from './types.js';

export interface ParsedCiYaml {
  doc: Document.Parsed;
  lc: LineCounter;
}

export function parseCiYaml(textIn: string, file: string): ParsedCiYaml | { error: CiFileError } {
  const lc = new LineCounter();
  // CI files use anchors and `<<` merges (GitLab especially); the alias cap bounds expansion.
  const doc = parseDocument(textIn, { lineCounter: lc, prettyErrors: false, merge: true, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lc.linePos(first.pos[0]);
    return { error: { file, code: 'YAML', message: `${file}:${line}:${col} YAML syntax error: ${first.message.split('\n')[0]}` } };
  }
  if (!isMap(doc.contents)) {
    return { error: { file, code: 'YAML', message: `${file}: expected a mapping at the top level` } };
  }
  return { doc, lc };
}
