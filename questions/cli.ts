import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseReading, ReadingParseError } from '@/questions/reading/parse';
import { loadAllAuthoredQuestions } from './bank';
import {
  gradeAgainstReference,
  gradeResponse,
  type InstructorExample,
  InvalidResponseError,
  type KeyPointGrade,
  type ReviewReason,
} from './grade';
import { defaultProvider } from './providers';
import type { Question } from './schema';

/**
 * The question engine from the command line, without the server or the database:
 *
 *   npm run -s questions -- generate FILE      questions for an essay (.md or .txt) as JSON
 *   npm run -s questions -- grade < lines.jsonl
 *
 * `grade` reads JSON lines and writes one JSON line per input line, in order:
 *   {"questionId": "burns-why-coalitions", "answer": "…"}          a question of the authored bank
 *   {"question": "…", "reference": "model answer", "answer": "…"}   a new question and its model answer
 *                                     ("references": [...] gives several acceptable model answers)
 * Either form may add "examples": [{"answer": "…", "score": 0.5}, …], the instructor's earlier
 * grades of answers to the same question, which the grader leans on for similar answers.
 * For an authored question of another type, "answer" is the response object
 * ({"type": "multiple-choice", "optionId": "a"}), or for multiple choice just the option id.
 * An invalid line or unknown id gets {"error": "…"} in its place and the exit code is 1 at the
 * end; an empty answer is not an error (score 0). A blank input line gets {"skipped": "blank line"}
 * so that output stays aligned with input; it is not an error.
 */

const USAGE = `Usage:
  npm run -s questions -- generate FILE     (FILE is a .md or .txt essay)
  npm run -s questions -- grade < answers.jsonl`;

const contentDir = path.join(import.meta.dirname, '..', 'content');

class UsageError extends Error {}

function slugFor(file: string): string {
  const base = path.basename(file, path.extname(file));
  const name = /^(essay|index|reading)$/i.test(base) ? path.basename(path.dirname(path.resolve(file))) : base;
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'reading'
  );
}

async function generate(file: string | undefined): Promise<number> {
  if (!file) throw new UsageError('generate needs a file: a .md or .txt essay.');
  const extension = path.extname(file).toLowerCase();
  const format =
    extension === '.md' || extension === '.markdown' ? 'markdown' : extension === '.txt' ? 'text' : null;
  if (!format)
    throw new UsageError(`${file}: unsupported file type "${extension || 'none'}"; use a .md or .txt file.`);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file.`);
  const reading = parseReading({ text: readFileSync(file, 'utf8'), format });
  const readingSlug = slugFor(file);
  const provider = defaultProvider();
  const report = await provider.generate(reading, { readingSlug });
  const sentences = new Map(
    reading.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)),
  );
  const output = {
    reading: {
      slug: readingSlug,
      title: reading.title,
      author: reading.author,
      wordCount: reading.wordCount,
    },
    provider: provider.name,
    questions: report.questions.map((q) => ({
      ...q,
      evidenceText: q.evidence.map((id) => ({ id, text: sentences.get(id) ?? '' })),
    })),
    report: {
      candidates: report.candidates,
      passed: report.passed,
      kept: report.questions.length,
      keptByType: report.keptByType,
      rejections: report.rejections,
      paragraphCoverage: report.paragraphCoverage,
    },
  };
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  return 0;
}

type GradeLine = Record<string, unknown>;

function responseFor(question: Question, answer: unknown): unknown {
  if (typeof answer !== 'string') return answer;
  switch (question.type) {
    case 'short-answer':
      return { type: 'short-answer', text: answer };
    case 'multiple-choice':
      return { type: 'multiple-choice', optionId: answer };
    case 'true-false':
      return { type: 'true-false', value: /^(true|t|yes)$/i.test(answer.trim()) };
    default:
      throw new InvalidResponseError(
        `Question ${question.id} is ${question.type}: give "answer" as a response object`,
      );
  }
}

const exampleSchema = z.array(
  z.object({
    answer: z.string(),
    score: z.number().min(0).max(1),
    keyPoints: z.record(z.string(), z.enum(['met', 'partly', 'missed'])).optional(),
  }),
);

function examplesOf(line: GradeLine): InstructorExample[] | { error: string } {
  if (line.examples === undefined) return [];
  const parsed = exampleSchema.safeParse(line.examples);
  if (!parsed.success) {
    return {
      error: '"examples" must be a list of {"answer": string, "score": 0 to 1, "keyPoints"?: {id: status}}',
    };
  }
  return parsed.data;
}

function gradeLine(line: GradeLine, bank: Map<string, Question>): Record<string, unknown> {
  const outcome = (grade: {
    score: number;
    correct: string;
    feedback: string;
    keyPointsMet: { text: string }[];
    keyPointsMissed: { text: string }[];
    keyPointsContradicted: { text: string }[];
    keyPoints: KeyPointGrade[];
    needsReview: boolean;
    reviewReasons: ReviewReason[];
  }) => ({
    score: grade.score,
    correct: grade.correct,
    needsReview: grade.needsReview,
    ...(grade.needsReview ? { reviewReasons: grade.reviewReasons } : {}),
    keyPointsMet: grade.keyPointsMet.map((k) => k.text),
    keyPointsMissed: grade.keyPointsMissed.map((k) => k.text),
    keyPointsContradicted: grade.keyPointsContradicted.map((k) => k.text),
    keyPoints: grade.keyPoints.map((k) => ({ id: k.id, status: k.status, probability: k.probability })),
    feedback: grade.feedback,
  });
  const examples = examplesOf(line);
  if ('error' in examples) return examples;
  if (typeof line.questionId === 'string') {
    const question = bank.get(line.questionId);
    if (!question) return { error: `No authored question has the id "${line.questionId}"` };
    if (line.answer === undefined) return { error: 'The line has no "answer"' };
    return {
      questionId: question.id,
      ...outcome(gradeResponse(question, responseFor(question, line.answer), { examples })),
    };
  }
  const references =
    typeof line.reference === 'string'
      ? [line.reference]
      : Array.isArray(line.references) && line.references.every((r) => typeof r === 'string')
        ? (line.references as string[])
        : null;
  if (typeof line.question === 'string' && references) {
    if (typeof line.answer !== 'string') return { error: '"answer" must be a string' };
    if (!references.some((r) => r.trim())) return { error: '"reference" is empty' };
    const { rubric, ...grade } = gradeAgainstReference({
      question: line.question,
      reference: references,
      answer: line.answer,
      examples,
    });
    return {
      ...outcome(grade),
      keyPoints: grade.keyPoints.map((k) => ({ id: k.id, status: k.status, probability: k.probability })),
      reference: rubric.keyPoints[0]!.text,
    };
  }
  return { error: 'A line needs "questionId" and "answer", or "question", "reference" and "answer"' };
}

async function grade(): Promise<number> {
  const input = readFileSync(0, 'utf8');
  const lines = input.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const bank = loadAllAuthoredQuestions(contentDir);
  let failed = 0;
  lines.forEach((text, index) => {
    let result: Record<string, unknown>;
    if (!text.trim()) {
      result = { skipped: 'blank line' };
    } else {
      try {
        const parsed: unknown = JSON.parse(text);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
          result = { error: `Line ${index + 1} is not a JSON object` };
        } else {
          result = gradeLine(parsed as GradeLine, bank);
        }
      } catch (error) {
        result =
          error instanceof SyntaxError
            ? { error: `Line ${index + 1} is not valid JSON: ${error.message}` }
            : error instanceof InvalidResponseError
              ? { error: error.message }
              : { error: `Line ${index + 1} could not be graded: ${(error as Error).message}` };
      }
    }
    if ('error' in result) failed++;
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
  if (failed > 0) process.stderr.write(`${failed} of ${lines.length} lines could not be graded.\n`);
  return failed > 0 ? 1 : 0;
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'generate') return await generate(rest[0]);
    if (command === 'grade') return await grade();
    throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ReadingParseError) {
      process.stderr.write(`${rest[0]}: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
