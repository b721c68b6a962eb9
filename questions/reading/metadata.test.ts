import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseReading } from './parse';

const body = (text: string) =>
  parseReading({ text, format: 'text' })
    .paragraphs.map((p) => p.text)
    .join('\n');

const speech = [
  'Let us begin anew, remembering on both sides that civility is not a sign of weakness, and sincerity is always subject to proof.',
  'Let both sides explore what problems unite us instead of belaboring those problems which divide us.',
].join('\n\n');

describe('metadata in a pasted text', () => {
  it('turns a provenance line into author and date, and keeps it out of the body', () => {
    const reading = parseReading({
      text: `John F. Kennedy, January 20, 1961. Public domain …\n\n${speech}`,
      format: 'text',
    });
    expect(reading).toMatchObject({
      author: 'John F. Kennedy',
      publishedOn: 'January 20, 1961',
      source: 'Public domain',
    });
    expect(reading.paragraphs).toHaveLength(2);
    expect(reading.paragraphs[0]!.text).toMatch(/^Let us begin anew/);
    expect(reading.sections[0]!.title).toMatch(/^Let us begin anew/);
  });

  it('reads a byline, a date line and a source line at the top and a copyright line at the foot', () => {
    const reading = parseReading({
      text: `Coalitions That Last\n\nBy ANA RUIZ\n\nPublished: April 3, 2018, 5:00 a.m. ET\n\n${speech}\n\n© 2018 Foreign Affairs Review. All rights reserved.`,
      format: 'text',
    });
    expect(reading).toMatchObject({
      title: 'Coalitions That Last',
      author: 'Ana Ruiz',
      publishedOn: 'April 3, 2018',
    });
    expect(reading.source).toMatch(/Foreign Affairs Review/);
    expect(reading.paragraphs).toHaveLength(2);
  });

  it('reads "originally published in … on …" and a biography at the foot', () => {
    const reading = parseReading({
      text: `${speech}\n\nAna Ruiz is a senior fellow at the Institute for Peace.\n\nThis essay was originally published in Foreign Policy on 3 May 2019.`,
      format: 'text',
    });
    expect(reading).toMatchObject({
      author: 'Ana Ruiz',
      authorNote: 'Ana Ruiz is a senior fellow at the Institute for Peace.',
      source: 'Foreign Policy',
      publishedOn: '3 May 2019',
    });
    expect(
      body(`${speech}\n\nThis essay was originally published in Foreign Policy on 3 May 2019.`),
    ).not.toMatch(/published/);
  });

  it('takes no author from a last paragraph about a president, nor from an editor\'s "UPDATE:"', () => {
    const aboutPresident = parseReading({
      text: `${speech}\n\nPresident Obama is not all powerful, but he is far more capable than he has shown.`,
      format: 'text',
    });
    expect(aboutPresident.author).toBeNull();
    expect(aboutPresident.paragraphs.at(-1)?.text).toMatch(/^President Obama is not all powerful/);
    const updated = parseReading({
      text: `${speech}\n\nUPDATE: I asked the school district whether other faiths had been taught the same way.`,
      format: 'text',
    });
    expect(updated.author).toBeNull();
    expect(updated.paragraphs.at(-1)?.text).toMatch(/^UPDATE: I asked the school district/);
  });

  it('takes a title in capitals and a date from a transcript, and drops what other speakers say', () => {
    const text = [
      'ADDRESS TO THE NATO SUMMIT ON THE WAR IN THE GULF',
      ' ',
      'March 6, 1991',
      '',
      'Speaker Jones. Members of the Congress, I present to you the President of the United States.',
      'The President. Thank you. Tonight we meet in a time of war and of hope. (Applause.) The coalition held.',
      'We will stand with our allies and we will not waver in the months ahead of us all.',
      '[At this point, a moment of silence was observed.]',
    ].join('\n');
    const reading = parseReading({ text, format: 'text' });
    expect(reading.title).toBe('Address to the NATO Summit on the War in the Gulf');
    expect(reading.publishedOn).toBe('March 6, 1991');
    expect(reading.paragraphs.map((p) => p.text)).toEqual([
      'Thank you. Tonight we meet in a time of war and of hope. The coalition held.',
      'We will stand with our allies and we will not waver in the months ahead of us all.',
    ]);
  });

  it('names the speaker of "PRESIDENT … \'S ADDRESS" titles', () => {
    const reading = parseReading({
      text: `PRESIDENT JIMMY CARTER'S ADDRESS TO A JOINT SESSION OF CONGRESS\n\n${speech}`,
      format: 'text',
    });
    expect(reading.author).toBe('Jimmy Carter');
    expect(reading.title).toBe("President Jimmy Carter's Address to a Joint Session of Congress");
  });

  it('drops running headers, page numbers and share buttons', () => {
    const pages = [1, 2, 3]
      .map((n) => `FOREIGN RELATIONS QUARTERLY\n\n${speech}\n\nPage ${n} of 3`)
      .join('\n\n');
    const text = body(`${pages}\n\nShare this article\n\nhttps://example.org/essay`);
    expect(text).not.toMatch(/QUARTERLY|Page \d|Share|https/);
    expect(text.split('\n')).toHaveLength(6);
  });

  it('keeps a sentence that opens with a name or a role as text', () => {
    const text = `${speech}\n\nPresident Wilson spoke to Congress. He asked for a declaration of war.\n\nMr. Putin has overplayed his hand.`;
    expect(body(text)).toContain('President Wilson spoke to Congress.');
    expect(body(text)).toContain('Mr. Putin has overplayed his hand.');
  });

  it('reads a paragraph a line, and "Article 3" lines as headings', () => {
    const reading = parseReading({
      text: [
        'Declaration of Principles',
        'Preamble',
        'Whereas the peoples of the world have pledged themselves to live in peace with one another,',
        'Now, therefore,',
        '',
        'The Assembly proclaims this declaration as a common standard for all peoples and nations.',
        '',
        'Article 1 ',
        'All states are equal in dignity and rights, and shall settle their disputes by peaceful means.',
        'No state shall use force against the territorial integrity of another.',
      ].join('\n'),
      format: 'text',
    });
    expect(reading.title).toBe('Declaration of Principles');
    expect(reading.sections.map((s) => s.title)).toEqual(['Preamble', 'Article 1']);
    expect(reading.paragraphs.map((p) => p.text.slice(0, 30))).toEqual([
      'Whereas the peoples of the wor',
      'Now, therefore, The Assembly p',
      'All states are equal in dignit',
      'No state shall use force again',
    ]);
  });

  it("drops an editor's note set after a transcript's last words, and what follows it", () => {
    const text = [
      speech,
      'Note: The President spoke at 9:05 p.m. in the House Chamber of the Capitol. The address was broadcast live on nationwide radio and television.',
      'Earlier in the day, the President met at the White House with the leaders of both parties to discuss the address.',
    ].join('\n\n');
    expect(body(text).split('\n')).toEqual([
      expect.stringMatching(/^Let us begin anew/),
      expect.stringMatching(/^Let both sides/),
    ]);
    // A "note" early in a text, or one that is no label, stays.
    const early = [
      'Note: the figures below are for 1973.',
      speech,
      'We note with pride what the farmers did.',
      'And so we go on.',
      'The end of the war is near.',
      'We thank you.',
    ].join('\n\n');
    expect(body(early)).toMatch(/^Note: the figures/);
    expect(body(early)).toMatch(/We note with pride/);
  });

  it("drops the page's links after the text, and keeps a short sign-off (Kennedy 1963)", () => {
    const links = [
      'WEB RESOURCES >>',
      'Speech Archives',
      'Video & Text of Addresses to the Council',
      'Cabinet Links',
      'Links to the Ministries of the Valley',
      'ALL WEB RESOURCES >>',
    ];
    expect(body([speech, ...links].join('\n\n')).split('\n')).toEqual([
      expect.stringMatching(/^Let us begin anew/),
      expect.stringMatching(/^Let both sides/),
    ]);
    const signOff = [speech, 'God bless you', 'And God bless the valley'].join('\n\n');
    expect(body(signOff)).toMatch(/And God bless the valley$/);
  });

  it('finds the speaker in "PRESIDENT HARRY S. TRUMAN\'S ANNUAL MESSAGE …", and no biography in a eulogy (Johnson 1964)', () => {
    const text = [
      "PRESIDENT LYNDON B. JOHNSON'S ANNUAL MESSAGE TO THE CONGRESS ON THE STATE OF THE UNION",
      'January 8, 1964',
      speech,
      'John Kennedy was a victim of hate, but he was also a great builder of faith--faith in our fellow Americans, whatever their creed or their color or their station in life.',
    ].join('\n\n');
    const reading = parseReading({ text, format: 'text' });
    expect(reading.author).toBe('Lyndon B. Johnson');
    expect(reading.paragraphs.at(-1)!.text).toMatch(/^John Kennedy was a victim of hate/);
    // With no speaker in the title, the eulogy is still no author's biography.
    const untitled = parseReading({ text: [speech, text.split('\n\n').at(-1)].join('\n\n'), format: 'text' });
    expect(untitled.author).not.toBe('John Kennedy');
    expect(untitled.paragraphs.at(-1)!.text).toMatch(/^John Kennedy was a victim of hate/);
  });

  it('reads no middle initial as the end of a speaker\'s label ("President George W. Bush …", Bush 2006)', () => {
    const text = [
      "PRESIDENT ANNA M. RIVERA'S ADDRESS BEFORE THE ASSEMBLY ON THE STATE OF THE REPUBLIC",
      'March 3, 2031',
      'THE PRESIDENT: Thank you all. Madam Speaker, members of the Assembly, and fellow citizens: the republic is at peace.',
      'President Anna M. Rivera came to this chamber first as a clerk, and she has not forgotten it.',
      speech,
    ].join('\n\n');
    const reading = parseReading({ text, format: 'text' });
    expect(reading.author).toBe('Anna M. Rivera');
    // Two initials run together ("GEORGE H.W. BUSH'S ADDRESS …", Bush 1992).
    const initials = parseReading({ text: text.replace(/ANNA M\./, 'ANNA M.J.'), format: 'text' });
    expect(initials.author).toBe('Anna M.J. Rivera');
    const body = reading.paragraphs.map((p) => p.text);
    expect(body[0]).toMatch(/^Thank you all\./);
    expect(body[1]).toMatch(/^President Anna M\. Rivera came to this chamber/);
  });

  it("drops a photograph's caption and credit left at the start of a paragraph, glued or not (Bush 2006)", () => {
    const text = [
      speech,
      'The envoy greets the delegates at the harbour, Tuesday, May 4, 2031. Council photo by Mara Lind We will keep the river open. The towns depend on it.',
      'The delegates applaud in the hall. Photo by Ivo K. TanEvery treaty begins with a meeting.',
    ].join('\n\n');
    const body = parseReading({ text, format: 'text' }).paragraphs.map((p) => p.text);
    expect(body.at(-2)).toBe('We will keep the river open. The towns depend on it.');
    expect(body.at(-1)).toBe('Every treaty begins with a meeting.');
  });

  it('reads a title line that ends on its date, and takes no editor\'s "NOTE:" for a speaker (Nixon 1972)', () => {
    const text = [
      'Address on the State of the Republic Delivered Before the Assembly. March 3, 2031',
      speech,
      'NOTE: The President spoke at 12:34 p.m. in the Assembly Hall, after being introduced by the Speaker.',
      'The President spoke from a prepared text.',
    ].join('\n\n');
    const reading = parseReading({ text, format: 'text' });
    expect(reading.title).toBe('Address on the State of the Republic Delivered Before the Assembly');
    expect(reading.publishedOn).toBe('March 3, 2031');
    expect(reading.author).toBeNull();
    expect(reading.paragraphs.map((p) => p.text).join(' ')).not.toMatch(
      /Delivered Before|spoke at 12:34|prepared text/,
    );
  });

  it("drops the dash that marks a list item at a paragraph's start (Nixon 1972)", () => {
    const text = [
      'Our policy rests on three rules:',
      '--We will honor every treaty of the league.',
      '— We will defend the fords.',
      '--But we will not send the fleet north.',
      '--50 percent of the cost of the new bridges.',
    ].join('\n\n');
    const body = parseReading({ text, format: 'text' }).paragraphs.map((p) => p.text);
    expect(body.slice(1)).toEqual([
      'We will honor every treaty of the league.',
      'We will defend the fords.',
      'But we will not send the fleet north.',
      '50 percent of the cost of the new bridges.',
    ]);
  });

  it('still joins hard-wrapped lines into one paragraph', () => {
    const wrapped =
      'Sanctions work best when many countries apply them\ntogether, because trade then has nowhere else to go,\nand the target cannot simply find another buyer.';
    expect(parseReading({ text: wrapped, format: 'text' }).paragraphs).toHaveLength(1);
  });
});

describe('ids that content already points at', () => {
  it('keeps every sentence the authored Burns questions cite, with the same text', () => {
    const reading = parseReading({
      text: readFileSync('content/burns-lead-with-diplomacy/essay.txt', 'utf8'),
      format: 'text',
    });
    const sentences = new Map(reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text])));
    const bank = JSON.parse(readFileSync('content/burns-lead-with-diplomacy/questions.json', 'utf8')) as {
      questions: { evidence: string[] }[];
    };
    const cited = new Set(bank.questions.flatMap((q) => q.evidence));
    expect(cited.size).toBeGreaterThan(10);
    for (const id of cited) expect(sentences.has(id), id).toBe(true);
    expect(sentences.get('p9.s1')).toBe('His biggest vulnerability is his diplomatic loneliness.');
    expect(sentences.get('p16.s1')).toBe(
      'Now we should lead with diplomacy and demonstrate its enduring power and purpose.',
    );
  });
});

describe('an eighteenth-century essay as a library prints it', () => {
  // Hard-wrapped lines, a number and a subtitle, the paper it was written for, the author's name
  // in capitals above the address to the readers, and a pen name as the signature.
  const wrapped = [
    'ESSAY No. 9',
    'On the Same Subject',
    '(On the Dangers of Disunion)',
    'For the Daily Advertiser.',
    'MERCER',
    'To the Citizens of the Commonwealth:',
    'IT HAS been said that a weak union invites the ambition of\nforeign powers, and that a strong one will deter them from\nany attempt upon our coasts or our commerce.',
    'The history of every divided people bears this out; their\nquarrels were the opportunity of their neighbours, who\nplayed one against another until all were ruined.',
    'CATO.',
  ].join('\n\n');
  const reading = parseReading({ text: wrapped, format: 'text' });

  it('joins hard-wrapped lines into paragraphs', () => {
    const prose = parseReading({ text: wrapped.split('\n\n').slice(6, 8).join('\n\n'), format: 'text' });
    expect(prose.paragraphs.map((p) => p.text)).toEqual([
      expect.stringMatching(
        /^IT HAS been said .* deter them from any attempt upon our coasts or our commerce\.$/,
      ),
      expect.stringMatching(/^The history of every divided people .* until all were ruined\.$/),
    ]);
    // A wrapped line in capitals is emphasis inside the paragraph, not a heading or a byline.
    expect(
      parseReading({
        text: `The envoys were told to\nUSE THEIR UTMOST ENDEAVORS TO\nprevent the union of the two crowns.\n\n${speech}`,
        format: 'text',
      }).paragraphs[0]!.text,
    ).toBe('The envoys were told to USE THEIR UTMOST ENDEAVORS TO prevent the union of the two crowns.');
    // A list of bullets stays one line an item.
    expect(body(`Our goals:\n• lower taxes\n• better schools\n• safer streets\n\n${speech}`)).toMatch(
      /• lower taxes\n• better schools/,
    );
  });

  it("reads quotation marks typed as `` and '' as quotation marks, across a wrapped line", () => {
    const text =
      "Three charters say: ``Fleets in peace are a burden, and ought not to be\nkept without consent''; which admits the power. Code `like this` stays.";
    expect(parseReading({ text, format: 'text' }).paragraphs[0]!.text).toBe(
      'Three charters say: “Fleets in peace are a burden, and ought not to be kept without consent”; which admits the power. Code `like this` stays.',
    );
  });

  it('reads the paper, the author above the address and the signature as metadata', () => {
    expect(reading).toMatchObject({ title: 'ESSAY No. 9', author: 'Mercer', source: 'The Daily Advertiser' });
    expect(body(wrapped)).not.toMatch(/To the Citizens|CATO|Daily Advertiser|MERCER/);
  });

  it('takes none of it from a speech, an essay or a title that only looks alike', () => {
    // A title in capitals over the address stays the title; the address leaves the text.
    expect(
      parseReading({ text: `INAUGURAL ADDRESS\n\nMy fellow citizens:\n\n${speech}`, format: 'text' }),
    ).toMatchObject({ title: 'Inaugural Address', author: null });
    // An opening sentence that addresses someone and goes on is text.
    expect(
      body(`To the skeptics who say that reform cannot work, I offer three answers:\n\n${speech}`),
    ).toMatch(/^To the skeptics/);
    // "For the People" as a title is no newspaper; a word in capitals closing a speech is no signature.
    expect(parseReading({ text: `For the People\n\n${speech}\n\nFREEDOM.`, format: 'text' })).toMatchObject({
      title: 'For the People',
      source: null,
      author: null,
    });
  });

  it('keeps the closing words of a speech in capitals as its words', () => {
    const closing = parseReading({ text: `${speech}\n\nGOD BLESS AMERICA.`, format: 'text' });
    expect(closing.author).toBeNull();
    expect(body(`${speech}\n\nGOD BLESS AMERICA.`)).toMatch(/GOD BLESS AMERICA/);
  });

  it('drops an address to the audience on a line of its own', () => {
    expect(body(`My fellow citizens:\n\n${speech}`)).not.toMatch(/fellow citizens/);
  });
});

describe('a national statement as a mission prints it (names and countries made up)', () => {
  const prose = [
    'We meet at a time when the rules that protect small states are being tested in every region of the world.',
    'Our delegation believes that the Charter is not a relic, and that its promise can still be kept.',
  ].join('\n\n');

  it('reads speaker, office and date from a head in capitals, and drops it with the forms of address', () => {
    const text = [
      'PERMANENT MISSION OF THE REPUBLIC OF ARCADIA',
      'TO THE UNITED NATIONS',
      '',
      'STATEMENT BY',
      'H.E. MR. TOMAS VERANO-LISK, PHD.',
      'PRESIDENT OF THE REPUBLIC OF',
      'ARCADIA',
      'AT THE GENERAL DEBATE OF THE 79TH SESSION',
      'NEW YORK, 25 SEPTEMBER 2024',
      '',
      'Check against delivery',
      '',
      'Mr. President,',
      'Excellencies,',
      'Ladies and Gentlemen,',
      '',
      prose,
    ].join('\n');
    const reading = parseReading({ text, format: 'text' });
    expect(reading.author).toBe('Tomas Verano-Lisk');
    expect(reading.authorNote).toBe('President of the Republic of Arcadia');
    expect(reading.publishedOn).toBe('25 SEPTEMBER 2024');
    expect(reading.title).toBe('Statement by Tomas Verano-Lisk');
    expect(reading.paragraphs[0]!.text).toMatch(/^We meet at a time/);
    expect(reading.paragraphs).toHaveLength(2);
  });

  it('reads a one-line head with the office after the name, and a king with his number', () => {
    const one = parseReading({
      text: `Address by H.E. Ms. Ana Lind MP, Minister for Foreign Affairs of Norland, at the General Debate\n\nNew York, 26 September 2024\n\nMr. President, Mr. Secretary-General, Distinguished Delegates,\n\n${prose}`,
      format: 'text',
    });
    expect([one.title, one.author, one.authorNote, one.publishedOn]).toEqual([
      'Address by Ana Lind',
      'Ana Lind',
      'Minister for Foreign Affairs of Norland',
      '26 September 2024',
    ]);
    expect(one.paragraphs.map((p) => p.text)).toEqual(prose.split('\n\n'));
    const king = parseReading({
      text: `Remarks by His Majesty King Edmund III at the 79th Session\n\n24 September 2024\n\nYour Majesties, Excellencies,\n\n${prose}`,
      format: 'text',
    });
    expect(king.author).toBe('King Edmund III');
    const rightHonourable = parseReading({
      text: `Norland Statement delivered by\nRt Hon Mara Quell, Deputy Prime Minister of Norland\n\nThursday 26 September 2024\n\nMr. President.\n\n${prose}`,
      format: 'text',
    });
    expect([rightHonourable.author, rightHonourable.paragraphs[0]!.text]).toEqual([
      'Mara Quell',
      prose.split('\n\n')[0],
    ]);
    const dateline = parseReading({
      text: `STATEMENT BY\nHIS EXCELLENCY\n79th Session of the General Assembly\nNew York, 24 September 2024\nUN Headquarters, New York\n\nMr. President,\n\n${prose}`,
      format: 'text',
    });
    expect(dateline.author).toBeNull();
    expect(dateline.publishedOn).toBe('24 September 2024');
  });

  it("drops a browser's print header, a page's footer and a running header, and keeps a speech that opens on its audience", () => {
    const printed = parseReading({
      text: [
        '9/24/24, 4:31 PM Speech to the Assembly – Ministry of Foreign Affairs',
        '',
        'Check Against Delivery',
        '',
        prose.replace(
          'tested in every region',
          'tested in every\nStatement to the Assembly | Ministry of Foreign Affairs\nregion',
        ),
        '',
        'We remember the promise of 1945.',
        'Statement to the Assembly | Ministry of Foreign Affairs',
        '2 | Page',
        '',
        'We have not forgotten it.',
        'Statement to the Assembly | Ministry of Foreign Affairs',
      ].join('\n'),
      format: 'text',
    });
    expect(printed.title).toBe('Untitled reading');
    expect(printed.sections.map((s) => s.title).join(' ')).not.toMatch(/Check|PM/);
    expect(printed.paragraphs.map((p) => p.text)).toEqual([
      ...prose.split('\n\n'),
      'We remember the promise of 1945.',
      'We have not forgotten it.',
    ]);
    const courtesy = parseReading({
      text: `NORLAND\n\nSENATOR THE HONOURABLE DR. MARA QUELL, MINISTER OF FOREIGN AFFAIRS\n\n${prose}\n\nWe thank you.\n\nWe thank you again.\n\nWe thank you all.\n\nGod bless.`,
      format: 'text',
    });
    expect(courtesy.author ?? '').not.toMatch(/Honourable/);
    const themed = parseReading({
      text: `NORLAND\nSTATEMENT BY\nHONOURABLE MARA QUELL\nMINISTER OF FOREIGN AFFAIRS\nOF\nNORLAND\n\nAT THE\n\nDEBATE OF THE 79th SESSION\n\nTHEME: “LEAVING NO ONE BEHIND: ACTING TOGETHER FOR\nTHE ADVANCEMENT OF PEACE”\n\n27 SEPTEMBER 2024\n\nMr. President,\n\n${prose}\n\nWe thank you.\n\nWe thank you again.\n\nGod bless.`,
      format: 'text',
    });
    expect([themed.author, themed.authorNote]).toEqual([
      'Mara Quell',
      'Minister of Foreign Affairs of Norland',
    ]);
    const opening = 'Friends, this is the last time I will speak from this rostrum as president.';
    expect(body(`${opening}\n\n${prose}`)).toMatch(/^Friends, this is the last time/);
  });
});

describe('a statement with numbered paragraphs and a possessive head (names made up)', () => {
  const text = [
    'Minister for Foreign Affairs',
    "Dr Lena Marsh's National Statement",
    'at the General Debate of the 79th Session',
    'New York, 28 September 2024',
    '',
    'Mdm President, Your Excellencies',
    '',
    '1 | bring you greetings from a small island state in the south of the ocean, and I congratulate',
    'the President on her election.',
    '2 The world is in a dangerous phase. Civilians are paying a horrendous price, and 3 United',
    'Nations agencies have said so.',
    '',
    '3 We must return to the basics of the Charter.',
    '4 For small states, international law is an existential necessity.',
  ].join('\n');
  const reading = parseReading({ text, format: 'text' });

  it('reads the speaker from "… Dr Lena Marsh\'s National Statement", and drops the address', () => {
    expect([reading.title, reading.author, reading.authorNote, reading.publishedOn]).toEqual([
      'Statement by Lena Marsh',
      'Lena Marsh',
      'Minister for Foreign Affairs',
      '28 September 2024',
    ]);
  });

  it('starts a paragraph at each number of the run 1, 2, 3 … and drops the numbers', () => {
    expect(reading.paragraphs.map((p) => p.text)).toEqual([
      'I bring you greetings from a small island state in the south of the ocean, and I congratulate the President on her election.',
      'The world is in a dangerous phase. Civilians are paying a horrendous price, and 3 United Nations agencies have said so.',
      'We must return to the basics of the Charter.',
      'For small states, international law is an existential necessity.',
    ]);
  });

  it('leaves numbers that open lines alone when they make no run', () => {
    const lone = parseReading({
      text: '2 Million people fled the city in the first week.\n\nThe camps could not hold them all.\n\n3 Agencies sent food.',
      format: 'text',
    });
    expect(lone.paragraphs.map((p) => p.text)).toEqual([
      '2 Million people fled the city in the first week.',
      'The camps could not hold them all.',
      '3 Agencies sent food.',
    ]);
  });
});
