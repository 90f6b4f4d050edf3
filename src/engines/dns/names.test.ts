import { describe, expect, it } from 'vitest';
import { isWithin, normalizeAddress, normalizeHostName, platformSuffix, registrableOf, uniqueNames } from './names.js';

describe('names', () => {
  it.each([
    ['App.Acme.Test.', 'app.acme.test'],
    ['  acme.test ', 'acme.test'],
    ['.', '.'],
  ])('normalizeHostName(%j) = %j', (input, out) => expect(normalizeHostName(input)).toBe(out));

  it.each([
    ['app.acme.test', 'acme.test'],
    ['acme.test', 'acme.test'],
    ['shop.example.co.uk', 'example.co.uk'],
    // ICANN section only: a platform suffix's customers share its registrable domain.
    ['foo.github.io', 'github.io'],
    ['co.uk', undefined],
  ])('registrableOf(%s) = %s', (input, out) => expect(registrableOf(input)).toBe(out));

  it.each([
    ['github.io', 'github.io'],
    ['vercel.app', 'vercel.app'],
    ['acme.test', undefined],
    ['example.co.uk', undefined],
  ])('platformSuffix(%s) = %s', (input, out) => expect(platformSuffix(input)).toBe(out));

  it.each([
    ['a.acme.test', 'acme.test', true],
    ['acme.test', 'acme.test', true],
    ['notacme.test', 'acme.test', false],
    ['acme.test.evil', 'acme.test', false],
  ])('isWithin(%s, %s) = %s', (name, domain, out) => expect(isWithin(name, domain)).toBe(out));

  it('uniqueNames keeps the first spelling once', () => {
    expect(uniqueNames(['A.test', 'a.test.', '', 'b.test'])).toEqual(['a.test', 'b.test']);
  });

  it.each([
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['192.0.2.1', '192.0.2.1'],
    [' ::FFFF:192.0.2.1 ', '::ffff:c000:201'],
    ['not-an-ip', 'not-an-ip'],
  ])('normalizeAddress(%s) = %s', (input, out) => expect(normalizeAddress(input)).toBe(out));
});
