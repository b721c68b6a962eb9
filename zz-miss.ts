import { readFileSync, readdirSync } from 'node:fs';
import { parseReading } from './questions/reading/parse';
import { analyseReading } from './questions/generate/index';
import { readDiscourse } from './questions/generate/discourse';
const dir = '/tmp/ed/dev2';
let total = 0, found = 0; const missed: string[] = [];
for (const f of readdirSync(dir).filter((x) => x.startsWith(process.argv[2] ?? ''))) {
  const a = analyseReading(parseReading({ text: readFileSync(`${dir}/${f}`, 'utf8'), format: 'text' }), 'x');
  const d = readDiscourse(a);
  const ev = new Set(d.causes.flatMap((c) => c.evidence.map((s) => s.id)));
  for (const s of a.sentences) {
    if (!/\bbecause\b/i.test(s.text)) continue;
    total++;
    if (ev.has(s.id)) found++; else missed.push(s.text.slice(0, 220));
  }
}
console.log('because sentences', total, 'read as causes', found);
for (const m of missed.slice(0, 40)) console.log('-', m);
