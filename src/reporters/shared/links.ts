/** Where the project and its per-check documentation live, for links in every report. */

/** The project's home page (SARIF `informationUri`, report footers). */
export const PROJECT_URL = 'https://github.com/launchready/launchready';

/** Base that the runner's relative docs links (`docs/checks/<id>.md`) resolve against. */
export const DOCS_BASE_URL = `${PROJECT_URL}/blob/main/`;

/** An absolute docs URL: reports are read away from the repository, so relative links break. */
export function docsUrl(docs: string, base: string = DOCS_BASE_URL): string {
  try {
    return new URL(docs, base).href;
  } catch {
    return docs;
  }
}
