import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

const ROOT = ['project', 'repo', 'network', 'environments', 'env', 'email', 'api', 'pages', 'monitors', 'alerts'];

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['enviroments', 'environments', 1],
    ['tiemout', 'timeout', 1],
    ['ab', 'ba', 1],
  ])('%s ↔ %s = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('didYouMean', () => {
  it.each([
    ['enviroments', ROOT, 'environments'],
    ['projet', ROOT, 'project'],
    ['Project', ROOT, 'project'],
    ['monitor', ROOT, 'monitors'],
    ['alert', ROOT, 'alerts'],
    ['adminPaths', ['admin_paths', 'endpoints'], 'admin_paths'],
    ['timout', ['timeout', 'ports', 'ca'], 'timeout'],
    ['slak', ['slack', 'email', 'webhook'], 'slack'],
  ])('%s → %s', (input, known, expected) => expect(didYouMean(input, known)).toBe(expected));

  it.each([
    ['database_password', ROOT],
    ['x', ['project', 'repo']],
    ['zzzzzz', ROOT],
  ])('%s has no plausible match', (input, known) => expect(didYouMean(input, known)).toBeUndefined());
});
