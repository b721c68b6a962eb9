import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldChecksum, normaliseField, stripHtmlForSort, textToHtml } from './fields';

describe("Anki's field rules", () => {
  it('strips a field as Anki does for sorting: media tags leave their file name, style and script go whole, entities are decoded', () => {
    expect(stripHtmlForSort('<b>Balance</b> of <i>power</i>')).toBe('Balance of power');
    expect(stripHtmlForSort('Map <img src="europe 1914.png"> here')).toBe('Map  europe 1914.png  here');
    expect(stripHtmlForSort("<img class='x' src='a.jpg'>")).toBe(' a.jpg ');
    expect(stripHtmlForSort('[sound:x.mp3]<audio src=clip.mp3>')).toBe('[sound:x.mp3] clip.mp3 ');
    expect(stripHtmlForSort('<style>.a{color:red}</style>A<script>alert(1)</script><!-- note -->B')).toBe(
      'AB',
    );
    expect(stripHtmlForSort('Tom&nbsp;&amp;&nbsp;Jerry &lt;3')).toBe('Tom & Jerry <3');
    // Not trimmed, as in Anki.
    expect(stripHtmlForSort(' <p>x</p> ')).toBe(' x ');
  });

  it("checksums the stripped first field: SHA-1's first four bytes, big-endian", () => {
    const sha1 = (text: string) =>
      Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
    expect(fieldChecksum('<b>Deterrence</b>')).toBe(sha1('Deterrence'));
    expect(fieldChecksum('Zölle &amp; Quoten')).toBe(sha1('Zölle & Quoten'));
    // A value over 2^31 stays positive (an unsigned 32-bit number, as Anki stores it).
    const big = Array.from({ length: 200 }, (_, i) => `term ${i}`).map(fieldChecksum);
    expect(big.some((n) => n > 2 ** 31)).toBe(true);
    expect(big.every((n) => n >= 0 && n < 2 ** 32)).toBe(true);
  });

  it('writes text as HTML with no raw tab, line break or markup, and removes control characters as Anki does', () => {
    expect(textToHtml('a\tb\r\nc <d> & "e"')).toBe('a&#9;b<br>c &lt;d&gt; &amp; &quot;e&quot;');
    expect(normaliseField('one\x1ftwo\x00\tthree\n')).toBe('onetwo\tthree\n');
    // NFC: a decomposed é becomes the one code point.
    expect(normaliseField('Cafe\u0301')).toBe('Caf\u00e9');
  });
});
