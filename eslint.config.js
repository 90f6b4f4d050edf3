// Lint rules that keep the architecture honest: checks reach the outside world only through ctx.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const contextOnly = {
  paths: [
    { name: 'node:dns', message: 'Checks resolve names through ctx.dns.' },
    { name: 'dns', message: 'Checks resolve names through ctx.dns.' },
    { name: 'node:net', message: 'Checks open connections through ctx (http, tls).' },
    { name: 'net', message: 'Checks open connections through ctx (http, tls).' },
    { name: 'node:tls', message: 'Checks inspect TLS through ctx.tls.' },
    { name: 'tls', message: 'Checks inspect TLS through ctx.tls.' },
    { name: 'undici', message: 'Checks send requests through ctx.http.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.launchready/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/checks/**/*.ts'],
    ignores: ['src/checks/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', contextOnly],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Use ctx.clock.now().' }],
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='process'][property.name='env']",
        message: 'Checks read configuration from ctx.config, never process.env.',
      }],
    },
  },
);
