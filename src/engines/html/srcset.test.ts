import { describe, expect, it } from 'vitest';
import { parseSrcset } from './srcset.js';

describe('parseSrcset', () => {
  it.each([
    { value: 'a.png', want: ['a.png'] },
    { value: 'a.png 1x, b.png 2x', want: ['a.png', 'b.png'] },
    { value: '  a.png   480w ,\n b.png 800w  ', want: ['a.png', 'b.png'] },
    // The spec collects a URL up to whitespace: without a space this is one URL with a comma in it.
    { value: 'a.png,b.png', want: ['a.png,b.png'] },
    { value: 'a.png, b.png', want: ['a.png', 'b.png'] },
    { value: 'http://x.test/a,b.png 2x', want: ['http://x.test/a,b.png'] },
    { value: 'img.php?size=small 1x, img.php?size=big 2x', want: ['img.php?size=small', 'img.php?size=big'] },
    { value: 'a.png (1x, 2x), b.png', want: ['a.png', 'b.png'] },
    { value: '', want: [] },
    { value: ' , , ', want: [] },
    { value: 'data:image/png;base64,iVBOR 1x', want: ['data:image/png;base64,iVBOR'] },
  ])('$value', ({ value, want }) => {
    expect(parseSrcset(value)).toEqual(want);
  });
});
