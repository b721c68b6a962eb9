import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cleanText,
  dateInZone,
  field,
  formDataToObject,
  InputTooLargeError,
  normaliseInput,
  readUploadedText,
} from './input';

describe('input normalisation', () => {
  it('removes NUL and other control characters, keeps tabs and line breaks, and mends lone surrogates', () => {
    expect(cleanText('a\u0000b\u0007c')).toBe('abc');
    expect(cleanText('line\n\tnext\r\n')).toBe('line\n\tnext\r\n');
    expect(cleanText('x\uD800y')).toBe('x\uFFFDy');
    expect(cleanText('x\uDC00y')).toBe('x\uFFFDy');
    expect(cleanText('😀')).toBe('😀');
  });

  it('cleans strings at any depth, drops prototype keys, and refuses shapes no form sends', () => {
    // JSON.parse makes "__proto__" an own key, as a hostile request body would.
    const hostile = JSON.parse('{"a": ["x\\u0000", {"b": "\\ud800"}], "__proto__": {"polluted": true}}');
    const cleaned = normaliseInput(hostile) as Record<string, unknown>;
    expect(cleaned).toEqual({ a: ['x', { b: '\uFFFD' }] });
    expect(Object.hasOwn(cleaned, '__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 'leaf';
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(() => normaliseInput(deep)).toThrow(InputTooLargeError);
    expect(() => normaliseInput(Array.from({ length: 10_000 }, () => 1))).toThrow(InputTooLargeError);
    expect(() => normaliseInput('x'.repeat(3_000_000))).toThrow(InputTooLargeError);
  });

  it('reads a form: repeated names become lists, Next.js fields are left out', () => {
    const form = new FormData();
    form.append('questionId', 'a');
    form.append('questionId', 'b');
    form.append('title', 'T');
    form.append('$ACTION_ID_123', '');
    expect(formDataToObject(form)).toEqual({ questionId: ['a', 'b'], title: 'T' });
  });
});

describe('field schemas', () => {
  it('reads dates from forms and clients, refusing year 0 and year 275760', () => {
    const date = field.optionalDateTime();
    // Typed wall-clock time is read in the zone the action gives (the class's).
    expect(dateInZone(date.parse('2026-12-04T23:59'), 'UTC')?.toISOString()).toBe('2026-12-04T23:59:00.000Z');
    expect(dateInZone(date.parse('2026-12-04T23:59'), 'America/Chicago')?.toISOString()).toBe(
      '2026-12-05T05:59:00.000Z',
    );
    // A client's ISO string carries its own offset.
    expect(dateInZone(date.parse('2026-12-04T23:59:00+01:00'), 'America/Chicago')?.toISOString()).toBe(
      '2026-12-04T22:59:00.000Z',
    );
    expect(date.parse('')).toBeNull();
    for (const bad of [
      '0000-01-01T00:00',
      '+275760-09-13T00:00',
      '2026-02-31T10:00',
      '2026-12-04T25:00',
      'soon',
      12,
    ]) {
      expect(date.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('reads numbers, checkboxes and lists as forms send them', () => {
    expect(field.optionalInteger(1, 20).parse('')).toBeNull();
    expect(field.optionalInteger(1, 20).parse('3')).toBe(3);
    expect(field.optionalInteger(1, 20).safeParse('3.5').success).toBe(false);
    expect(field.optionalInteger(1, 20).safeParse('1e309').success).toBe(false);
    expect(field.checkbox().parse('on')).toBe(true);
    expect(field.checkbox().parse(undefined)).toBe(false);
    expect(field.list(z.string(), 5).parse('one')).toEqual(['one']);
    expect(field.list(z.string(), 5).parse(undefined)).toEqual([]);
    expect(field.list(z.string(), 2).safeParse(['a', 'b', 'c']).success).toBe(false);
    expect(field.id().safeParse('not-a-uuid').success).toBe(false);
  });
});

describe('readUploadedText', () => {
  it('reads UTF-8 (dropping a byte-order mark), else Windows-1252 and says so, and cleans the text as a field', async () => {
    expect(await readUploadedText(new Blob([new Uint8Array([0x46, 0x72, 0xe7, 0x65])]))).toEqual({
      text: 'Frçe',
      note: 'The file is not UTF-8; it was read as Windows-1252. Check accented letters in the preview.',
    });
    expect((await readUploadedText(new Blob(['\uFEFFFrançe']))).text).toBe('Françe');
    // Word's quotes and dashes (0x93, 0x94, 0x96), which Node's own windows-1252 decoder leaves as controls.
    expect(
      (await readUploadedText(new Blob([new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0xe9])]))).text,
    ).toBe('\u201CA\u201D \u2013 é');
    expect((await readUploadedText(new Blob(['Fran\u0000ce\u0007']))).text).toBe('France');
  });
});
