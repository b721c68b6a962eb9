import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the real command line as a user would, with tsx, from the repository root. */
function run(args: string[], input?: string, cwd = process.cwd()) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'questions/cli.ts', ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, QUESTIONS_LLM_BASE_URL: '', QUESTIONS_LLM_MODEL: '' },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(path.join(tmpdir(), 'questions-cli-'));

describe('questions generate', () => {
  it('prints validated questions with the text of their evidence', () => {
    const { code, stdout } = run(['generate', 'content/burns-lead-with-diplomacy/essay.txt']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout);
    expect(output.reading.slug).toBe('burns-lead-with-diplomacy');
    expect(output.questions.length).toBeGreaterThanOrEqual(24);
    expect(output.questions[0].quality).toBeGreaterThan(0);
    const first = output.questions[0];
    expect(first.evidenceText.length).toBe(first.evidence.length);
    expect(first.evidenceText[0].text.length).toBeGreaterThan(10);
    expect(output.report.rejections).toHaveProperty('key-unsupported');
  });

  it('reads Markdown too', () => {
    const file = path.join(scratch, 'short-essay.md');
    writeFileSync(
      file,
      '# Sanctions and their limits\n\nSanctions work best when many countries apply them together. A single country that acts alone is easy to evade, because trade simply moves elsewhere.\n\nCoalitions are slow to build. Their effects, however, last longer, since each member shares the cost of enforcement.\n',
    );
    const { code, stdout } = run(['generate', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).reading.slug).toBe('short-essay');
  });

  it('fails with a message for a missing file, an empty essay or another file type', () => {
    const missing = run(['generate', path.join(scratch, 'nope.txt')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no such file');
    const empty = path.join(scratch, 'empty.txt');
    writeFileSync(empty, '  \n\n ');
    const emptyRun = run(['generate', empty]);
    expect(emptyRun.code).not.toBe(0);
    expect(emptyRun.stderr).toContain('No readable text');
    const other = run(['generate', 'package.json']);
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain('.md or .txt');
    expect(other.stdout).toBe('');
  });
});

describe('questions grade', () => {
  const lines = [
    JSON.stringify({
      questionId: 'burns-why-coalitions',
      answer:
        "Putin's biggest weakness is his diplomatic loneliness. Coalitions are slower and harder, but their effects last longer and are more effective.",
    }),
    'this is not json',
    '',
    JSON.stringify({ questionId: 'burns-no-such-question', answer: 'x' }),
    JSON.stringify({
      question: 'Why did Moscow expel 60 American diplomats?',
      reference:
        'Moscow was retaliating for the expulsion of its own diplomats; it wanted to show it would answer every Western step in kind.',
      answer: 'It was retaliation for Western countries expelling Russian diplomats.',
    }),
    JSON.stringify({ questionId: 'burns-why-sanctions', answer: '' }),
    JSON.stringify({ questionId: 'burns-biggest-vulnerability', answer: 'a' }),
  ];

  it('answers every line in order, with errors in place and a failing exit code', () => {
    const { code, stdout, stderr } = run(['grade'], `${lines.join('\n')}\n`);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(out).toHaveLength(lines.length);
    expect(out[0]).toMatchObject({ questionId: 'burns-why-coalitions', score: 0.667, correct: 'partial' });
    expect(out[0].keyPointsMet).toHaveLength(2);
    expect(out[0].feedback).toContain('Still missing');
    expect(out[1].error).toContain('not valid JSON');
    expect(out[2]).toEqual({ skipped: 'blank line' });
    expect(out[3].error).toContain('burns-no-such-question');
    // Reference mode: the reference is one key point. This answer makes it in other words; the
    // scorer does not always see it (a known gap, see the README), so only the shape is checked.
    expect(out[4].score).toBeTypeOf('number');
    expect(out[4].keyPoints).toHaveLength(1);
    expect(out[4].reference).toMatch(/^Moscow was retaliating/);
    expect(typeof out[4].needsReview).toBe('boolean');
    expect(out[5]).toMatchObject({
      questionId: 'burns-why-sanctions',
      score: 0,
      feedback: 'No answer was given.',
    });
    expect(out[6]).toMatchObject({ score: 1, correct: 'correct' });
    expect(code).toBe(1);
    expect(stderr).toContain('2 of 7 lines');
  });

  it('exits 0 when every line is graded', () => {
    const { code, stdout } = run(['grade'], `${lines[0]}\n${lines[5]}\n`);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
  });
});

describe('the engine on its own', () => {
  it('runs from a clone with app/, db/ and components/ deleted', () => {
    // The repository's tracked files, as a clone has them, less the app's folders.
    const clone = mkdtempSync(path.join(tmpdir(), 'questions-engine-only-'));
    try {
      const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0');
      for (const file of tracked) {
        if (!file || /^(app|db|components)\//.test(file)) continue;
        mkdirSync(path.join(clone, path.dirname(file)), { recursive: true });
        cpSync(file, path.join(clone, file));
      }
      symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(clone, 'node_modules'));

      const generated = run(['generate', 'content/burns-lead-with-diplomacy/essay.txt'], undefined, clone);
      expect(generated.stderr).toBe('');
      expect(generated.code).toBe(0);
      expect(JSON.parse(generated.stdout).questions.length).toBeGreaterThan(0);

      const line = JSON.stringify({
        questionId: 'burns-why-coalitions',
        answer: 'Allies make pressure last.',
      });
      const graded = run(['grade'], `${line}\n`, clone);
      expect(graded.code).toBe(0);
      expect(JSON.parse(graded.stdout)).toMatchObject({ questionId: 'burns-why-coalitions' });
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});
