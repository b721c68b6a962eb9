import { readFileSync } from 'node:fs';
import { parseReading } from './questions/reading/parse';
import { analyseReading, draftQuestions, selectQuestions } from './questions/generate/index';
import { readDiscourse } from './questions/generate/discourse';
const [file, template] = process.argv.slice(2);
const reading = parseReading({ text: readFileSync(file!, 'utf8'), format: 'text' });
const analysis = analyseReading(reading, 'x');
const d = readDiscourse(analysis);
if (template === 'disc') {
  for (const r of d.recommendations) console.log('REC', r.kind ?? '', '|', (r as any).actor ?? '', '|', (r as any).action ?? '', '|', r.sentence.text.slice(0, 120));
  for (const c of d.causes) console.log('CAUSE', JSON.stringify(c).slice(0, 240));
  process.exit(0);
}
const drafts = draftQuestions(analysis);
const report = selectQuestions(analysis, drafts.map((x) => ({ raw: x.question as unknown, quality: x.quality, template: x.template })), { readingSlug: 'x' });
const kept = new Set(report.questions.map((q) => q.id));
const rej = new Map(report.rejected.map((r) => [r.id, `${r.validator}: ${r.reason}`]));
for (const x of drafts) {
  if (template && x.template !== template) continue;
  const q = x.question as any;
  console.log(kept.has(q.id) ? 'KEPT' : 'DROP', x.template, x.quality.toFixed(2), '|', q.prompt, '|', rej.get(q.id) ?? (kept.has(q.id) ? '' : 'not selected (cap/dup/quality)'));
}
