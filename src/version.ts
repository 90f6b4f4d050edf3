/** The tool's version, kept in step with package.json by the release script and a test. */
export const TOOL_VERSION = '0.1.0';
