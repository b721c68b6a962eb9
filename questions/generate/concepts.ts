import type { Lens } from '../schema';

/**
 * International-relations concepts a question can be tagged with, and the words that signal
 * them; and the words that suggest a theoretical lens. Domain vocabulary, not language rules:
 * edit freely as readings are added.
 */
const CONCEPT_WORDS: Record<string, string[]> = {
  sanctions: ['sanction', 'embargo'],
  coalitions: ['coalition', 'alliance', 'ally', 'partnership', 'partner', 'concert'],
  diplomacy: ['diplomacy', 'diplomatic', 'diplomat', 'negotiation', 'channel', 'expulsion'],
  deterrence: ['deter', 'deterrence', 'deterrent'],
  escalation: ['escalation', 'escalate', 'provoke', 'retaliation'],
  attribution: ['culpability', 'attribution', 'denial', 'blame', 'impunity'],
  'covert action': [
    'covert',
    'cyberspace',
    'machination',
    'meddle',
    'meddling',
    'operative',
    'spy',
    'intelligence',
  ],
  'economic statecraft': ['investment', 'wallet', 'enrichment', 'wealth', 'trade', 'economy', 'business'],
  'international institutions': ['organization', 'treaty', 'convention', 'agreement', 'union', 'nations'],
  'balance of power': ['power', 'strength', 'weakness', 'leverage', 'card', 'hand'],
  'chemical weapons': ['chemical', 'nerve', 'weapon'],
  revanchism: ['revanchism', 'revanchist'],
  'asymmetric tactics': ['asymmetric'],
  'domestic politics': ['dissent', 'opponent', 'congress', 'election', 'administration'],
};

const LENS_WORDS: Record<Lens, string[]> = {
  realist: [
    'power',
    'weakness',
    'strength',
    'military',
    'card',
    'hand',
    'calculus',
    'interest',
    'force',
    'escalation',
    'security',
    'threat',
  ],
  liberal: [
    'alliance',
    'coalition',
    'partner',
    'partnership',
    'institution',
    'organization',
    'cooperation',
    'concert',
    'sanction',
    'investment',
    'trade',
    'agreement',
    'union',
  ],
  constructivist: [
    'norm',
    'identity',
    'signal',
    'message',
    'legitimate',
    'illusion',
    'culture',
    'perception',
    'prestige',
    'great',
  ],
};

/** Concepts whose words the given lemmas use, most strongly signalled first. */
export function conceptsFor(lemmas: Iterable<string>): string[] {
  const present = new Set(lemmas);
  return Object.entries(CONCEPT_WORDS)
    .map(([concept, words]) => ({ concept, hits: words.filter((w) => present.has(w)).length }))
    .filter((c) => c.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.concept.localeCompare(b.concept))
    .slice(0, 4)
    .map((c) => c.concept);
}

/** A lens only when its words clearly dominate; most generated questions have none. */
export function lensFor(lemmas: Iterable<string>): Lens | null {
  const present = new Set(lemmas);
  const scores = (Object.keys(LENS_WORDS) as Lens[])
    .map((lens) => ({ lens, hits: LENS_WORDS[lens].filter((w) => present.has(w)).length }))
    .sort((a, b) => b.hits - a.hits);
  const [first, second] = scores;
  return first && first.hits >= 2 && first.hits > (second?.hits ?? 0) ? first.lens : null;
}
