/**
 * The whole pool scored in one pass into typed arrays (issue 13): integer cents per pair, forbidden
 * pairs marked, and per student how many physicians each hard rule rules out — without building a
 * breakdown object or a sentence for any pair. `scorePair` (./scoring) stays the definition: this
 * computes exactly its totals (tests/integration/matching-matrix.test.ts compares them pair by
 * pair), and the pairs a coordinator is shown are explained with `scorePair` itself.
 *
 * Pure (no I/O, no `server-only`), so a worker thread can run it too.
 */
import { BIPOC_CATEGORIES } from '@/lib/registration/options';
import { scorePair, type MenteeFacts, type MentorFacts, type Weights } from './scoring';

/** Hard rules, as bits of a forbidden pair's code, in the order `scorePair` lists its blockers. */
export const BLOCK_UNAVAILABLE = 1;
export const BLOCK_BEFORE = 2;
export const BLOCK_EXCLUDED = 4;
export const BLOCK_IDENTITY = 8;
export const BLOCK_CITY = 16;
export const BLOCKER_COUNT = 5;
/** Index of each blocker bit in the per-student count arrays. */
export const BLOCKER_INDEX = { unavailable: 0, before: 1, excluded: 2, identity: 3, city: 4 } as const;

/** What the scorer needs from a pool (./pool's Pool has all of it). */
export type ScoringPool = {
  mentees: MenteeFacts[];
  mentors: MentorFacts[];
  weights: Weights;
  excluded: Set<string>;
  endedBefore: Set<string>;
};

export type PoolScores = {
  rows: number;
  /** Every mentor of the pool, in pool order. */
  mentorCount: number;
  /** Mentors who can take a mentee now (no unavailable reason), in pool order: the solver's columns. */
  columns: Int32Array;
  /** rows × columns.length, row-major: the pair's total in cents, or -1 when the pair is forbidden. Null when not asked for. */
  cents: Int32Array | null;
  /** Per student: how many mentors (of all) are allowed. */
  allowed: Int32Array;
  /** Per student × BLOCKER_COUNT: how many mentors each rule rules out (a mentor can count under several). */
  blockedBy: Int32Array;
  /**
   * Per student × BLOCKER_COUNT: mentors grouped by their FIRST rule other than "unavailable"
   * (or "unavailable" when it is the only one), the grouping of the waitlist's short reason.
   */
  firstRule: Int32Array;
  /** Per student × BLOCKER_COUNT: the first mentor index where that grouping appeared (tie-break), or -1. */
  firstSeen: Int32Array;
};

/** Interns strings of one kind to bit positions (at most 32 distinct values per kind, else null). */
class Bits {
  private readonly index = new Map<string, number>();
  overflow = false;
  bit(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.index.size;
      if (i >= 32) {
        this.overflow = true;
        return 0;
      }
      this.index.set(value, i);
    }
    return i;
  }
  mask(values: readonly string[] | null | undefined): number {
    let m = 0;
    if (values) for (const v of values) m |= 1 << this.bit(v);
    return m;
  }
  list(values: readonly string[]): Int32Array {
    return Int32Array.from(values, (v) => this.bit(v));
  }
}

const cityKey = (cities: Map<string, number>, city: string | null): number => {
  if (!city) return -1; // scorePair's sameCity needs both truthy
  const k = city.trim().toLowerCase();
  let id = cities.get(k);
  if (id === undefined) cities.set(k, (id = cities.size));
  return id;
};

const inPersonOnly = (f: string[]) => f.length === 1 && f[0] === 'in-person';
const cents = (weight: number, fraction: number) => Math.round(weight * Math.max(0, Math.min(1, fraction)) * 100);

/**
 * Scores every student against every mentor once. With `matrix`, also fills the solver's cents
 * matrix (students × mentors who can take someone now).
 */
export function scorePool(pool: ScoringPool, opts: { matrix?: boolean } = {}): PoolScores {
  const { mentees, mentors, weights: w } = pool;
  const n = mentees.length;
  const mAll = mentors.length;

  const races = new Bits();
  const specialties = new Bits();
  const needs = new Bits();
  const formats = new Bits();
  const slots = new Bits();
  const languages = new Bits();
  const cities = new Map<string, number>();
  const bipoc = races.mask(BIPOC_CATEGORIES);
  const inPerson = 1 << formats.bit('in-person');
  const english = languages.bit('english');

  // Mentors, column-wise.
  const mUnavailable = new Uint8Array(mAll);
  const mHasRaces = new Uint8Array(mAll); // shared a non-empty answer (identityMatches)
  const mRacesKnown = new Uint8Array(mAll); // consented (sharedIdentity)
  const mRaces = new Int32Array(mAll);
  const mSpecialty = new Int32Array(mAll);
  const mAdvice = new Int32Array(mAll);
  const mFormats = new Int32Array(mAll);
  const mSlots = new Int32Array(mAll);
  const mLanguages = new Int32Array(mAll);
  const mCity = new Int32Array(mAll);
  const mInPersonOnly = new Uint8Array(mAll);
  const colOf = new Int32Array(mAll).fill(-1);
  const columns: number[] = [];
  const mentorIndex = new Map<string, number>();
  mentors.forEach((m, j) => {
    mentorIndex.set(m.id, j);
    mUnavailable[j] = m.unavailableReasons.length ? 1 : 0;
    if (!mUnavailable[j]) colOf[j] = columns.push(j) - 1;
    mRacesKnown[j] = m.races ? 1 : 0;
    mHasRaces[j] = m.races && m.races.length ? 1 : 0;
    mRaces[j] = races.mask(m.races);
    mSpecialty[j] = specialties.bit(m.specialty);
    mAdvice[j] = needs.mask(m.advice);
    mFormats[j] = formats.mask(m.meetingFormats);
    mSlots[j] = slots.mask(m.availability);
    mLanguages[j] = languages.mask(m.languages);
    mCity[j] = cityKey(cities, m.city);
    mInPersonOnly[j] = inPersonOnly(m.meetingFormats) ? 1 : 0;
  });

  // Pair rules (ended before, excluded) as per-student lists of mentor indices.
  const menteeIndex = new Map(mentees.map((m, i) => [m.id, i]));
  const pairRules: { i: number; j: number; bit: number }[][] = Array.from({ length: n }, () => []);
  const addRules = (keys: Set<string>, bit: number) => {
    for (const key of keys) {
      const cut = key.indexOf('|');
      const i = menteeIndex.get(key.slice(0, cut));
      const j = mentorIndex.get(key.slice(cut + 1));
      if (i !== undefined && j !== undefined) pairRules[i].push({ i, j, bit });
    }
  };
  addRules(pool.endedBefore, BLOCK_BEFORE);
  addRules(pool.excluded, BLOCK_EXCLUDED);

  const cols = columns.length;
  const matrix = opts.matrix ? new Int32Array(n * cols) : null;
  const allowed = new Int32Array(n);
  const blockedBy = new Int32Array(n * BLOCKER_COUNT);
  const firstRule = new Int32Array(n * BLOCKER_COUNT);
  const firstSeen = new Int32Array(n * BLOCKER_COUNT).fill(-1);
  const rowRules = new Uint8Array(mAll);

  const wBase = cents(w.base, 1);
  const wIdentity = cents(w.identityPreference, 1);
  const wShared = cents(w.sharedIdentity, 1);
  const wSpecialty = cents(w.specialty, 1);
  const wFormat = cents(w.meetingFormat, 1);
  const wLanguage = cents(w.language, 1);
  const wCity = cents(w.sameCity, 1);
  const slotCents = [0, 1, 2, 3].map((k) => cents(w.availability, k / 3));

  for (let i = 0; i < n; i++) {
    const e = mentees[i];
    for (const r of pairRules[i]) rowRules[r.j] |= r.bit;

    const required = e.identityPreference === 'required';
    const preferred = e.identityPreference === 'preferred';
    const wanted = e.identityPreferenceRaces.length ? races.mask(e.identityPreferenceRaces) : bipoc;
    const racesKnown = e.races !== null;
    const ownRaces = races.mask(e.races);
    const specialtyMask = specialties.mask(e.specialties);
    const needList = needs.list(e.helpWith.filter((h) => h !== 'other'));
    const needCents = Array.from({ length: needList.length + 1 }, (_, k) => cents(w.needs, k / needList.length));
    const formatMask = formats.mask(e.meetingFormats);
    const slotList = slots.list(e.availability);
    const languageMask = languages.mask(e.languages.filter((l) => l !== 'english')) & ~(1 << english);
    const city = cityKey(cities, e.city);
    const onlyInPerson = inPersonOnly(e.meetingFormats);
    const wantsInPerson = (formatMask & inPerson) !== 0;
    const fixed = wBase + (required ? wIdentity : 0) + (e.priorityRematch ? cents(w.waiting, 1) : e.daysWaiting > 0 ? cents(w.waiting, e.daysWaiting / 90) : 0);

    const rowOff = i * cols;
    const countOff = i * BLOCKER_COUNT;
    for (let j = 0; j < mAll; j++) {
      const sameCity = city >= 0 && city === mCity[j];
      const identity = mHasRaces[j] === 1 && (mRaces[j] & wanted) !== 0;
      let flags = mUnavailable[j] | rowRules[j];
      if (required && !identity) flags |= BLOCK_IDENTITY;
      if (onlyInPerson && mInPersonOnly[j] === 1 && !sameCity) flags |= BLOCK_CITY;
      if (flags !== 0) {
        // Every rule that applies, and the waitlist's grouping: the first rule that is not "unavailable".
        let first = -1;
        for (let b = 0; b < BLOCKER_COUNT; b++) {
          if (!(flags & (1 << b))) continue;
          blockedBy[countOff + b]++;
          if (b > 0 && first < 0) first = b;
        }
        if (first < 0) first = 0;
        firstRule[countOff + first]++;
        if (firstSeen[countOff + first] < 0) firstSeen[countOff + first] = j;
        if (matrix && colOf[j] >= 0) matrix[rowOff + colOf[j]] = -1;
        continue;
      }
      allowed[i]++;
      if (!matrix) continue;
      let total = fixed;
      if (preferred && identity) total += wIdentity;
      if (racesKnown && mRacesKnown[j] === 1 && (ownRaces & mRaces[j]) !== 0) total += wShared;
      if ((specialtyMask >>> mSpecialty[j]) & 1) total += wSpecialty;
      if (needList.length) {
        let covered = 0;
        const advice = mAdvice[j];
        for (let k = 0; k < needList.length; k++) covered += (advice >>> needList[k]) & 1;
        total += needCents[covered];
      }
      if ((formatMask & mFormats[j]) !== 0) total += wFormat;
      let overlap = 0;
      const mentorSlots = mSlots[j];
      for (let k = 0; k < slotList.length; k++) overlap += (mentorSlots >>> slotList[k]) & 1;
      total += overlap <= 3 ? slotCents[overlap] : slotCents[3];
      if ((languageMask & mLanguages[j]) !== 0) total += wLanguage;
      if (wantsInPerson && (mFormats[j] & inPerson) !== 0 && sameCity) total += wCity;
      matrix[rowOff + colOf[j]] = total;
    }
    for (const r of pairRules[i]) rowRules[r.j] = 0;
  }

  const result: PoolScores = {
    rows: n,
    mentorCount: mAll,
    columns: Int32Array.from(columns),
    cents: matrix,
    allowed,
    blockedBy,
    firstRule,
    firstSeen,
  };
  // More than 32 distinct values of one kind cannot happen with the registration forms' options;
  // if it ever does, the bit masks above are not exact, so score the slow, obviously right way.
  if ([races, specialties, needs, formats, slots, languages].some((b) => b.overflow)) return scorePoolSlowly(pool, result);
  return result;
}

/** The same arrays from `scorePair` itself (only when a vocabulary outgrew the bit masks). */
function scorePoolSlowly(pool: ScoringPool, shape: PoolScores): PoolScores {
  const { mentees, mentors } = pool;
  const cols = shape.columns.length;
  const colOf = new Map(Array.from(shape.columns, (j, c) => [j, c]));
  const out: PoolScores = {
    ...shape,
    cents: shape.cents ? new Int32Array(shape.cents.length) : null,
    allowed: new Int32Array(shape.rows),
    blockedBy: new Int32Array(shape.blockedBy.length),
    firstRule: new Int32Array(shape.firstRule.length),
    firstSeen: new Int32Array(shape.firstSeen.length).fill(-1),
  };
  const bitOf = (b: string) =>
    b.startsWith('Mentor ') ? 0 : b.startsWith('They were paired before') ? 1 : b.startsWith('An admin excluded') ? 2 : b.startsWith('Mentee requires') ? 3 : 4;
  mentees.forEach((e, i) => {
    mentors.forEach((m, j) => {
      const key = `${e.id}|${m.id}`;
      const s = scorePair(e, m, { previouslyPaired: pool.endedBefore.has(key), excluded: pool.excluded.has(key) }, pool.weights);
      const c = colOf.get(j);
      if (s.allowed) {
        out.allowed[i]++;
        if (out.cents && c !== undefined) out.cents[i * cols + c] = Math.round(s.total * 100);
        return;
      }
      if (out.cents && c !== undefined) out.cents[i * cols + c] = -1;
      const bits = s.blockers.map(bitOf);
      for (const b of bits) out.blockedBy[i * BLOCKER_COUNT + b]++;
      const first = bits.find((b) => b > 0) ?? 0;
      out.firstRule[i * BLOCKER_COUNT + first]++;
      if (out.firstSeen[i * BLOCKER_COUNT + first] < 0) out.firstSeen[i * BLOCKER_COUNT + first] = j;
    });
  });
  return out;
}
