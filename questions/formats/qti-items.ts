import type { Question, QuestionOf } from '../schema';
import {
  childrenNamed,
  el,
  firstNamed,
  folded,
  jsonComment,
  type QtiVersion,
  serialise,
  textOf,
  type XmlNode,
} from './qti-xml';
import { statecraftRecord } from './to-bank';
import type { ExportNote, ReadQuestion } from './types';

/**
 * One question as one QTI assessment item, and back. Each type of the app is written as the
 * interaction that holds it (choice, order, match, gap match, text entry, hottext, extended text),
 * scored by the standard response processing templates where one fits (match_correct for one
 * right answer or order, map_response for partial credit), by a few standard expressions where
 * none does (several text entries, the evidence part of claim-evidence-reasoning), and left to a
 * human scorer, with the key points in a scorer's rubric block, where QTI has no automatic
 * scoring (written answers). What the item cannot hold (skill, difficulty, evidence sentences,
 * explanation, feedback on choices, the whole rubric) is in one comment before the item,
 * `<!-- statecraft {…} -->`: other tools ignore comments; importing the package back restores it.
 */

export const NS = {
  '3.0': 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0',
  '2.1': 'http://www.imsglobal.org/xsd/imsqti_v2p1',
} as const;
const SCHEMA_LOCATION = {
  '3.0':
    'http://www.imsglobal.org/xsd/imsqtiasi_v3p0 https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd',
  '2.1': 'http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd',
} as const;
const TEMPLATE = {
  '3.0': (name: string) => `https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/${name}.xml`,
  '2.1': (name: string) => `http://www.imsglobal.org/question/qti_v2p1/rptemplates/${name}`,
} as const;

export const META_LABEL = 'statecraft';

type ItemNote = Omit<ExportNote, 'questionId' | 'type'>;

/** An identifier QTI accepts (an NCName): an id starting with a digit gets a letter in front. */
const ident = (id: string, prefix = 'C-') => (/^[A-Za-z_][\w.-]*$/.test(id) ? id : `${prefix}${id}`);
const share = (n: number) => String(Math.round((1 / n) * 10_000) / 10_000);
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => el('p', {}, [t]));

function responseDeclaration(
  id: string,
  cardinality: 'single' | 'multiple' | 'ordered',
  baseType: string,
  correct: string[],
  mapping?: {
    entries: [string, string][];
    lowerBound?: number;
    upperBound?: number;
    caseSensitive?: boolean;
  },
): XmlNode {
  return el('responseDeclaration', { identifier: id, cardinality, baseType }, [
    correct.length > 0 &&
      el(
        'correctResponse',
        {},
        correct.map((v) => el('value', {}, [v])),
      ),
    mapping &&
      el(
        'mapping',
        { lowerBound: mapping.lowerBound, upperBound: mapping.upperBound, defaultValue: 0 },
        mapping.entries.map(([key, value]) =>
          el('mapEntry', {
            mapKey: key,
            mappedValue: value,
            caseSensitive: mapping.caseSensitive === undefined ? undefined : String(mapping.caseSensitive),
          }),
        ),
      ),
  ]);
}

/** Pairs to make (matching, gaps): each right pair earns its share, for partial credit. */
const pairsDeclaration = (pairs: string[]) =>
  responseDeclaration('RESPONSE', 'multiple', 'directedPair', pairs, {
    lowerBound: 0,
    upperBound: 1,
    entries: pairs.map((p) => [p, share(pairs.length)]),
  });

const scoreDeclaration = () =>
  el('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' }, [
    el('defaultValue', {}, [el('value', {}, ['0'])]),
  ]);

const template = (version: QtiVersion, name: 'match_correct' | 'map_response') =>
  el('responseProcessing', { template: TEMPLATE[version](name) });

const setScore = (expression: XmlNode) =>
  el('responseProcessing', {}, [el('setOutcomeValue', { identifier: 'SCORE' }, [expression])]);

/** Key points and a model answer for whoever scores a written answer by hand. */
function scorerRubric(modelAnswer: string, points: { text: string; accept: string[] }[]): XmlNode {
  return el('rubricBlock', { use: 'scoring', view: 'scorer' }, [
    el('contentBody', {}, [
      el('p', {}, [`Model answer: ${modelAnswer}`]),
      el('p', {}, ['Key points:']),
      el(
        'ul',
        {},
        points.map((p) =>
          el('li', {}, [p.accept.length ? `${p.text} (also: ${p.accept.join('; ')})` : p.text]),
        ),
      ),
    ]),
  ]);
}

function hottexts(options: { id: string; text: string }[]): XmlNode[] {
  return options.map((o) => el('p', {}, [el('hottext', { identifier: ident(o.id, 'S-') }, [o.text])]));
}

type Built = { declarations: XmlNode[]; body: XmlNode[]; processing: XmlNode | null; notes: ItemNote[] };

function build(q: Question, version: QtiVersion): Built {
  const prompt = el('prompt', {}, [q.prompt]);
  switch (q.type) {
    case 'multiple-choice':
      return {
        declarations: [responseDeclaration('RESPONSE', 'single', 'identifier', [ident(q.answer.optionId)])],
        body: [
          el('choiceInteraction', { responseIdentifier: 'RESPONSE', shuffle: false, maxChoices: 1 }, [
            prompt,
            ...q.options.map((o) => el('simpleChoice', { identifier: ident(o.id) }, [o.text])),
          ]),
        ],
        processing: template(version, 'match_correct'),
        notes: [],
      };
    case 'multiple-answer': {
      const right = q.answer.optionIds.length;
      const wrong = q.options.length - right;
      return {
        declarations: [
          responseDeclaration(
            'RESPONSE',
            'multiple',
            'identifier',
            q.answer.optionIds.map((id) => ident(id)),
            {
              lowerBound: 0,
              upperBound: 1,
              entries: q.options.map((o) => [
                ident(o.id),
                q.answer.optionIds.includes(o.id) ? share(right) : `-${share(Math.max(wrong, 1))}`,
              ]),
            },
          ),
        ],
        body: [
          el(
            'choiceInteraction',
            { responseIdentifier: 'RESPONSE', shuffle: false, maxChoices: q.options.length },
            [prompt, ...q.options.map((o) => el('simpleChoice', { identifier: ident(o.id) }, [o.text]))],
          ),
        ],
        processing: template(version, 'map_response'),
        notes: [],
      };
    }
    case 'true-false':
      return {
        declarations: [responseDeclaration('RESPONSE', 'single', 'identifier', [String(q.answer.value)])],
        body: [
          el('choiceInteraction', { responseIdentifier: 'RESPONSE', shuffle: false, maxChoices: 1 }, [
            el('prompt', {}, [q.prompt.includes(q.statement) ? q.prompt : `${q.prompt} ${q.statement}`]),
            el('simpleChoice', { identifier: 'true' }, ['True']),
            el('simpleChoice', { identifier: 'false' }, ['False']),
          ]),
        ],
        processing: template(version, 'match_correct'),
        notes: [
          {
            kind: 'converted',
            message: 'True/false → a choice of True and False (QTI has no true/false interaction).',
          },
        ],
      };
    case 'cloze':
      return q.wordBank?.length ? gapMatch(q, version) : textEntries(q, version);
    case 'short-answer':
      return {
        declarations: [responseDeclaration('RESPONSE', 'single', 'string', [])],
        body: [
          el('extendedTextInteraction', { responseIdentifier: 'RESPONSE' }, [prompt]),
          scorerRubric(q.modelAnswer, q.rubric.keyPoints),
        ],
        processing: null,
        notes: [
          {
            kind: 'changed',
            message:
              'Short answer → extended text, scored by hand in other tools: the model answer and key points are in a scorer’s rubric block.',
          },
        ],
      };
    case 'matching': {
      const pairs = Object.entries(q.answer.pairs).map(([l, r]) => `${ident(l, 'L-')} ${ident(r, 'R-')}`);
      // Terms and definitions share one item, where identifiers must differ: each side has its letter.
      return {
        declarations: [pairsDeclaration(pairs)],
        body: [
          el(
            'matchInteraction',
            { responseIdentifier: 'RESPONSE', shuffle: false, maxAssociations: q.left.length },
            [
              prompt,
              el(
                'simpleMatchSet',
                {},
                q.left.map((o) =>
                  el('simpleAssociableChoice', { identifier: `L-${o.id}`, matchMax: 1 }, [o.text]),
                ),
              ),
              el(
                'simpleMatchSet',
                {},
                q.right.map((o) =>
                  el('simpleAssociableChoice', { identifier: `R-${o.id}`, matchMax: 1 }, [o.text]),
                ),
              ),
            ],
          ),
        ],
        processing: template(version, 'map_response'),
        notes: [],
      };
    }
    case 'ordering':
      return {
        declarations: [
          responseDeclaration(
            'RESPONSE',
            'ordered',
            'identifier',
            q.answer.order.map((id) => ident(id)),
          ),
        ],
        body: [
          el('orderInteraction', { responseIdentifier: 'RESPONSE', shuffle: false }, [
            prompt,
            ...q.items.map((o) => el('simpleChoice', { identifier: ident(o.id) }, [o.text])),
          ]),
        ],
        processing: template(version, 'match_correct'),
        notes: [],
      };
    case 'select-evidence':
    case 'claim-evidence-reasoning': {
      const keys = q.answer.sentenceIds.map((id) => ident(id, 'S-'));
      const evidence = responseDeclaration('RESPONSE', 'single', 'identifier', keys.slice(0, 1), {
        upperBound: 1,
        entries: keys.map((k) => [k, '1']),
      });
      // The prompt is a paragraph of the body, not the interaction's prompt: players (Citolab's) show
      // no prompt inside a hottext interaction.
      const body = [
        ...paragraphs(q.prompt),
        el('p', { class: 'claim' }, [`Claim: ${q.claim}`]),
        el('hottextInteraction', { responseIdentifier: 'RESPONSE', maxChoices: 1 }, hottexts(q.options)),
      ];
      const notes: ItemNote[] =
        keys.length > 1
          ? [
              {
                kind: 'changed',
                message: `${keys.length} sentences are right: the correct response names the first, and each scores full marks.`,
              },
            ]
          : [];
      if (q.type === 'select-evidence')
        return { declarations: [evidence], body, processing: template(version, 'map_response'), notes };
      return {
        declarations: [evidence, responseDeclaration('REASONING', 'single', 'string', [])],
        body: [
          ...body,
          el('extendedTextInteraction', { responseIdentifier: 'REASONING' }, [
            el('prompt', {}, ['Explain how the sentence you chose supports the claim.']),
          ]),
          scorerRubric(q.modelAnswer, q.rubric.keyPoints),
        ],
        processing: setScore(
          el('product', {}, [
            el('mapResponse', { identifier: 'RESPONSE' }, []),
            el('baseValue', { baseType: 'float' }, [String(q.weights.evidence)]),
          ]),
        ),
        notes: [
          ...notes,
          {
            kind: 'changed',
            message: `The evidence part is scored (${Math.round(q.weights.evidence * 100)}% of the marks); the written reasoning is scored by hand in other tools, from the scorer’s rubric block.`,
          },
        ],
      };
    }
  }
}

const gapId = (n: number) => `G${n}`;

/** The cloze's text with each {{n}} as `inline(n)`, in one paragraph per paragraph of the text. */
function withBlanks(text: string, inline: (n: number) => XmlNode): XmlNode[] {
  return text
    .split(/\n\s*\n/)
    .filter((t) => t.trim())
    .map((part) =>
      el(
        'p',
        {},
        part
          .split(/(\{\{\d+\}\})/)
          .filter(Boolean)
          .map((piece) => {
            const m = /^\{\{(\d+)\}\}$/.exec(piece);
            return m ? inline(Number(m[1])) : piece;
          }),
      ),
    );
}

function gapMatch(q: QuestionOf<'cloze'>, version: QtiVersion): Built {
  const words = [...(q.wordBank ?? [])];
  const notes: ItemNote[] = [];
  const chosen = q.answer.blanks.map((blank, i) => {
    let index = words.findIndex((w) => blank.accepted.includes(w));
    if (index < 0) {
      words.push(blank.accepted[0] ?? '');
      index = words.length - 1;
      notes.push({
        kind: 'changed',
        message: `Blank ${i + 1}'s answer is not in the word bank; it is added to it.`,
      });
    }
    return index;
  });
  if (q.answer.blanks.some((b) => b.accepted.length > 1))
    notes.push({
      kind: 'changed',
      message:
        'A blank with several accepted answers: a gap takes one word of the bank, the first that fits.',
    });
  const pairs = chosen.map((w, i) => `W${w + 1} ${gapId(i + 1)}`);
  return {
    declarations: [pairsDeclaration(pairs)],
    body: [
      el('gapMatchInteraction', { responseIdentifier: 'RESPONSE', shuffle: false }, [
        el('prompt', {}, [q.prompt]),
        ...words.map((w, i) =>
          el(
            'gapText',
            { identifier: `W${i + 1}`, matchMax: Math.max(1, chosen.filter((c) => c === i).length) },
            [w],
          ),
        ),
        ...withBlanks(q.text, (n) => el('gap', { identifier: gapId(n) })),
      ]),
    ],
    processing: template(version, 'map_response'),
    notes,
  };
}

function textEntries(q: QuestionOf<'cloze'>, version: QtiVersion): Built {
  const n = q.answer.blanks.length;
  const responseId = (i: number) => (n === 1 ? 'RESPONSE' : `RESPONSE_${i}`);
  const longest = Math.max(...q.answer.blanks.flatMap((b) => b.accepted.map((a) => a.length)));
  return {
    declarations: q.answer.blanks.map((b, i) =>
      responseDeclaration(responseId(i + 1), 'single', 'string', b.accepted.slice(0, 1), {
        caseSensitive: false,
        entries: b.accepted.map((a) => [a, '1']),
      }),
    ),
    body: [
      ...paragraphs(q.prompt),
      ...withBlanks(q.text, (k) =>
        el('textEntryInteraction', {
          responseIdentifier: responseId(k),
          expectedLength: Math.max(8, longest),
        }),
      ),
    ],
    processing:
      n === 1
        ? template(version, 'map_response')
        : setScore(
            el(
              'sum',
              {},
              q.answer.blanks.map((_, i) => el('mapResponse', { identifier: responseId(i + 1) })),
            ),
          ),
    notes: [],
  };
}

/** What the comment keeps of a question: everything but what the item says itself. */
function metaOf(q: Question): Record<string, unknown> {
  const extra: Record<string, unknown> = { prompt: q.prompt, explanation: q.explanation };
  if (q.type === 'multiple-choice' || q.type === 'multiple-answer')
    extra.feedback = Object.fromEntries(
      q.options.filter((o) => o.feedback).map((o) => [ident(o.id), o.feedback]),
    );
  if (q.type === 'true-false') extra.statement = q.statement;
  if (q.type === 'cloze') Object.assign(extra, { blanks: q.answer.blanks, wordBank: q.wordBank ?? null });
  if (q.type === 'short-answer' || q.type === 'claim-evidence-reasoning')
    Object.assign(extra, { rubric: q.rubric, modelAnswer: q.modelAnswer });
  if (q.type === 'claim-evidence-reasoning') extra.weights = q.weights;
  if (q.type === 'select-evidence' || q.type === 'claim-evidence-reasoning')
    extra.sentenceIds = q.answer.sentenceIds;
  return statecraftRecord(q, extra);
}

/** What changes when a question is written as an item, without writing it (the bank page's summary). */
export const itemNotes = (q: Question, version: QtiVersion): ItemNote[] => build(q, version).notes;

/** One question as the text of a QTI item file of `version`, and what changed on the way. */
export function questionToItem(
  q: Question,
  identifier: string,
  version: QtiVersion,
): { xml: string; notes: ItemNote[] } {
  const { declarations, body, processing, notes } = build(q, version);
  const root = el(
    'assessmentItem',
    {
      xmlns: NS[version],
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': SCHEMA_LOCATION[version],
      identifier,
      title: folded(q.prompt).slice(0, 80),
      adaptive: false,
      timeDependent: false,
      'xml:lang': 'en',
    },
    [...declarations, scoreDeclaration(), el('itemBody', {}, body), processing],
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${jsonComment(META_LABEL, metaOf(q))}\n${serialise(root, version)}\n`;
  return { xml, notes };
}

// ---- Reading an item ----

type Declaration = {
  cardinality: string;
  baseType: string;
  correct: string[];
  mapped: { key: string; value: number }[];
};

function declarations(root: XmlNode): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  for (const d of childrenNamed(root, 'responseDeclaration')) {
    const correct = firstNamed(d, 'correctResponse');
    const mapping = firstNamed(d, 'mapping');
    out.set(d.attrs.identifier ?? '', {
      cardinality: d.attrs.cardinality ?? 'single',
      baseType: d.attrs.baseType ?? '',
      correct: correct ? childrenNamed(correct, 'value').map((v) => folded(textOf(v))) : [],
      mapped: mapping
        ? childrenNamed(mapping, 'mapEntry').map((e) => ({
            key: e.attrs.mapKey ?? '',
            value: Number(e.attrs.mappedValue ?? 0),
          }))
        : [],
    });
  }
  return out;
}

/** The interactions a question of the app can come from… */
const READABLE = new Set([
  'choiceInteraction',
  'orderInteraction',
  'matchInteraction',
  'associateInteraction',
  'gapMatchInteraction',
  'textEntryInteraction',
  'extendedTextInteraction',
  'hottextInteraction',
]);
/** …and every interaction of QTI, to name the others. */
const INTERACTIONS = [
  ...READABLE,
  'inlineChoiceInteraction',
  'sliderInteraction',
  'hotspotInteraction',
  'graphicGapMatchInteraction',
  'graphicOrderInteraction',
  'graphicAssociateInteraction',
  'selectPointInteraction',
  'positionObjectInteraction',
  'uploadInteraction',
  'drawingInteraction',
  'mediaInteraction',
  'customInteraction',
  'portableCustomInteraction',
  'endAttemptInteraction',
];
const NOT_TEXT = new Set([
  ...INTERACTIONS,
  'rubricBlock',
  'prompt',
  'modalFeedback',
  'feedbackBlock',
  'templateBlock',
]);

const OPTION_ID = /^[A-Za-z0-9][\w.-]{0,39}$/;
const SENTENCE_ID = /^p\d+\.s\d+$/;

/** Identifiers as option ids: kept when the app accepts them, else numbered (o1, o2…). */
function optionIds(ids: string[], strip = ''): Map<string, string> {
  const bare = ids.map((id) => (strip && id.startsWith(strip) ? id.slice(strip.length) : id));
  const usable = bare.every((id) => OPTION_ID.test(id)) && new Set(bare).size === bare.length;
  return new Map(ids.map((id, i) => [id, usable ? (bare[i] as string) : `o${i + 1}`]));
}

type Meta = { type?: string; extra?: Record<string, unknown> } & Record<string, unknown>;

function readMeta(comments: string[]): Meta | null {
  for (const c of comments) {
    const text = c.trim();
    if (!text.startsWith(`${META_LABEL} `)) continue;
    try {
      const value = JSON.parse(text.slice(META_LABEL.length + 1)) as unknown;
      if (value && typeof value === 'object' && (value as Meta).v === 1) return value as Meta;
    } catch {
      return null;
    }
  }
  return null;
}

const scorerText = (root: XmlNode) =>
  childrenNamed(root, 'rubricBlock', true).filter((r) =>
    (r.attrs.view ?? '').split(/\s+/).includes('scorer'),
  );

/** A model answer and key points from a scorer's rubric block as this module writes it (or any list). */
function rubricFrom(root: XmlNode): { modelAnswer: string; points: string[] } | null {
  const [block] = scorerText(root);
  if (!block) return null;
  const paragraphs = childrenNamed(block, 'p', true).map((p) => folded(textOf(p)));
  const model = paragraphs.find((p) => /^model answer:/i.test(p))?.replace(/^model answer:\s*/i, '');
  const points = childrenNamed(block, 'li', true).map((li) =>
    folded(textOf(li)).replace(/\s*\(also: [^)]*\)$/, ''),
  );
  const all = folded(textOf(block));
  if (!model && points.length === 0) return all ? { modelAnswer: all, points: [all.slice(0, 2000)] } : null;
  return { modelAnswer: model ?? points.join('; '), points: points.length ? points : [model ?? ''] };
}

export type ItemRead = { question: ReadQuestion } | { skip: string };

/**
 * An assessment item (either version, already parsed into the 2.1-named tree) as a question of the
 * app, or why it cannot be one. `position` is its place in the package, shown as its "line".
 */
export function itemToQuestion(root: XmlNode, comments: string[], position: number): ItemRead {
  if (root.name !== 'assessmentItem') return { skip: `A ${root.name} element, not an assessment item.` };
  const body = firstNamed(root, 'itemBody');
  if (!body) return { skip: 'The item has no item body.' };
  const decls = declarations(root);
  const found = INTERACTIONS.flatMap((name) => childrenNamed(body, name, true));
  const kinds = new Set(found.map((f) => f.name));
  const title = root.attrs.title ?? null;
  const meta = readMeta(comments);
  const notes: string[] = [];
  const unsupported = [...kinds].filter((k) => !READABLE.has(k));
  if (found.length === 0) return { skip: 'The item has no interaction (nothing to answer).' };
  if (unsupported.length)
    return { skip: `${unsupported.join(', ')}: no question type of the app answers like this.` };
  const promptOf = (interaction: XmlNode) => {
    const own = firstNamed(interaction, 'prompt');
    const outside = folded(textOf(body, NOT_TEXT));
    return folded([outside, own ? textOf(own) : ''].filter(Boolean).join(' '));
  };
  const decl = (interaction: XmlNode) => decls.get(interaction.attrs.responseIdentifier ?? '');
  const bodyOf = (fields: ReadQuestion['body']): ItemRead => {
    const stem = fields.prompt;
    const restored = applyMeta(fields, meta, notes);
    return {
      question: {
        line: position,
        title,
        stem,
        body: restored.body,
        notes,
        meta: restored.meta,
      },
    };
  };
  const only = (name: string) => kinds.size === 1 && kinds.has(name);
  const [first] = found as [XmlNode];

  if (only('choiceInteraction') && found.length === 1) {
    const d = decl(first);
    const choices = childrenNamed(first, 'simpleChoice').map((c) => ({
      identifier: c.attrs.identifier ?? '',
      text: folded(textOf(c, new Set(['feedbackInline']))),
    }));
    const ids = optionIds(choices.map((c) => c.identifier));
    const options = choices.map((c) => ({ id: ids.get(c.identifier) as string, text: c.text }));
    let keys = (d?.correct ?? []).map((k) => ids.get(k)).filter((k): k is string => Boolean(k));
    if (keys.length === 0 && d)
      keys = d.mapped
        .filter((m) => m.value > 0)
        .map((m) => ids.get(m.key) ?? '')
        .filter(Boolean);
    if (keys.length === 0) return { skip: 'A choice question without a correct response.' };
    const prompt = promptOf(first);
    const multiple = d?.cardinality === 'multiple' || Number(first.attrs.maxChoices ?? 1) !== 1;
    const texts = choices.map((c) => c.text.toLowerCase());
    if (!multiple && texts.length === 2 && texts.includes('true') && texts.includes('false')) {
      const right = choices.find((c) => ids.get(c.identifier) === keys[0])?.text.toLowerCase() === 'true';
      return bodyOf({ type: 'true-false', prompt, statement: prompt, answer: { value: right } });
    }
    if (multiple && keys.length > 1)
      return bodyOf({ type: 'multiple-answer', prompt, options, answer: { optionIds: keys } });
    if (multiple) notes.push('A choice of several answers with one right: read as multiple choice.');
    return bodyOf({ type: 'multiple-choice', prompt, options, answer: { optionId: keys[0] } });
  }

  if (only('orderInteraction') && found.length === 1) {
    const choices = childrenNamed(first, 'simpleChoice');
    const ids = optionIds(choices.map((c) => c.attrs.identifier ?? ''));
    const order = (decl(first)?.correct ?? []).map((k) => ids.get(k) ?? '');
    if (order.length === 0) return { skip: 'An order question without a correct order.' };
    return bodyOf({
      type: 'ordering',
      prompt: promptOf(first),
      items: choices.map((c) => ({
        id: ids.get(c.attrs.identifier ?? '') as string,
        text: folded(textOf(c)),
      })),
      answer: { order },
    });
  }

  if ((only('matchInteraction') || only('associateInteraction')) && found.length === 1) {
    const d = decl(first);
    const pairs = (
      d?.correct.length ? d.correct : (d?.mapped.filter((m) => m.value > 0).map((m) => m.key) ?? [])
    ).map((p) => p.split(/\s+/) as [string, string]);
    if (pairs.length === 0) return { skip: 'A matching question without correct pairs.' };
    let leftChoices: XmlNode[];
    let rightChoices: XmlNode[];
    if (first.name === 'matchInteraction') {
      const sets = childrenNamed(first, 'simpleMatchSet');
      leftChoices = sets[0] ? childrenNamed(sets[0], 'simpleAssociableChoice') : [];
      rightChoices = sets[1] ? childrenNamed(sets[1], 'simpleAssociableChoice') : [];
    } else {
      // An associate interaction has one set; the first of each correct pair is taken as the term.
      const all = childrenNamed(first, 'simpleAssociableChoice');
      const terms = new Set(pairs.map((p) => p[0]));
      leftChoices = all.filter((c) => terms.has(c.attrs.identifier ?? ''));
      rightChoices = all.filter((c) => !terms.has(c.attrs.identifier ?? ''));
      notes.push('Associate (pairs in one set) → matching: the first of each correct pair is the term.');
    }
    const left = optionIds(
      leftChoices.map((c) => c.attrs.identifier ?? ''),
      'L-',
    );
    const right = optionIds(
      rightChoices.map((c) => c.attrs.identifier ?? ''),
      'R-',
    );
    return bodyOf({
      type: 'matching',
      prompt: promptOf(first),
      left: leftChoices.map((c) => ({
        id: left.get(c.attrs.identifier ?? '') as string,
        text: folded(textOf(c)),
      })),
      right: rightChoices.map((c) => ({
        id: right.get(c.attrs.identifier ?? '') as string,
        text: folded(textOf(c)),
      })),
      answer: { pairs: Object.fromEntries(pairs.map(([l, r]) => [left.get(l) ?? l, right.get(r) ?? r])) },
    });
  }

  if (only('gapMatchInteraction') && found.length === 1) {
    const words = childrenNamed(first, 'gapText').map((g) => ({
      id: g.attrs.identifier ?? '',
      text: folded(textOf(g)),
    }));
    const gaps: string[] = childrenNamed(first, 'gap', true).map((g) => g.attrs.identifier ?? '');
    const d = decl(first);
    const pairs = (d?.correct ?? []).map((p) => p.split(/\s+/) as [string, string]);
    const blanks = gaps.map((gap) => {
      const pair = pairs.find((p) => p[1] === gap);
      const word = words.find((w) => w.id === pair?.[0])?.text;
      return word ? { accepted: [word] } : null;
    });
    if (blanks.some((b) => b === null)) return { skip: 'A gap without its correct word.' };
    const text = blankText(first, (n) => n.name === 'gap', gaps);
    return bodyOf({
      type: 'cloze',
      prompt:
        folded(textOf(firstNamed(first, 'prompt') ?? el('p'))) ||
        folded(textOf(body, new Set([...NOT_TEXT, 'p']))),
      text,
      wordBank: words.map((w) => w.text),
      answer: { blanks },
    });
  }

  if (only('textEntryInteraction')) {
    const ids = found.map((f) => f.attrs.responseIdentifier ?? '');
    const blanks = ids.map((id) => {
      const d = decls.get(id);
      const accepted = [
        ...new Set([
          ...(d?.correct ?? []),
          ...(d?.mapped.filter((m) => m.value > 0).map((m) => m.key) ?? []),
        ]),
      ];
      return accepted.length ? { accepted } : null;
    });
    if (blanks.some((b) => b === null)) return { skip: 'A text entry without a correct answer.' };
    // The paragraphs holding the entries are the cloze text; the others are the prompt.
    const holding = childrenNamed(body, 'p', true).filter(
      (p) => childrenNamed(p, 'textEntryInteraction', true).length,
    );
    const text = holding.map((p) => blankText(p, (n) => n.name === 'textEntryInteraction', ids)).join('\n\n');
    const prompt = folded(
      body.children
        .filter((c) => typeof c === 'string' || !holding.includes(c))
        .map((c) => textOf(c, NOT_TEXT))
        .join(' '),
    );
    return bodyOf({ type: 'cloze', prompt: prompt || 'Fill in the blanks.', text, answer: { blanks } });
  }

  if (only('extendedTextInteraction') && found.length === 1) {
    const rubric = rubricFrom(body);
    const fromMeta = meta?.extra?.rubric;
    if (!rubric && !fromMeta)
      return {
        skip: 'An essay question without a model answer or key points (a scorer’s rubric block): the app needs them to grade it.',
      };
    return bodyOf({
      type: 'short-answer',
      prompt: promptOf(first),
      modelAnswer: rubric?.modelAnswer,
      rubric: rubric ? { keyPoints: rubric.points.map((text, i) => ({ id: `k${i + 1}`, text })) } : undefined,
    });
  }

  const hottext = found.find((f) => f.name === 'hottextInteraction');
  const essay = found.filter((f) => f.name === 'extendedTextInteraction');
  if (hottext && found.length === 1 + essay.length && essay.length <= 1) {
    const spots = childrenNamed(hottext, 'hottext', true).map((h) => ({
      identifier: h.attrs.identifier ?? '',
      text: folded(textOf(h)),
    }));
    const d = decl(hottext);
    const keys = [
      ...new Set([...(d?.correct ?? []), ...(d?.mapped.filter((m) => m.value > 0).map((m) => m.key) ?? [])]),
    ];
    if (keys.length === 0) return { skip: 'A hottext question without a correct response.' };
    const bare = (id: string) => id.replace(/^S-/, '');
    const claimNode = childrenNamed(body, 'p', true).find((p) =>
      (p.attrs.class ?? '').split(/\s+/).includes('claim'),
    );
    const claim = claimNode ? folded(textOf(claimNode)).replace(/^Claim:\s*/, '') : '';
    const ownPrompt = firstNamed(hottext, 'prompt');
    const around = childrenNamed(body, 'p').filter((p) => p !== claimNode);
    const prompt = folded([...around.map((p) => textOf(p)), ownPrompt ? textOf(ownPrompt) : ''].join(' '));
    const sentences = spots.every((s) => SENTENCE_ID.test(bare(s.identifier)));
    if (sentences && claim) {
      const base = {
        prompt,
        claim,
        options: spots.map((s) => ({ id: bare(s.identifier), text: s.text })),
        answer: { sentenceIds: keys.map(bare) },
      };
      if (essay.length === 0) return bodyOf({ type: 'select-evidence', ...base });
      const rubric = rubricFrom(body);
      return bodyOf({
        type: 'claim-evidence-reasoning',
        ...base,
        modelAnswer: rubric?.modelAnswer,
        rubric: rubric
          ? { keyPoints: rubric.points.map((text, i) => ({ id: `k${i + 1}`, text })) }
          : undefined,
      });
    }
    if (essay.length) notes.push('The written part of this item has no counterpart here and is left out.');
    notes.push('Hottext (select in the text) → multiple choice of the selectable passages.');
    const ids = optionIds(spots.map((s) => s.identifier));
    const options = spots.map((s) => ({ id: ids.get(s.identifier) as string, text: s.text }));
    const optionKeys = keys.map((k) => ids.get(k) ?? '');
    const context = folded(textOf(body, new Set(['prompt', 'rubricBlock', 'extendedTextInteraction'])));
    return bodyOf(
      optionKeys.length > 1 && optionKeys.length < options.length
        ? { type: 'multiple-answer', prompt: prompt || context, options, answer: { optionIds: optionKeys } }
        : {
            type: 'multiple-choice',
            prompt: prompt || context,
            options,
            answer: { optionId: optionKeys[0] },
          },
    );
  }
  return { skip: `${[...kinds].join(' and ')} together: no question type of the app combines them.` };
}

/** The text of a node with each interaction found by `isBlank` as {{n}}, n its place in `ids`. */
function blankText(node: XmlNode, isBlank: (n: XmlNode) => boolean, ids: string[]): string {
  const walk = (n: XmlNode | string): string => {
    if (typeof n === 'string') return n;
    if (isBlank(n)) {
      const id = n.attrs.identifier ?? n.attrs.responseIdentifier ?? '';
      return `{{${ids.indexOf(id) + 1}}}`;
    }
    if (n.name === 'prompt' || n.name === 'gapText') return '';
    const inner = n.children.map(walk).join('');
    return n.name === 'p' || n.name === 'div' ? `\n\n${inner}\n\n` : inner;
  };
  return walk(node)
    .split(/\n\s*\n/)
    .map(folded)
    .filter(Boolean)
    .join('\n\n');
}

/**
 * What the Statecraft comment adds to a question read from its item: the explanation, feedback
 * on choices, the statement, rubric and weights. Used only while the comment still describes the
 * question (same type and prompt); otherwise the item alone counts, and the preview says so.
 */
function applyMeta(
  body: ReadQuestion['body'],
  meta: Meta | null,
  notes: string[],
): { body: ReadQuestion['body']; meta: unknown } {
  if (!meta) return { body, meta: null };
  const x = (meta.extra ?? {}) as Record<string, unknown>;
  const prompt = typeof x.prompt === 'string' ? x.prompt : '';
  const samePrompt =
    folded(prompt) === folded(body.prompt) || (meta.type === 'true-false' && body.type === 'true-false');
  if (meta.type !== body.type || !samePrompt) {
    notes.push('The Statecraft comment no longer fits the item (edited since?); read from the item alone.');
    return { body, meta: null };
  }
  const out: ReadQuestion['body'] = { ...body, prompt: prompt || body.prompt };
  if (typeof x.explanation === 'string') out.explanation = x.explanation;
  if (
    (body.type === 'multiple-choice' || body.type === 'multiple-answer') &&
    x.feedback &&
    typeof x.feedback === 'object'
  ) {
    const feedback = x.feedback as Record<string, string>;
    out.options = (body.options as { id: string; text: string }[]).map((o) =>
      feedback[o.id] ? { ...o, feedback: feedback[o.id] } : o,
    );
  }
  if (body.type === 'true-false' && typeof x.statement === 'string') out.statement = x.statement;
  if (
    body.type === 'cloze' &&
    Array.isArray(x.blanks) &&
    x.blanks.length === (body.answer as { blanks: unknown[] }).blanks.length
  ) {
    out.answer = { blanks: x.blanks };
    out.wordBank = x.wordBank ?? undefined;
  }
  if ((body.type === 'short-answer' || body.type === 'claim-evidence-reasoning') && x.rubric) {
    out.rubric = x.rubric;
    out.modelAnswer = x.modelAnswer ?? body.modelAnswer;
  }
  if (body.type === 'claim-evidence-reasoning' && x.weights) out.weights = x.weights;
  if (
    (body.type === 'select-evidence' || body.type === 'claim-evidence-reasoning') &&
    Array.isArray(x.sentenceIds)
  )
    out.answer = { sentenceIds: x.sentenceIds };
  const { extra: _extra, ...rest } = meta;
  return { body: out, meta: { ...rest, extra: {} } };
}
