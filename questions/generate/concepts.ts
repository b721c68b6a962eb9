import type { Token } from '../language/tokens';
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
  sovereignty: ['sovereignty', 'sovereign', 'independence', 'territory', 'border', 'frontier'],
  'self-determination': ['self-determination', 'colonial', 'colony', 'liberation'],
  'human rights': ['right', 'dignity', 'liberty', 'freedom', 'equality', 'tyranny', 'oppression'],
  'collective security': ['aggression', 'collective', 'security', 'charter'],
  'foreign aid': ['aid', 'assistance', 'development', 'poverty', 'hunger', 'relief'],
  'arms control': ['arms', 'nuclear', 'disarmament', 'inspection', 'weapon', 'missile'],
  democracy: ['democracy', 'democratic', 'election', 'self-government', 'republic'],
  containment: ['containment', 'communism', 'communist', 'expansion', 'totalitarian'],
  'international law': ['law', 'treaty', 'obligation', 'tribunal', 'court', 'justice'],
  terrorism: ['terror', 'terrorist', 'terrorism', 'extremism', 'extremist'],
  war: ['war', 'warfare', 'invasion', 'troop', 'soldier', 'battle', 'victory', 'conflict'],
  peace: ['peace', 'peaceful', 'settlement', 'reconciliation', 'ceasefire'],
  'international trade': ['trade', 'tariff', 'export', 'import', 'market', 'commerce'],
};

/** Lemmas that name an IR concept: the words a cloze may blank. */
export const CONCEPT_TERMS: ReadonlySet<string> = new Set(Object.values(CONCEPT_WORDS).flat());

/**
 * The ideals a speech invokes, which stand in for one another in most of its sentences: "rooted
 * in democracy" reads as well with "liberty", "the cause of freedom" with "peace" or "justice".
 */
const IDEALS = new Set([
  'freedom',
  'liberty',
  'democracy',
  'equality',
  'justice',
  'dignity',
  'peace',
  'independence',
]);

/**
 * Whether two terms belong to one concept family (any of their families), or are both ideals: a
 * word bank keeps such words apart, since one could take the other's place.
 */
export function interchangeableTerms(a: string, b: string): boolean {
  if (IDEALS.has(a) && IDEALS.has(b)) return true;
  return Object.values(CONCEPT_WORDS).some((words) => words.includes(a) && words.includes(b));
}

const LENS_WORDS: Record<Lens, string[]> = {
  realist: [
    'arm',
    'army',
    'deter',
    'deterrence',
    'defense',
    'defence',
    'aggression',
    'enemy',
    'war',
    'weapon',
    'strong',
    'balance',
    'survival',
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
    'navy',
    'naval',
    'fleet',
  ],
  liberal: [
    'law',
    'treaty',
    'nations',
    'charter',
    'democracy',
    'commerce',
    'cooperate',
    'interdependence',
    'multilateral',
    'alliance',
    'coalition',
    'ally',
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
    // Commercial liberalism: trade's mutual gains as the road to a peaceful world.
    'prosperity',
    'prosperous',
    'harmonious',
    'harmony',
    // Liberal internationalism: freedom and self-rule abroad as the road to peace.
    'freedom',
    'liberty',
    'tyranny',
    'dictator',
    'democratic',
  ],
  constructivist: [
    'value',
    'belief',
    'faith',
    'dignity',
    'principle',
    'ideal',
    'idea',
    'ideology',
    'image',
    'reputation',
    'norm',
    'identity',
    'signal',
    'message',
    'legitimate',
    'illusion',
    'culture',
    'perception',
    'prestige',
    // Who a people is: identity arguments ("our patchwork heritage is a strength").
    'heritage',
    'tradition',
    'tribe',
    'humanity',
    'religion',
    'creed',
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

/** Poker words are power only as "a strong hand", "weak cards"; "our hearts, our hands" is not. */
const METAPHOR_CUES = new Set(['hand', 'card']);
const STRENGTH_WORDS = new Set(['strong', 'weak', 'good', 'bad', 'winning', 'losing', 'high', 'low']);

/**
 * The lemmas of some tokens that may cue a lens: none under a negation ("peace cannot rest upon a
 * balance of power" argues against realism), poker words only as poker, no civil war.
 */
export function lensCueLemmas(tokens: readonly Token[]): string[] {
  return tokens.flatMap((t, i) =>
    t.negated || deniedByNo(tokens, i) || !usedAsConcept(tokens, i) ? [] : [t.lemma],
  );
}

/** "with whom we have at present no treaty of commerce": a noun after "no" (and its adjectives) is absent. */
function deniedByNo(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.pos === 'adj' && !tokens[k]!.post.trim()) k--;
  return tokens[i]!.pos === 'noun' && tokens[k]?.normal === 'no';
}

/**
 * Trade used as a weapon: ports closed, goods prohibited, a rival excluded to make it bid for
 * the markets. Commerce in such a paragraph is leverage, not the liberal's cooperation for mutual gain.
 */
export const COERCIVE_TRADE_WORDS = new Set([
  'prohibit',
  'prohibition',
  'prohibitory',
  'embargo',
  'exclude',
  'exclusion',
  'retaliate',
  'retaliation',
  'tariff',
  'blockade',
]);

/** Words that restrain weapons by agreement: "limit nuclear arms", "ban", "the spread of". */
const ARMS_RESTRAINT =
  /^(limit|limiting|control|controlling|ban|banning|reduce|reducing|reduction|spread|proliferation|disarm|disarmament|curb|restrict|restricting)$/;

/**
 * Whether the token at `i` is used in its concept's sense: poker words only as poker ("worked
 * till their hands were raw" is no hand of cards), no civil war as war among states, no
 * interest paid on a debt, no balance but of power or forces, no power or strength to do something.
 */
export function usedAsConcept(tokens: readonly Token[], i: number): boolean {
  const lemma = tokens[i]!.lemma;
  if (METAPHOR_CUES.has(lemma) && !STRENGTH_WORDS.has(tokens[i - 1]?.lemma ?? '')) return false;
  // "The budget in balance", "the balance of payments": a balance of power or forces only.
  if (
    lemma === 'balance' &&
    (tokens[i + 1]?.normal !== 'of' || /^(payments|trade|accounts)$/.test(tokens[i + 2]?.normal ?? ''))
  )
    return false;
  // "Arms control", "the strategic arms limitation talks", "further limit nuclear arms", "stop the
  // spread of atomic weapons": weapons as what states agree to restrain, which is cooperation
  // through agreements, not a resort to force.
  // "the VOICE, and the ARM of their discontent": an arm in the singular, as a noun, is a limb or
  // its figure; weapons are "arms".
  if (lemma === 'arm' && tokens[i]!.normal === 'arm' && tokens[i]!.pos === 'noun') return false;
  if (lemma === 'arm' || lemma === 'weapon') {
    if (
      /^(control|controls|limitation|limitations|reduction|reductions|talks|treaty|agreement)$/.test(
        tokens[i + 1]?.normal ?? '',
      )
    )
      return false;
    for (let k = i - 1; k >= Math.max(0, i - 4); k--)
      if (ARMS_RESTRAINT.test(tokens[k]!.lemma) || ARMS_RESTRAINT.test(tokens[k]!.normal)) return false;
  }
  // "For the first time since World War II": a war by its name, as a point in time.
  if (lemma === 'war' && /^\p{Lu}/u.test(tokens[i]!.written || tokens[i]!.text)) {
    let k = i - 1;
    while (k >= 0 && (/^\p{Lu}/u.test(tokens[k]!.written || tokens[k]!.text) || tokens[k]!.normal === 'the'))
      k--;
    if (k < i - 1 && /^(since|after|before|until|following)$/.test(tokens[k]?.normal ?? '')) return false;
  }
  // "During the Cold War", "post-Cold War": the name of an era, not a resort to force.
  if (
    lemma === 'war' &&
    tokens[i - 1]?.normal === 'cold' &&
    /^\p{Lu}/u.test(tokens[i - 1]!.written || tokens[i - 1]!.text)
  )
    return false;
  // "The armed forces": one cue, the forces, not an arm and a force.
  if (lemma === 'arm' && tokens[i]!.normal === 'armed' && /^forces?$/.test(tokens[i + 1]?.normal ?? ''))
    return false;
  // "Interest on the public debt", "interest rates": money, not a state's interests.
  if (lemma === 'interest' && /^(on|rate|rates|payment|payments|charges)$/.test(tokens[i + 1]?.normal ?? ''))
    return false;
  // "The power to make a difference in their lives", "strong enough to give us the tools": an
  // ability to do something, not power among states.
  if (/^(power|strong|strength|powerful)$/.test(lemma)) {
    const next = tokens[i + 1]?.normal;
    const after = next === 'enough' ? tokens[i + 2] : tokens[i + 1];
    if (after?.normal === 'to' && tokens[after === tokens[i + 1] ? i + 2 : i + 3]?.pos === 'verb')
      return false;
  }
  // "the Union" of the states, "the Soviet Union": a federation or a state by name, no
  // institution among states (the European Union is one).
  if (
    lemma === 'union' &&
    /^\p{Lu}/u.test(tokens[i]!.written || tokens[i]!.text) &&
    tokens[i - 1]?.normal !== 'european'
  )
    return false;
  // "the Security Council", "the Secretary of Defense", "the Ministry of Defence": a body's or an
  // office's name, which says nothing of power (the Council is an institution among states).
  const written = (k: number) => tokens[k]?.written || tokens[k]?.text || '';
  if (/^(security|defense|defence)$/.test(lemma) && /^\p{Lu}/u.test(written(i))) {
    if (/^(Council|Councils|Department|Ministry|Minister|Secretary)$/.test(written(i + 1))) return false;
    if (tokens[i - 1]?.normal === 'of' && /^(Secretary|Department|Ministry|Minister)$/.test(written(i - 2)))
      return false;
  }
  // "of signal importance": the adjective, no message sent.
  if (
    lemma === 'signal' &&
    (tokens[i]!.pos === 'adj' ||
      (tokens[i + 1]?.pos === 'noun' && !tokens[i + 1]!.tags.has('ProperNoun') && !tokens[i]!.post.trim()))
  )
    return false;
  if (lemma === 'war' && (tokens[i - 1]?.lemma === 'civil' || warOnAnIll(tokens, i))) return false;
  return true;
}

/**
 * Ills a government or a people "wages war on": the war is a figure of speech, and so are the
 * "enemies" and "forces" that go with it ("we will fight our wars against poverty, ignorance, and
 * injustice"). Terror and terrorism are not among them: that war is fought among states.
 */
const SOCIAL_ILLS = new Set([
  'poverty',
  'ignorance',
  'injustice',
  'disease',
  'hunger',
  'want',
  'illiteracy',
  'crime',
  'drug',
  'cancer',
  'inflation',
  'unemployment',
  'famine',
  'misery',
  'prejudice',
  'bigotry',
  'pollution',
]);

/** "war on poverty", "wars against want and disease": a war on an ill, not among states. */
function warOnAnIll(tokens: readonly Token[], i: number): boolean {
  if (!/^(on|against)$/.test(tokens[i + 1]?.normal ?? '')) return false;
  let j = i + 2;
  while (tokens[j] && (tokens[j]!.pos === 'adj' || /^(the|all|every|our)$/.test(tokens[j]!.normal))) j++;
  return SOCIAL_ILLS.has(tokens[j]?.lemma ?? '');
}

const NOT_ONLY = /^(just|only|merely|simply|solely)$/;

/**
 * Lemmas the text sets aside rather than relies on: "not just with missiles and tanks, but …"
 * (up to the "but"), "our power alone cannot protect us", and "armies are no match for …". A paragraph that says its lens's
 * words are not enough argues against that lens as much as in its terms.
 */
export function setAsideLemmas(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.normal === 'not' && NOT_ONLY.test(tokens[i + 1]?.normal ?? '')) {
      for (
        let j = i + 2;
        j < tokens.length && tokens[j]!.normal !== 'but' && !/[;.]/.test(tokens[j - 1]!.post);
        j++
      )
        out.push(tokens[j]!.lemma);
    }
    const next = tokens[i + 1];
    if (next?.normal === 'alone' && tokens.slice(i + 2, i + 4).some((t) => t.isNegator))
      out.push(tokens[i]!.lemma);
    // "judicial methods rather than force of arms", "instead of war": what follows is set aside,
    // up to the end of its phrase. Not "instead of inviting war": there the deed is set aside,
    // and the war is still the subject.
    const afterMarker = tokens[i + 2];
    if (
      ((tokens[i]!.normal === 'rather' && next?.normal === 'than') ||
        (tokens[i]!.normal === 'instead' && next?.normal === 'of')) &&
      afterMarker !== undefined &&
      afterMarker.pos !== 'verb' &&
      !afterMarker.normal.endsWith('ing')
    ) {
      for (let j = i + 2; j < tokens.length; j++) {
        out.push(tokens[j]!.lemma);
        if (/[,;:.!?—–-]/.test(tokens[j]!.post)) break;
      }
    }
    // "All members shall refrain from the threat or the use of force", "the inadmissibility of the
    // acquisition of territory by war": what a rule forbids is set aside, up to the end of its phrase.
    const forbids =
      (/^(refrain|abstain)$/.test(tokens[i]!.lemma) && next?.normal === 'from') ||
      (/^(inadmissibility|prohibition|renunciation|outlawing)$/.test(tokens[i]!.normal) &&
        next?.normal === 'of') ||
      /^(renounce|renounces|renounced|outlaw|outlaws|outlawed)$/.test(tokens[i]!.normal);
    if (forbids) {
      for (let j = /^(from|of)$/.test(next?.normal ?? '') ? i + 2 : i + 1; j < tokens.length; j++) {
        out.push(tokens[j]!.lemma);
        if (/[,;:.!?—–]/.test(tokens[j]!.post)) break;
      }
    }
    // "A thousand armies are no match for the human spirit": what comes before is set aside.
    if (tokens[i]!.normal === 'no' && next?.normal === 'match' && tokens[i + 2]?.normal === 'for') {
      for (let j = i - 1; j >= 0 && !/[;:.!?]/.test(tokens[j]!.post); j--) out.push(tokens[j]!.lemma);
    }
  }
  return out;
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

/** How each lens reads international politics, in a sentence a student can check an argument against. */
export const LENS_SUMMARIES: Record<Lens | 'marxist', string> = {
  realist: 'Realism: states pursue power and security, and the balance of capabilities decides outcomes',
  liberal:
    'Liberalism: democracy, institutions, alliances, law and economic ties let states cooperate for mutual gain',
  constructivist: 'Constructivism: ideas, identities and shared norms shape what states want and do',
  marxist: 'Marxism: the interests of economic classes and capital drive international politics',
};

/** How a student may name each lens; the first is the theory's own name. */
export const LENS_NAMES: Record<Lens, string[]> = {
  realist: ['realism', 'realist', 'political realism', 'neorealism'],
  liberal: ['liberalism', 'liberal', 'liberal institutionalism', 'neoliberalism'],
  constructivist: ['constructivism', 'constructivist'],
};

/** Armed forces: the realist's subject wherever a state builds them, at home or abroad. */
export const ARMED_FORCES_WORDS = new Set([
  'military',
  'army',
  'navy',
  'troop',
  'soldier',
  'weapon',
  'missile',
  'nuclear',
  'defense',
  'defence',
]);

/**
 * Words that put a passage in international politics: a theory lens of IR says nothing about a
 * paragraph on a country's own schools or debts, whatever its words of strength or war. Armed
 * forces count (a state's defence is the realist's subject); "strong", "power", "force" and
 * "war" alone do not ("strong steps", "labor force", "the Civil War").
 */
export const INTERNATIONAL_WORDS = new Set([
  'world',
  'international',
  'foreign',
  'abroad',
  'overseas',
  'global',
  'continent',
  'ally',
  'alliance',
  'coalition',
  'treaty',
  'diplomacy',
  'diplomat',
  'diplomatic',
  'embassy',
  'sanction',
  'adversary',
  'enemy',
  'superpower',
  'multilateral',
  'bilateral',
  'border',
  'frontier',
  'invasion',
  'invade',
  'regime',
  'empire',
  'imperialism',
  ...ARMED_FORCES_WORDS,
  'aggression',
  'deterrence',
  'deter',
]);

/** Plural words for states and their peoples, as written ("nations", not "our nation"; not "states", which is often one federation's). */
export const STATES_WORDS = new Set(['nations', 'countries', 'peoples']);

/** Cue words of each lens that a set of lemmas uses. */
export function lensCues(lemmas: Iterable<string>): Record<Lens, string[]> {
  const present = new Set(lemmas);
  return {
    realist: LENS_WORDS.realist.filter((w) => present.has(w)),
    liberal: LENS_WORDS.liberal.filter((w) => present.has(w)),
    constructivist: LENS_WORDS.constructivist.filter((w) => present.has(w)),
  };
}

/** One name for a country written several ways ("the USA", "the U.S.", "America"). */
const PLACE_ALIASES: [RegExp, string][] = [
  [/^(?:the\s+)?(?:united states(?: of america)?|u\.?s\.?a?\.?|america)$/i, 'united states'],
  [/^(?:the\s+)?(?:united kingdom|u\.?k\.?|great britain|britain)$/i, 'united kingdom'],
  [/^(?:the\s+)?(?:soviet union|soviets|u\.?s\.?s\.?r\.?)$/i, 'soviet union'],
];
/**
 * The country a name stands for in international politics: its name, its people's adjective, or
 * its capital and seat of government used for its government ("Moscow", "the Kremlin", "Putin's
 * Russia", "Russian troops" are one side; "Washington" and "the White House" another).
 */
const SIDES: [RegExp, string][] = [
  [/\b(?:russia|russian|moscow|kremlin)\b/i, 'russia'],
  [/\b(?:soviets?|ussr)\b/i, 'soviet union'],
  [/\b(?:america|american|washington|white house|pentagon|united states|u\.s\.)(?=\W|$)/i, 'united states'],
  [/\b(?:china|chinese|beijing|peking)\b/i, 'china'],
  [/\b(?:ukraine|ukrainian|kiev|kyiv)\b/i, 'ukraine'],
  [/\b(?:iran|iranian|tehran)\b/i, 'iran'],
  [/\b(?:iraq|iraqi|baghdad)\b/i, 'iraq'],
  [/\b(?:syria|syrian|damascus)\b/i, 'syria'],
  [/\b(?:turkey|turkish|ankara)\b/i, 'turkey'],
  [/\b(?:britain|british|london|downing street|whitehall|united kingdom)\b/i, 'united kingdom'],
  [/\b(?:france|french|paris|elys[ée]e)\b/i, 'france'],
  [/\b(?:germany|german|berlin)\b/i, 'germany'],
  [/\b(?:japan|japanese|tokyo)\b/i, 'japan'],
  [/\b(?:north korea|north korean|pyongyang)\b/i, 'north korea'],
  [/\b(?:south korea|south korean|seoul)\b/i, 'south korea'],
  [/\b(?:afghanistan|afghan|kabul)\b/i, 'afghanistan'],
  [/\b(?:pakistan|pakistani|islamabad)\b/i, 'pakistan'],
  [/\b(?:india|indian|new delhi)\b/i, 'india'],
  [/\b(?:israel|israeli)\b/i, 'israel'],
  [/\b(?:saudi arabia|saudi|riyadh)\b/i, 'saudi arabia'],
  [/\b(?:egypt|egyptian|cairo)\b/i, 'egypt'],
  [/\b(?:cuba|cuban|havana)\b/i, 'cuba'],
  [/\b(?:georgia|georgian|tbilisi)\b/i, 'georgia'],
];

/** The side (country) a name stands for, or null for a name of no country or of several. */
export function sideOf(name: string): string | null {
  const sides = new Set(SIDES.filter(([pattern]) => pattern.test(name)).map(([, side]) => side));
  return sides.size === 1 ? [...sides][0]! : null;
}

export const placeKey = (place: string) => {
  // "USA''": the quotation marks around "Made in the USA" are not part of the name.
  const name = place.replace(/^[^\p{L}]+|[^\p{L}.]+$/gu, '');
  return PLACE_ALIASES.find(([pattern]) => pattern.test(name))?.[1] ?? name.toLowerCase();
};
