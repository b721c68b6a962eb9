import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';
import type { LocalLinter } from 'harper.js';
import { loadAuthoredBank } from '@/questions/bank';
import { type GenerationReport, generateQuestions } from '@/questions/generate';
import { gradeShortAnswer } from '@/questions/grade/short-answer';
import { grammarProblems } from '@/questions/language/grammar';
import { isContent, type Token, tokenize } from '@/questions/language/tokens';
import { directOpposite } from '@/questions/language/wordnet';
import { parseReading } from '@/questions/reading/parse';
import type { ParsedReading } from '@/questions/reading/types';
import { QUESTION_TYPES, type Question, type ShortAnswerQuestion } from '@/questions/schema';

/**
 * Benchmark of the question engine.
 *
 * For each text (the Burns essay, the development texts and the held-out texts in
 * bench/fixtures/ir-texts/, see its README): questions kept per 1,000 words and per type, and
 * how many kept questions fail each automatic check. The checks are written here, apart from
 * the generator's validators, so they are a second opinion rather than the same code twice:
 *
 * - ungrammatical: Harper (an independent grammar checker, run as WebAssembly) on every prompt
 *   and true/false statement, counting its grammar, agreement, repetition and word-order lints;
 *   and the engine's own parser check (questions/language/grammar.ts) on the same texts;
 * - copied run: a prompt that repeats ten or more words of the text in a row;
 * - proper-noun vocabulary: a vocabulary item, word-matching term or cloze answer that the text
 *   writes with a capital inside a sentence, or that is a capitalised word of a name compromise
 *   finds;
 * - key not entailed: the key's meaning words are not found in its evidence sentences (or, for a
 *   false statement, they are all found with the same polarity), by a plain lemma overlap.
 *
 * Then time: the first generation of each text in a warmed-up process (libraries loaded, no
 * cache of this text), and the median of three more; and how time grows from the Burns essay to
 * a text ten times longer (Truman's 1953 State of the Union, bench/fixtures/README.md).
 *
 * Hand ratings: `--samples` writes 20 questions per text (spread evenly over the kept list, best
 * first) to bench/fixtures/ir-texts/ratings/<slug>.md; ratings written into those files
 * ("rating: acceptable | fixable | unacceptable") are counted here. Tests check behaviour; this
 * only prints figures.
 */

const root = path.join(import.meta.dirname, '..');
const RATINGS = path.join(root, 'bench/fixtures/ir-texts/ratings');
const SAMPLE = 20;

type Text = {
  label: string;
  slug: string;
  file: string;
  split: 'shipped' | 'development' | 'held-out' | 'fresh';
};

const texts: Text[] = [
  {
    label: 'Burns, "Lead with diplomacy" (op-ed)',
    slug: 'burns-lead-with-diplomacy',
    file: 'content/burns-lead-with-diplomacy/essay.txt',
    split: 'shipped',
  },
  {
    label: 'Kennedy, inaugural address, 1961',
    slug: 'kennedy-1961-inaugural',
    file: 'bench/fixtures/ir-texts/development/kennedy-1961-inaugural.txt',
    split: 'development',
  },
  {
    label: 'Truman, inaugural address, 1949',
    slug: 'truman-1949-inaugural',
    file: 'bench/fixtures/ir-texts/development/truman-1949-inaugural.txt',
    split: 'development',
  },
  {
    label: 'Wilson, second inaugural address, 1917',
    slug: 'wilson-1917-inaugural',
    file: 'bench/fixtures/ir-texts/held-out/wilson-1917-inaugural.txt',
    split: 'held-out',
  },
  {
    label: 'Eisenhower, inaugural address, 1953',
    slug: 'eisenhower-1953-inaugural',
    file: 'bench/fixtures/ir-texts/held-out/eisenhower-1953-inaugural.txt',
    split: 'held-out',
  },
  {
    label: 'Carter, State of the Union, 1980',
    slug: 'carter-1980-state-of-the-union',
    file: 'bench/fixtures/ir-texts/held-out/carter-1980-state-of-the-union.txt',
    split: 'held-out',
  },
  {
    label: 'G. H. W. Bush, address on the end of the Gulf War, 1991',
    slug: 'bush-1991-gulf-war-address',
    file: 'bench/fixtures/ir-texts/held-out/bush-1991-gulf-war-address.txt',
    split: 'held-out',
  },
  {
    label: 'G. W. Bush, second inaugural address, 2005',
    slug: 'bush-2005-inaugural',
    file: 'bench/fixtures/ir-texts/held-out/bush-2005-inaugural.txt',
    split: 'held-out',
  },
  {
    label: 'Universal Declaration of Human Rights, 1948',
    slug: 'udhr-1948',
    file: 'bench/fixtures/ir-texts/held-out/udhr-1948.txt',
    split: 'held-out',
  },
  {
    label: 'F. D. Roosevelt, fourth inaugural address, 1945',
    slug: 'roosevelt-1945-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/roosevelt-1945-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, second inaugural address, 1957',
    slug: 'eisenhower-1957-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1957-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'G. W. Bush, State of the Union, 2002',
    slug: 'bush-2002-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-2002-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Nixon, first inaugural address, 1969',
    slug: 'nixon-1969-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/nixon-1969-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'G. W. Bush, address to Congress, 20 September 2001',
    slug: 'bush-2001-address-to-congress',
    file: 'bench/fixtures/ir-texts/development/bush-2001-address-to-congress.txt',
    split: 'development',
  },
  {
    label: 'Nixon, second inaugural address, 1973',
    slug: 'nixon-1973-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/nixon-1973-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, second inaugural address, 1985',
    slug: 'reagan-1985-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1985-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Truman, State of the Union, 1951',
    slug: 'truman-1951-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/truman-1951-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'G. W. Bush, State of the Union, 2003',
    slug: 'bush-2003-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-2003-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Kennedy, State of the Union, 1962',
    slug: 'kennedy-1962-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/kennedy-1962-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, first inaugural address, 1993',
    slug: 'clinton-1993-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1993-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Obama, first inaugural address, 2009',
    slug: 'obama-2009-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/obama-2009-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Truman, State of the Union, 1947',
    slug: 'truman-1947-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/truman-1947-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'G. H. W. Bush, State of the Union, 1990',
    slug: 'bush-1990-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-1990-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Biden, inaugural address, 2021',
    slug: 'biden-2021-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/biden-2021-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Trump, inaugural address, 2017',
    slug: 'trump-2017-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/trump-2017-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'G. H. W. Bush, inaugural address, 1989',
    slug: 'bush-1989-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/bush-1989-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Jay, The Federalist No. 4, 1787 (essay)',
    slug: 'federalist-04-jay',
    file: 'bench/fixtures/ir-texts/fresh/federalist-04-jay.txt',
    split: 'fresh',
  },
  {
    label: 'Jay, The Federalist No. 5, 1787 (essay)',
    slug: 'federalist-05-jay',
    file: 'bench/fixtures/ir-texts/fresh/federalist-05-jay.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, second inaugural address, 1997',
    slug: 'clinton-1997-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1997-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'G. W. Bush, first inaugural address, 2001',
    slug: 'bush-2001-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/bush-2001-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Jay, The Federalist No. 3, 1787 (essay)',
    slug: 'federalist-03-jay',
    file: 'bench/fixtures/ir-texts/fresh/federalist-03-jay.txt',
    split: 'fresh',
  },
  {
    label: 'Obama, second inaugural address, 2013',
    slug: 'obama-2013-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/obama-2013-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Hamilton, The Federalist No. 6, 1787 (essay)',
    slug: 'federalist-06-hamilton',
    file: 'bench/fixtures/ir-texts/fresh/federalist-06-hamilton.txt',
    split: 'fresh',
  },
  {
    label: 'Hamilton, The Federalist No. 8, 1787 (essay)',
    slug: 'federalist-08-hamilton',
    file: 'bench/fixtures/ir-texts/fresh/federalist-08-hamilton.txt',
    split: 'fresh',
  },
  {
    label: 'Hamilton, The Federalist No. 9, 1787 (essay)',
    slug: 'federalist-09-hamilton',
    file: 'bench/fixtures/ir-texts/fresh/federalist-09-hamilton.txt',
    split: 'fresh',
  },
  {
    label: 'Hamilton, The Federalist No. 11, 1787 (essay)',
    slug: 'federalist-11-hamilton',
    file: 'bench/fixtures/ir-texts/fresh/federalist-11-hamilton.txt',
    split: 'fresh',
  },
  {
    label: 'Truman, address to a joint session of Congress, 16 April 1945',
    slug: 'truman-1945-address-to-congress',
    file: 'bench/fixtures/ir-texts/fresh/truman-1945-address-to-congress.txt',
    split: 'fresh',
  },
  {
    label: 'Carter, inaugural address, 1977',
    slug: 'carter-1977-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/carter-1977-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Madison, The Federalist No. 10, 1787 (essay)',
    slug: 'federalist-10-madison',
    file: 'bench/fixtures/ir-texts/fresh/federalist-10-madison.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, inaugural address, 1981',
    slug: 'reagan-1981-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1981-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, inaugural address, 1965',
    slug: 'johnson-1965-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1965-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Roosevelt, inaugural address, 1941',
    slug: 'roosevelt-1941-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/roosevelt-1941-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Carter, State of the Union, 1979',
    slug: 'carter-1979-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/carter-1979-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Truman, State of the Union, 1948',
    slug: 'truman-1948-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/truman-1948-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Nixon, State of the Union, 1974',
    slug: 'nixon-1974-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/nixon-1974-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Truman, State of the Union, 1950',
    slug: 'truman-1950-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/truman-1950-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1958',
    slug: 'eisenhower-1958-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1958-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Kennedy, State of the Union, 1963',
    slug: 'kennedy-1963-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/kennedy-1963-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, State of the Union, 1964',
    slug: 'johnson-1964-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1964-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1986',
    slug: 'reagan-1986-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1986-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Bush, State of the Union, 2006',
    slug: 'bush-2006-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-2006-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Nixon, State of the Union, 1972',
    slug: 'nixon-1972-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/nixon-1972-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1984',
    slug: 'reagan-1984-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1984-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Bush, State of the Union, 1992',
    slug: 'bush-1992-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-1992-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Ford, State of the Union, 1976',
    slug: 'ford-1976-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/ford-1976-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1957',
    slug: 'eisenhower-1957-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1957-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, State of the Union, 1967',
    slug: 'johnson-1967-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1967-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1987',
    slug: 'reagan-1987-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1987-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1959',
    slug: 'eisenhower-1959-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1959-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Carter, State of the Union, 1978',
    slug: 'carter-1978-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/carter-1978-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1960',
    slug: 'eisenhower-1960-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1960-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Bush, State of the Union, 2004',
    slug: 'bush-2004-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-2004-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1983',
    slug: 'reagan-1983-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1983-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Nixon, State of the Union, 1970',
    slug: 'nixon-1970-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/nixon-1970-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Ford, State of the Union, 1977',
    slug: 'ford-1977-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/ford-1977-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, State of the Union, 1968',
    slug: 'johnson-1968-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1968-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1988',
    slug: 'reagan-1988-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1988-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 1996',
    slug: 'clinton-1996-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1996-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1985',
    slug: 'reagan-1985-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1985-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1954',
    slug: 'eisenhower-1954-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1954-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Reagan, State of the Union, 1982',
    slug: 'reagan-1982-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/reagan-1982-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, State of the Union, 1966',
    slug: 'johnson-1966-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1966-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 1994',
    slug: 'clinton-1994-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1994-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 1997',
    slug: 'clinton-1997-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1997-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Ford, State of the Union, 1975',
    slug: 'ford-1975-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/ford-1975-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 1998',
    slug: 'clinton-1998-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1998-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'G. W. Bush, State of the Union, 2005',
    slug: 'bush-2005-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/bush-2005-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1955',
    slug: 'eisenhower-1955-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1955-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 1999',
    slug: 'clinton-1999-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1999-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, State of the Union, 1969',
    slug: 'johnson-1969-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1969-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Eisenhower, State of the Union, 1956',
    slug: 'eisenhower-1956-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/eisenhower-1956-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 2000',
    slug: 'clinton-2000-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-2000-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Clinton, State of the Union, 1995',
    slug: 'clinton-1995-state-of-the-union',
    file: 'bench/fixtures/ir-texts/fresh/clinton-1995-state-of-the-union.txt',
    split: 'fresh',
  },
  {
    label: 'Johnson, special message on voting rights, 1965',
    slug: 'johnson-1965-voting-rights-message',
    file: 'bench/fixtures/ir-texts/fresh/johnson-1965-voting-rights-message.txt',
    split: 'fresh',
  },
  {
    label: 'Harding, inaugural address, 1921',
    slug: 'harding-1921-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/harding-1921-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Hoover, inaugural address, 1929',
    slug: 'hoover-1929-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/hoover-1929-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'Coolidge, inaugural address, 1925',
    slug: 'coolidge-1925-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/coolidge-1925-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'McKinley, second inaugural address, 1901',
    slug: 'mckinley-1901-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/mckinley-1901-inaugural.txt',
    split: 'fresh',
  },
  {
    label: 'McKinley, first inaugural address, 1897',
    slug: 'mckinley-1897-inaugural',
    file: 'bench/fixtures/ir-texts/fresh/mckinley-1897-inaugural.txt',
    split: 'fresh',
  },
];
const longText: Text = {
  label: 'Truman, State of the Union, 1953 (ten times the Burns essay)',
  slug: 'truman-1953-state-of-the-union',
  file: 'bench/fixtures/truman-1953-state-of-the-union.txt',
  split: 'development',
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function read(text: Text): ParsedReading {
  return parseReading({ text: readFileSync(path.join(root, text.file), 'utf8'), format: 'text' });
}

function timeGeneration(reading: ParsedReading, slug: string) {
  const start = performance.now();
  const report = generateQuestions(reading, { readingSlug: slug });
  const first = performance.now() - start;
  const again: number[] = [];
  for (let run = 0; run < 3; run++) {
    const t = performance.now();
    generateQuestions(reading, { readingSlug: slug });
    again.push(performance.now() - t);
  }
  return { report, first, median: median(again) };
}

// ---- Automatic checks, independent of the generator's validators ----

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];

function copiedRun(prompt: string, reading: ParsedReading): boolean {
  const runs = new Set<string>();
  for (const paragraph of reading.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const w = wordsOf(sentence.text);
      for (let i = 0; i + 10 <= w.length; i++) runs.add(w.slice(i, i + 10).join(' '));
    }
  }
  const w = wordsOf(prompt);
  for (let i = 0; i + 10 <= w.length; i++) if (runs.has(w.slice(i, i + 10).join(' '))) return true;
  return false;
}

function namesOf(reading: ParsedReading): Set<string> {
  const names = new Set<string>();
  for (const paragraph of reading.paragraphs) {
    const doc = nlp(paragraph.text);
    // Only its capitalised words: compromise also finds "Military power" and "Korean peninsula".
    for (const name of [
      ...doc.people().out('array'),
      ...doc.places().out('array'),
      ...doc.organizations().out('array'),
    ] as string[])
      for (const part of name.split(/\s+/))
        if (/^[“"‘(]?\p{Lu}/u.test(part)) for (const w of wordsOf(part)) names.add(w);
    for (const sentence of paragraph.sentences) {
      sentence.text.split(/\s+/).forEach((word, i) => {
        if (i > 0 && /^[“"‘(]?\p{Lu}\p{Ll}/u.test(word)) for (const w of wordsOf(word)) names.add(w);
      });
    }
  }
  return names;
}

function vocabularyWords(question: Question): string[] {
  const found: string[] = [];
  const quoted = /What does “([^”]+)” mean/.exec(question.prompt)?.[1];
  if (quoted) found.push(quoted);
  if (question.type === 'matching' && question.prompt.startsWith('Match each word'))
    found.push(...question.left.map((l) => l.text));
  if (question.type === 'cloze') found.push(...question.answer.blanks.flatMap((b) => b.accepted));
  return found;
}

const tokenCache = new Map<string, Token[]>();
function lemmas(text: string): Token[] {
  let tokens = tokenCache.get(text);
  if (!tokens) {
    tokens = tokenize(text).filter(isContent);
    tokenCache.set(text, tokens);
  }
  return tokens;
}

/** Whether WordNet gives `b` as the direct opposite of `a`, as the same part of speech. */
function opposites(a: Token, b: Token): boolean {
  const pos = a.pos === 'verb' ? 'v' : a.pos === 'adj' ? 'a' : null;
  const opposite = pos && a.pos === b.pos ? directOpposite(a.lemma, pos) : null;
  return opposite !== null && (b.lemma === opposite || b.normal === opposite);
}

/** Share of a text's meaning words found in the evidence, and whether any found word flips polarity. */
function overlap(text: string, evidence: string): { coverage: number; flipped: boolean } {
  const stated = lemmas(text);
  const given = lemmas(evidence);
  if (stated.length === 0) return { coverage: 0, flipped: false };
  let found = 0;
  let flipped = false;
  for (const token of stated) {
    const match = given.find((g) => g.lemma === token.lemma || g.normal === token.normal);
    if (!match) {
      // "has decreased" against "has increased": a word the evidence says the opposite of (WordNet
      // lists some pairs one way only: "rise" → "fall").
      if (given.some((g) => opposites(g, token) || opposites(token, g))) flipped = true;
      continue;
    }
    found++;
    if (match.negated !== token.negated) flipped = true;
  }
  return { coverage: found / stated.length, flipped };
}

const CONTRAST = /^(?:and yet|but|yet|however|still|although|though|nevertheless)\b/i;

/** Null when the key follows from the evidence; otherwise why not. Lens questions are read off cue words, not entailed. */
function keyNotEntailed(question: Question, sentences: Map<string, string>): string | null {
  const evidence = question.evidence.map((id) => sentences.get(id) ?? '').join(' ');
  const entailed = (text: string) => {
    const { coverage, flipped } = overlap(text.replace(/^According to [^,]+,\s*/, ''), evidence);
    return coverage >= 0.6 && !flipped;
  };
  switch (question.type) {
    case 'multiple-choice': {
      if (question.lens !== null && question.id.includes('-lens-')) return null;
      const key = question.options.find((o) => o.id === question.answer.optionId)!.text;
      if (/What does “[^”]+” mean/.test(question.prompt)) return null; // a WordNet sense, checked by the validators
      return entailed(key) ? null : `key “${key}”`;
    }
    case 'multiple-answer': {
      const bad = question.options
        .filter((o) => question.answer.optionIds.includes(o.id))
        .find((o) => !entailed(o.text));
      return bad ? `key “${bad.text}”` : null;
    }
    case 'true-false': {
      const ok = entailed(question.statement);
      if (question.answer.value) return ok ? null : 'true statement not in the evidence';
      return ok ? 'false statement is stated by the evidence' : null;
    }
    case 'cloze': {
      let filled = question.text;
      question.answer.blanks.forEach((b, i) => {
        filled = filled.replace(`{{${i + 1}}}`, b.accepted[0]!);
      });
      return question.evidence.some((id) => sentences.get(id) === filled) || entailed(filled)
        ? null
        : 'filled sentence not in the evidence';
    }
    case 'short-answer': {
      if (question.lens !== null && question.id.includes('-lens-')) return null;
      const bad = question.rubric.keyPoints.find((k) => !entailed(k.text));
      return bad ? `key point “${bad.text}”` : null;
    }
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const keyText = sentences.get(question.answer.sentenceIds[0]!) ?? '';
      if (CONTRAST.test(keyText)) return 'key sentence turns against the claim';
      return overlap(question.claim, `${evidence}`).coverage > 0
        ? null
        : 'key sentence shares nothing with the claim';
    }
    default:
      return null;
  }
}

const HARPER_KINDS = new Set([
  'Agreement',
  'Grammar',
  'Repetition',
  'WordOrder',
  'Miscellaneous',
  'Usage',
  'Nonstandard',
]);

type Checks = {
  harper: string[];
  parser: string[];
  copied: string[];
  names: string[];
  notEntailed: string[];
};

async function check(report: GenerationReport, reading: ParsedReading, linter: LocalLinter): Promise<Checks> {
  const sentences = new Map(
    reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)),
  );
  const names = namesOf(reading);
  const checks: Checks = { harper: [], parser: [], copied: [], names: [], notEntailed: [] };
  for (const question of report.questions) {
    const shown = [question.prompt];
    for (const text of shown) {
      const lints = (await linter.lint(text)).filter((l) => HARPER_KINDS.has(l.lint_kind()));
      // Harper does not know the names of the text; a lint on a capitalised word is a name, not grammar.
      const real = lints.filter(
        (l) => !/^\p{Lu}/u.test(l.get_problem_text()) || l.lint_kind() === 'Repetition',
      );
      if (real.length > 0)
        checks.harper.push(`${question.id}: ${real[0]!.message()} [${real[0]!.get_problem_text()}]`);
      const problems = grammarProblems(text.replace(/^True or false:\s*/, ''));
      if (problems.length > 0)
        checks.parser.push(`${question.id}: ${problems[0]!.rule} [${problems[0]!.at}]`);
    }
    if (copiedRun(question.prompt, reading)) checks.copied.push(question.id);
    const name = vocabularyWords(question).find((w) => wordsOf(w).some((x) => names.has(x)));
    if (name) checks.names.push(`${question.id}: ${name}`);
    const notEntailed = keyNotEntailed(question, sentences);
    if (notEntailed) checks.notEntailed.push(`${question.id}: ${notEntailed}`);
  }
  return checks;
}

// ---- Samples and hand ratings ----

function sampleOf(report: GenerationReport): Question[] {
  const questions = report.questions;
  if (questions.length <= SAMPLE) return questions;
  return Array.from({ length: SAMPLE }, (_, i) => questions[Math.floor((i * questions.length) / SAMPLE)]!);
}

function describe(question: Question, sentences: Map<string, string>): string {
  const lines = [
    `### ${question.id}`,
    '',
    `${question.type}, ${question.skill}, quality ${question.quality ?? '-'}`,
    '',
    `> ${question.prompt}`,
    '',
  ];
  switch (question.type) {
    case 'multiple-choice':
    case 'multiple-answer': {
      const keys =
        question.type === 'multiple-choice' ? [question.answer.optionId] : question.answer.optionIds;
      for (const o of question.options) lines.push(`- ${keys.includes(o.id) ? '**(key)** ' : ''}${o.text}`);
      break;
    }
    case 'true-false':
      lines.push(`- key: ${question.answer.value}`);
      break;
    case 'cloze':
      lines.push(
        `- text: ${question.text}`,
        `- bank: ${(question.wordBank ?? []).join(', ')}`,
        `- key: ${question.answer.blanks.map((b) => b.accepted.join(' / ')).join('; ')}`,
      );
      break;
    case 'short-answer':
      for (const k of question.rubric.keyPoints)
        lines.push(`- key point: ${k.text}${k.accept.length ? ` (also: ${k.accept.join('; ')})` : ''}`);
      break;
    case 'matching':
      for (const l of question.left)
        lines.push(`- ${l.text} = ${question.right.find((r) => r.id === question.answer.pairs[l.id])?.text}`);
      break;
    case 'ordering':
      question.answer.order.forEach((id, i) => {
        lines.push(`${i + 1}. ${question.items.find((x) => x.id === id)?.text}`);
      });
      break;
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      for (const o of question.options)
        lines.push(`- ${question.answer.sentenceIds.includes(o.id) ? '**(key)** ' : ''}${o.id}: ${o.text}`);
      break;
  }
  lines.push('', `evidence: ${question.evidence.map((id) => `${id} “${sentences.get(id)}”`).join(' ')}`, '');
  return lines.join('\n');
}

type Rating = 'acceptable' | 'fixable' | 'unacceptable';

function readRatings(slug: string): Map<string, Rating> {
  const file = path.join(RATINGS, `${slug}.md`);
  const ratings = new Map<string, Rating>();
  if (!existsSync(file)) return ratings;
  let current: string | null = null;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const heading = /^### (\S+)/.exec(line);
    if (heading) current = heading[1]!;
    const rating = /^rating: (acceptable|fixable|unacceptable)\b/.exec(line);
    if (rating && current) ratings.set(current, rating[1] as Rating);
  }
  return ratings;
}

function writeSamples(text: Text, reading: ParsedReading, report: GenerationReport) {
  mkdirSync(RATINGS, { recursive: true });
  const sentences = new Map(
    reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)),
  );
  const previous = readRatings(text.slug);
  const file = path.join(RATINGS, `${text.slug}.md`);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const notes = new Map<string, string>();
  for (const block of old.split(/\n(?=### )/)) {
    const id = /^### (\S+)/.exec(block)?.[1];
    const note = /^note: (.*)$/m.exec(block)?.[1];
    if (id && note) notes.set(id, note);
  }
  const body = sampleOf(report).map(
    (q) =>
      `${describe(q, sentences)}rating: ${previous.get(q.id) ?? 'unrated'}\nnote: ${notes.get(q.id) ?? ''}\n`,
  );
  writeFileSync(
    file,
    `# ${text.label}: ${SAMPLE} questions to rate\n\nWritten by \`npm run bench:questions -- --samples\` (${text.split} text). Rated by hand with \`../RATING.md\`.\n\n${body.join('\n')}`,
  );
}

// ---- Report ----

async function main() {
  const writeSamplesToo = process.argv.includes('--samples');
  console.log('# Question engine benchmark\n');
  const { loadavg, cpus } = await import('node:os');
  console.log(
    `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} at the start (times grow with the load)\n`,
  );
  // harper.js is an ES module only; this file runs as CommonJS under tsx, so import it dynamically.
  const harper = await import('harper.js');
  const { binaryInlined } = await import('harper.js/binaryInlined');
  const linter = new harper.LocalLinter({ binary: binaryInlined });
  await linter.setup();
  // Warm the libraries (compromise, WordNet's files) on a text that is not measured, so the
  // first figure of each text is its own work, not the loading of dictionaries.
  const warmUp = [
    'Sanctions work when allies apply them together, because trade has nowhere else to go. We should build coalitions that last.',
    'The treaty failed since neither government trusted the inspectors. Diplomacy cannot end a rivalry, but it can manage its risks.',
    'Economic pressure is costly and slow; its architects often underestimate how quickly a determined adversary adapts.',
  ].join('\n\n');
  generateQuestions(parseReading({ text: warmUp, format: 'text' }), { readingSlug: 'warm-up' });

  const rows: string[] = [];
  const typeRows: string[] = [];
  // `-- --only=slug,slug`: just those texts, to look at one without waiting for all.
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  for (const text of texts.filter((t) => !only || only.includes(t.slug))) {
    const reading = read(text);
    const timing = timeGeneration(reading, text.slug);
    const { report } = timing;
    const checks = await check(report, reading, linter);
    const perThousand = report.questions.length / (reading.wordCount / 1000);
    const types = QUESTION_TYPES.filter((t) => report.keptByType[t] > 0).length;
    const ratings = readRatings(text.slug);
    const sample = sampleOf(report);
    const rated = sample.map((q) => ratings.get(q.id)).filter((r): r is Rating => r !== undefined);
    const count = (r: Rating) => rated.filter((x) => x === r).length;
    const ratingCell =
      rated.length === 0
        ? 'not rated'
        : `${count('acceptable')} / ${count('fixable')} / ${count('unacceptable')}${rated.length < sample.length ? ` (${sample.length - rated.length} unrated)` : ''}`;
    rows.push(
      `| ${text.label} | ${text.split} | ${reading.wordCount} | ${report.questions.length} | ${perThousand.toFixed(1)} | ${types} | ${checks.harper.length} / ${checks.parser.length} | ${checks.copied.length} | ${checks.names.length} | ${checks.notEntailed.length} | ${timing.first.toFixed(0)} / ${timing.median.toFixed(0)} | ${ratingCell} |`,
    );
    typeRows.push(`| ${text.slug} | ${QUESTION_TYPES.map((t) => report.keptByType[t]).join(' | ')} |`);
    for (const [name, list] of Object.entries(checks) as [string, string[]][]) {
      for (const item of list.slice(0, 5)) console.log(`  ${text.slug} ${name}: ${item}`);
    }
    if (writeSamplesToo) writeSamples(text, reading, report);
  }
  console.log(
    '\n| text | split | words | kept | per 1,000 words | types | ungrammatical (Harper / parser) | copied 10-word run | proper-noun vocabulary | key not entailed | ms (first / median) | hand ratings (acceptable / fixable / unacceptable) |',
  );
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of rows) console.log(row);
  console.log(`\n| kept per type | ${QUESTION_TYPES.join(' | ')} |`);
  console.log(`| --- |${QUESTION_TYPES.map(() => ' ---: |').join('')}`);
  for (const row of typeRows) console.log(row);

  if (only) return;
  // Growth with length.
  const short = read(texts[0]!);
  const long = read(longText);
  const shortTiming = timeGeneration(short, 'growth-short');
  const longTiming = timeGeneration(long, longText.slug);
  console.log(`\n## Growth with length`);
  console.log(
    `${texts[0]!.label}: ${short.wordCount} words, first ${shortTiming.first.toFixed(0)} ms, median ${shortTiming.median.toFixed(0)} ms`,
  );
  console.log(
    `${longText.label}: ${long.wordCount} words, first ${longTiming.first.toFixed(0)} ms, median ${longTiming.median.toFixed(0)} ms, kept ${longTiming.report.questions.length}`,
  );
  console.log(
    `${(long.wordCount / short.wordCount).toFixed(1)}x the words took ${(longTiming.median / shortTiming.median).toFixed(1)}x the time (median; first runs ${(longTiming.first / shortTiming.first).toFixed(1)}x; target under 15x)`,
  );
  benchGrading();
}

function benchGrading() {
  const bank = loadAuthoredBank('burns-lead-with-diplomacy', path.join(root, 'content'));
  const questions = bank.filter((q): q is ShortAnswerQuestion => q.type === 'short-answer');
  const answers = [
    "Putin's greatest weakness is that he is diplomatically isolated, while the US has a web of allies and partners. Working with coalitions takes longer and is harder, but the results last longer and are more effective.",
    'Coalitions are faster and easier than acting alone.',
    'loneliness, alliances, coalitions, slower, harder, lasting, calculus',
    "Because making Russia great is about making Putin's cronies rich, so hitting their wallets and denying foreign investment hurts his economy.",
  ];
  const firstStart = performance.now();
  gradeShortAnswer({ rubric: questions[0]!.rubric, answer: answers[0]!, prompt: questions[0]!.prompt });
  const first = performance.now() - firstStart;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const question of questions) {
      for (const answer of answers) {
        const start = performance.now();
        gradeShortAnswer({ rubric: question.rubric, answer, prompt: question.prompt });
        times.push(performance.now() - start);
      }
    }
  }
  console.log('\n## Short-answer grading');
  console.log(
    `${times.length} gradings over ${questions.length} rubric questions: median ${median(times).toFixed(2)} ms, slowest ${Math.max(...times).toFixed(2)} ms per answer (first: ${first.toFixed(0)} ms)`,
  );
}

main();
