import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectLayout, type ParsedRoster, parseRoster, ROSTER_LIMITS } from './roster';

/**
 * Rosters as the LMSs export them. The header lines are the real ones: Canvas's gradebook export
 * ("Export Entire Gradebook": Student, ID, SIS User ID, SIS Login ID, Section, then one column per
 * assignment and the totals, with a "Points Possible" row under the header and the course's test
 * student); Moodle's grade export ("First name", "Last name", "ID number", "Institution",
 * "Department", "Email address", …, "Last downloaded from this course") and its user upload file
 * (username, firstname, lastname, email); Google Classroom's grades download (Last Name, First
 * Name, Email Address, then one column per assignment).
 */

function read(text: string): ParsedRoster {
  const result = parseRoster(text);
  if (result.status !== 'ok') throw new Error(result.message);
  return result.data;
}

const CANVAS = [
  'Student,ID,SIS User ID,SIS Login ID,Section,Week 1 reading quiz (4410),Current Score,Unposted Current Score,Final Score',
  '    Points Possible,,,,,10.00,(read only),(read only),(read only)',
  '"Okafor, Chidi",10231,S1002,chidi.okafor@school.edu,IR 210 Section 01,8.50,85.00,85.00,85.00',
  '"Student, Test",10299,,,IR 210 Section 01,,,,',
  '"Alvarez, Marta",10232,S1003,malvarez,IR 210 Section 01,9.00,90.00,90.00,90.00',
  '"Nguyen, Thi Mai",10233,S1004,MAI.NGUYEN@School.edu,IR 210 Section 02,7.00,70.00,70.00,70.00',
].join('\n');

describe('parseRoster: Canvas', () => {
  it('reads the gradebook export: names as First Last, the SIS Login ID as the address when it is one', () => {
    const roster = read(CANVAS);
    expect(roster.layout).toBe('canvas');
    expect(roster.entries).toEqual([
      { line: 3, email: 'chidi.okafor@school.edu', name: 'Chidi Okafor' },
      { line: 6, email: 'mai.nguyen@school.edu', name: 'Thi Mai Nguyen' },
    ]);
    expect(roster.skipped.map((s) => [s.line, s.reason])).toEqual([
      [2, 'a summary row of the export, not a student'],
      [4, 'no email address'],
      [5, 'no email address (its SIS Login ID, “malvarez”, is not one)'],
    ]);
  });

  it('prefers an Email column, and reads a semicolon file with a byte-order mark and CRLF (European Excel)', () => {
    const text = [
      '\uFEFFStudent;ID;SIS User ID;SIS Login ID;Section;Email',
      '"Müller; Jürgen";20001;S2001;jmueller;IR 210;juergen.mueller@uni.example.de',
      '"Dubois, Anaïs";20002;S2002;adubois;IR 210;anais.dubois@uni.example.fr',
    ].join('\r\n');
    const roster = read(`${text}\r\n`);
    expect(roster.delimiter).toBe(';');
    expect(roster.layout).toBe('canvas');
    expect(roster.entries).toEqual([
      // No comma in the name: it is kept as written.
      { line: 2, email: 'juergen.mueller@uni.example.de', name: 'Müller; Jürgen' },
      { line: 3, email: 'anais.dubois@uni.example.fr', name: 'Anaïs Dubois' },
    ]);
    expect(roster.skipped).toEqual([]);
  });
});

describe('parseRoster: Moodle and Google Classroom', () => {
  it('reads Moodle’s grade export', () => {
    const roster = read(
      [
        '"First name","Last name","ID number","Institution","Department","Email address","Quiz: Week 1 (Real)","Course total (Real)","Last downloaded from this course"',
        '"Aiko","Tanaka","","","","aiko.tanaka@example.edu","7.00","7.00","1733143200"',
        '"Léa","Martin","","","","lea.martin@example.edu","-","0.00","1733143200"',
      ].join('\n'),
    );
    expect(roster.layout).toBe('moodle');
    expect(roster.entries.map((e) => [e.line, e.name, e.email])).toEqual([
      [2, 'Aiko Tanaka', 'aiko.tanaka@example.edu'],
      [3, 'Léa Martin', 'lea.martin@example.edu'],
    ]);
  });

  it('reads Moodle’s user upload file', () => {
    const roster = read('username,firstname,lastname,email\nkofi.a,Kofi,Annan,kofi@example.org\n');
    expect(roster.layout).toBe('moodle-upload');
    expect(roster.entries).toEqual([{ line: 2, email: 'kofi@example.org', name: 'Kofi Annan' }]);
  });

  it('reads Google Classroom’s grades download, told from Moodle by its last name first', () => {
    const roster = read(
      [
        'Last Name,First Name,Email Address,Reading response 1,Midterm essay',
        'Class average,,,8.5,72',
        'Haddad,Rania,rania.haddad@students.example.org,9,80',
        'Kowalski,Piotr,piotr.kowalski@students.example.org,8,64',
      ].join('\r\n'),
    );
    expect(roster.layout).toBe('google-classroom');
    expect(roster.entries.map((e) => e.name)).toEqual(['Rania Haddad', 'Piotr Kowalski']);
    expect(roster.skipped).toEqual([
      { line: 2, email: null, name: 'Class average', reason: 'a summary row of the export, not a student' },
    ]);
  });

  it('reads any list with a name and an email column, tab-separated too', () => {
    const roster = read('Name\tE-mail\nSunita Rao\tsunita@example.org\n');
    expect(roster.layout).toBe('generic');
    expect(roster.delimiter).toBe('\t');
    expect(roster.entries).toEqual([{ line: 2, email: 'sunita@example.org', name: 'Sunita Rao' }]);
  });
});

describe('parseRoster: rows that are not imported', () => {
  it('reports duplicates (whatever their case), bad addresses and empty rows with their lines', () => {
    const roster = read(
      [
        'Last Name,First Name,Email Address',
        'Ruiz,Ana,ana.ruiz@example.org',
        '',
        'Ruiz,Ana,Ana.Ruiz@Example.org',
        'Bello,Tunde,tunde.bello(at)example.org',
        ',,',
        'Osei,Kwame,',
      ].join('\n'),
    );
    expect(roster.entries).toEqual([{ line: 2, email: 'ana.ruiz@example.org', name: 'Ana Ruiz' }]);
    expect(roster.skipped.map((s) => [s.line, s.reason])).toEqual([
      [4, 'the same address as line 2'],
      [5, '“tunde.bello(at)example.org” is not an email address'],
      [6, 'no name and no email address'],
      [7, 'no email address'],
    ]);
  });

  it('counts lines inside quoted fields, and reports a quotation mark never closed where it opens', () => {
    const roster = read(
      [
        'Name,Email,Notes',
        'Amara Diallo,amara@example.org,"needs extra time',
        'in exams"',
        'Jonas Berg,jonas@example.org,ok',
        '"Eva Lind,eva@example.org,ok',
        'Tom Hale,tom@example.org,ok',
      ].join('\n'),
    );
    expect(roster.entries.map((e) => [e.line, e.email])).toEqual([
      [2, 'amara@example.org'],
      [4, 'jonas@example.org'],
    ]);
    expect(roster.skipped).toEqual([
      {
        line: 5,
        email: null,
        name: null,
        reason: 'a quotation mark opens here and is never closed, so lines 5–6 could not be read',
      },
    ]);
  });
});

describe('parseRoster: refusals', () => {
  it('asks for the file when there is nothing', () => {
    expect(parseRoster(' \n\n')).toMatchObject({ status: 'invalid', message: /Choose the roster/ });
  });

  it('names the columns it found when they are no roster layout', () => {
    const result = parseRoster('Student,Score\nAna,9\n');
    expect(result.status).toBe('invalid');
    expect(result.status !== 'ok' && result.message).toMatch(
      /^The columns \(Student, Score\) are not a roster/,
    );
  });

  it('refuses more rows than the limit, and more bytes', () => {
    const rows = Array.from({ length: ROSTER_LIMITS.rows + 1 }, (_, i) => `S${i},s${i}@example.org`);
    expect(parseRoster(['Name,Email', ...rows].join('\n'))).toMatchObject({
      status: 'too-large',
      message: /2,001 rows; import at most 2,000/,
    });
    const wide = `Name,Email\n${'x'.repeat(ROSTER_LIMITS.bytes)},a@example.org\n`;
    expect(parseRoster(wide)).toMatchObject({ status: 'too-large', message: /larger than 1 MB/ });
  });
});

describe('detectLayout and detectDelimiter', () => {
  it('needs an email column and a name', () => {
    expect(detectLayout(['Email'])).toBeNull();
    expect(detectLayout(['First name', 'Email'])).toBeNull();
    expect(detectLayout(['Full name', 'Email'])?.layout).toBe('generic');
  });

  it('counts separators outside quotes only', () => {
    expect(detectDelimiter('"a;b;c",d,e')).toBe(',');
    expect(detectDelimiter('a;b;"c,d"')).toBe(';');
    expect(detectDelimiter('Name')).toBe(',');
  });
});

describe('parseRoster on any text', () => {
  it('never throws, and every row it reports lies inside the text', () => {
    const piece = fc.constantFrom(
      'Name',
      'Email',
      'a@b.org',
      '"',
      ',',
      ';',
      '\t',
      '\n',
      '\r\n',
      '\uFEFF',
      ' ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
        const text = `Name,Email\n${parts.join('')}`;
        const result = parseRoster(text);
        if (result.status !== 'ok') return;
        const lines = text.split(/\r\n|\n|\r/).length;
        for (const row of [...result.data.entries, ...result.data.skipped]) {
          expect(row.line).toBeGreaterThanOrEqual(2);
          expect(row.line).toBeLessThanOrEqual(lines);
        }
      }),
      { numRuns: 500 },
    );
  });
});
