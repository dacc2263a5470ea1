/**
 * The optimiser at program scale (issue 13): the typed-array scorer against the per-pair scorer,
 * the one-pass "why unmatched", staging and approving hundreds of pairs in one action, and the
 * suggestions page reading one student.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { attestations, auditLog, emails, matchRules, mentorProfiles, pairings } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { BLOCKER_COUNT, BLOCKER_INDEX, scorePool } from '@/lib/matching/matrix';
import * as poolModule from '@/lib/matching/pool';
import { loadPool, scoreInPool, whyUnmatched, type Pool } from '@/lib/matching/pool';
import { optimise, suggestMentors } from '@/lib/matching/workbench';
import { approvePairings, proposePairings } from '@/lib/pairings/operations';
import { approveSelectedSchema } from '@/lib/pairings/forms';
import { insertBulkPool } from '../support/bulk-pool';
import { createPerson } from '../support/people';

vi.mock('@/lib/matching/pool', { spy: true });

let admin: SessionUser;
let pool: Pool;

beforeAll(async () => {
  const db = await getDb();
  admin = await createPerson('admin', 'approved', 'Scale Admin');
  const { menteeIds, mentorIds } = await insertBulkPool(db, { mentees: 640, mentors: 300, seed: 11, tag: 'scale' });
  // Every hard rule in play: a paused mentor, one who has not signed, exclusions, pairs that ended before.
  await db.update(mentorProfiles).set({ pausedUntil: '2999-01-01' }).where(eq(mentorProfiles.userId, mentorIds[0]));
  await db.delete(attestations).where(eq(attestations.userId, mentorIds[1]));
  await db
    .insert(matchRules)
    .values(menteeIds.slice(0, 40).map((menteeId, k) => ({ menteeId, mentorId: mentorIds[k % 7], kind: 'exclude' as const, createdBy: admin.id })));
  await db.insert(pairings).values(
    menteeIds.slice(40, 70).map((menteeId, k) => ({
      menteeId,
      mentorId: mentorIds[10 + (k % 5)],
      state: 'ended' as const,
      approvedAt: new Date(Date.now() - 90 * 86_400_000),
      endedAt: new Date(Date.now() - 30 * 86_400_000),
    })),
  );
  pool = await loadPool(db);
}, 240_000);

/** The waitlist's short reason, the way it was computed before: score each mentor for this student. */
function whyUnmatchedByScoring(p: Pool, mentee: Pool['mentees'][number]): string | null {
  const counts = new Map<string, number>();
  let allowed = 0;
  for (const mentor of p.mentors) {
    const s = scoreInPool(p, mentee, mentor);
    if (s.allowed) {
      allowed++;
      continue;
    }
    const reason = s.blockers.find((b) => !b.startsWith('Mentor ')) ?? 'no mentor who fits has a free slot';
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  if (allowed > 0) return null;
  if (p.mentors.length === 0) return 'No mentors are registered yet';
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  if (mentee.identityPreference === 'required' && counts.has('Mentee requires a mentor who shares their identity; this mentor does not (or has not shared)'))
    return 'Requires a mentor who shares their identity, and none with a free slot does yet';
  return top.charAt(0).toUpperCase() + top.slice(1);
}

describe('[MATCHING] scoring the whole pool into typed arrays', () => {
  it('gives every pair exactly scorePair’s total in cents, -1 where scorePair forbids it, and per-rule counts that match its blockers', () => {
    expect(pool.mentees.length).toBeGreaterThanOrEqual(640);
    const scored = scorePool(pool, { matrix: true });
    const cents = scored.cents!;
    const cols = scored.columns.length;
    // The solver's columns are the mentors who can take someone now: not the paused or unsigned one.
    expect(cols).toBe(pool.mentors.filter((m) => m.unavailableReasons.length === 0).length);
    expect(cols).toBeLessThan(pool.mentors.length);
    let allowedPairs = 0;
    let forbiddenPairs = 0;
    pool.mentees.forEach((mentee, i) => {
      const byRule = new Array<number>(BLOCKER_COUNT).fill(0);
      let allowed = 0;
      pool.mentors.forEach((mentor, k) => {
        const s = scoreInPool(pool, mentee, mentor);
        const c = Array.from(scored.columns).indexOf(k);
        if (s.allowed) {
          allowed++;
          allowedPairs++;
          expect(cents[i * cols + c]).toBe(Math.round(s.total * 100));
        } else {
          forbiddenPairs++;
          if (c >= 0) expect(cents[i * cols + c]).toBe(-1);
          for (const b of s.blockers) {
            const rule = b.startsWith('Mentor ')
              ? 'unavailable'
              : b.startsWith('They were paired before')
                ? 'before'
                : b.startsWith('An admin excluded')
                  ? 'excluded'
                  : b.startsWith('Mentee requires')
                    ? 'identity'
                    : 'city';
            byRule[BLOCKER_INDEX[rule]]++;
          }
        }
      });
      expect(scored.allowed[i]).toBe(allowed);
      expect(Array.from(scored.blockedBy.subarray(i * BLOCKER_COUNT, (i + 1) * BLOCKER_COUNT))).toEqual(byRule);
    });
    // The pool exercises both sides and every rule.
    expect(allowedPairs).toBeGreaterThan(1000);
    expect(forbiddenPairs).toBeGreaterThan(1000);
    for (const b of Object.values(BLOCKER_INDEX))
      expect(Array.from({ length: scored.rows }, (_, i) => scored.blockedBy[i * BLOCKER_COUNT + b]).some((n) => n > 0)).toBe(true);
  }, 120_000);

  it('says why a student is blocked from one pass’s counts, as scoring each mentor per student did', () => {
    // Few physicians, six of them full and two who have not shared a BIPOC identity: the students who
    // require a shared identity have none allowed, for several reasons at once.
    const open = pool.mentors.filter((m) => m.unavailableReasons.length === 0 && (!m.races || m.races.includes('white'))).slice(0, 2);
    const few: Pool = {
      ...pool,
      mentors: [...pool.mentors.slice(0, 6).map((m) => ({ ...m, unavailableReasons: ['at capacity'] })), ...open],
    };
    const scored = scorePool(few);
    let blocked = 0;
    few.mentees.forEach((mentee, i) => {
      const expected = whyUnmatchedByScoring(few, mentee);
      expect(whyUnmatched(few, scored, i)).toBe(expected);
      if (expected) blocked++;
    });
    expect(blocked).toBeGreaterThan(10);

    // The plan's reasons for students no physician may take carry the same counts.
    const plan = optimise(few);
    const noMentor = plan.unpaired.filter((u) => u.reason.startsWith('No physician can take them now.'));
    expect(noMentor.length).toBeGreaterThan(0);
    for (const u of noMentor) {
      const mentee = few.mentees.find((m) => m.id === u.menteeId)!;
      const unavailable = few.mentors.filter((m) => {
        const s = scoreInPool(few, mentee, m);
        return !s.allowed && s.blockers.some((b) => b.startsWith('Mentor '));
      }).length;
      expect(u.reason).toContain(`Of ${few.mentors.length} physicians: `);
      if (unavailable) expect(u.reason).toContain(`${unavailable} ${unavailable === 1 ? 'is' : 'are'} not taking new mentees now`);
    }
  });
});

describe('[MATCHING] suggestions for one student', () => {
  it('reads that student, not the whole waitlist, and ranks the same physicians as the whole pool does', async () => {
    const mentee = pool.mentees[100];
    vi.mocked(poolModule.loadPool).mockClear();
    const result = await suggestMentors(admin, mentee.id, 10_000);
    expect(vi.mocked(poolModule.loadPool)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(poolModule.loadPool).mock.calls[0][2]).toEqual({ menteeIds: [mentee.id] });
    const loaded = await vi.mocked(poolModule.loadPool).mock.results[0].value;
    expect(loaded.mentees.map((m: { id: string }) => m.id)).toEqual([mentee.id]);
    // Against the whole pool, scored pair by pair.
    const expected = pool.mentors
      .map((m) => ({ m, s: scoreInPool(pool, mentee, m) }))
      .filter((x) => x.s.allowed)
      .map((x) => x.m.id)
      .sort();
    expect(result!.suggestions.map((s) => s.mentorId).sort()).toEqual(expected);
    expect(result!.mentee.allowedMentors).toBe(expected.length);
  });
});

describe('[PAIRINGS] staging and approving hundreds at once', () => {
  it('stages a plan of more than 500 pairs in one action, every one audited, within every mentor’s places', async () => {
    const db = await getDb();
    const plan = optimise(await loadPool(db));
    expect(plan.pairs.length).toBeGreaterThan(500);
    // One pair the plan did not choose, competing for a place the plan fills: refused, not half-written.
    const full = plan.pairs[0];
    const extra = pool.mentees.find(
      (m) =>
        !plan.pairs.some((p) => p.menteeId === m.id) &&
        scoreInPool(
          pool,
          m,
          pool.mentors.find((x) => x.id === full.mentorId)!,
        ).allowed,
    );
    const request = plan.pairs.map((p) => ({ menteeId: p.menteeId, mentorId: p.mentorId }));
    if (extra) request.push({ menteeId: extra.id, mentorId: full.mentorId });
    const staged = await proposePairings(admin, [...request, request[1]]); // and one pair twice
    expect(staged.ok).toBe(plan.pairs.length);
    expect(staged.stagedAt).toBeTruthy();
    if (extra) expect(staged.failed).toContainEqual({ id: `${extra.id}→${full.mentorId}`, reason: expect.stringMatching(/no free place|already has/) });

    const rows = await db
      .select({ id: pairings.id, menteeId: pairings.menteeId, mentorId: pairings.mentorId, score: pairings.score, proposedAt: pairings.proposedAt })
      .from(pairings)
      .where(eq(pairings.state, 'proposed'));
    expect(rows.length).toBe(plan.pairs.length);
    const want = new Map(plan.pairs.map((p) => [`${p.menteeId}|${p.mentorId}`, Math.round(p.score * 100)]));
    for (const r of rows) expect(r.score).toBe(want.get(`${r.menteeId}|${r.mentorId}`));
    expect(new Set(rows.map((r) => r.proposedAt.toISOString()))).toEqual(new Set([staged.stagedAt]));
    const [{ n: audits }] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, 'pairing.proposed'),
          inArray(
            auditLog.subjectId,
            rows.map((r) => String(r.id)),
          ),
        ),
      );
    expect(audits).toBe(rows.length);
    // No mentor over their capacity.
    const used = new Map<string, number>();
    for (const r of rows) used.set(r.mentorId, (used.get(r.mentorId) ?? 0) + 1);
    for (const m of pool.mentors) expect(used.get(m.id) ?? 0).toBeLessThanOrEqual(m.freeSlots);

    // Staging the same plan again writes nothing: every student is taken.
    const again = await proposePairings(admin, request.slice(0, 50));
    expect(again.ok).toBe(0);
    expect(again.failed.map((f) => f.reason)).toEqual(new Array(50).fill('The student is not waiting for a mentor.'));
  }, 240_000);

  it('approves 120 proposals in one action: all active, both people in each pair emailed', async () => {
    const db = await getDb();
    const proposed = await db.select({ id: pairings.id }).from(pairings).where(eq(pairings.state, 'proposed')).limit(120);
    expect(proposed.length).toBe(120);
    const ids = proposed.map((p) => p.id);
    expect(approveSelectedSchema.safeParse({ ids: ids.map(String), subject: 'Meet {mentor_name}', body: 'Hello {mentee_name}, meet {mentor_name}.' }).success).toBe(
      true,
    );
    const before = await db.select({ n: count() }).from(emails).where(eq(emails.kind, 'introduction'));
    const outcome = await approvePairings(admin, ids);
    expect(outcome).toEqual({ ok: 120, failed: [] });
    const active = await db
      .select({ n: count() })
      .from(pairings)
      .where(and(inArray(pairings.id, ids), eq(pairings.state, 'active')));
    expect(active[0].n).toBe(120);
    const after = await db.select({ n: count() }).from(emails).where(eq(emails.kind, 'introduction'));
    expect(after[0].n - before[0].n).toBe(240);
  }, 240_000);
});
