import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, pairings, roadmapChecklists, roadmapItems, roadmapTemplateItems } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';
import { proposePairings } from '@/lib/pairings/operations';
import { addRoadmapItem, editRoadmapItem, getMyChecklist, getPairingChecklist, removeRoadmapItem, setRoadmapItemDone, summarise } from '@/lib/roadmap/checklist';
import { templateItemSchema } from '@/lib/roadmap/forms';
import { DEFAULT_ROADMAP } from '@/lib/roadmap/rules';
import { addTemplateItem, archiveTemplateItem, listRoadmapTemplate, updateTemplateItem } from '@/lib/roadmap/template';
import { resetClock, setClock } from '@/lib/time/clock';
import { addRoadmapItemAction, removeRoadmapItemAction, tickRoadmapItemAction } from '@/lib/roadmap/actions';
import { removeItemKey } from '@/lib/roadmap/forms';
import { callAction, toFormData } from '../support/action-harness';
import { createPerson } from '../support/people';
import { approvedMentee, approvedMentor, releasePairing } from '../support/program';

// The actions read the session only through getCurrentUser: each test says who is signed in.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', async (original) => ({ ...(await original<object>()), getCurrentUser: async () => signedIn.user }));
vi.mock('next/cache', async (original) => ({ ...(await original<object>()), revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));

afterEach(() => {
  resetClock();
  signedIn.user = null;
});

/** A released pairing whose student applies in `cycle`. */
async function releasedPair(cycle: number) {
  const admin = await createPerson('admin');
  const mentee = await approvedMentee({ targetCycle: String(cycle) });
  const mentor = await approvedMentor();
  return { admin, mentee, mentor, pairingId: await releasePairing(admin, mentee.id, mentor.id) };
}

async function itemsOf(pairingId: number) {
  const db = await getDb();
  return db.select().from(roadmapItems).where(eq(roadmapItems.pairingId, pairingId)).orderBy(asc(roadmapItems.id));
}

async function itemNamed(pairingId: number, title: string) {
  const found = (await itemsOf(pairingId)).find((i) => i.title === title);
  expect(found, title).toBeDefined();
  return found!;
}

async function auditsOf(itemIds: number[]) {
  const db = await getDb();
  return db
    .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'roadmap-item'), inArray(auditLog.subjectId, itemIds.map(String))))
    .orderBy(asc(auditLog.id));
}

describe('[ROADMAP]: the program template', () => {
  it('a fresh database holds the default template (seeded by the migration), in order, with its date rules', async () => {
    const db = await getDb();
    const rows = await db
      .select({
        key: roadmapTemplateItems.key,
        title: roadmapTemplateItems.title,
        yearOffset: roadmapTemplateItems.yearOffset,
        month: roadmapTemplateItems.month,
        day: roadmapTemplateItems.day,
      })
      .from(roadmapTemplateItems)
      .where(isNotNull(roadmapTemplateItems.key))
      .orderBy(asc(roadmapTemplateItems.position));
    expect(rows.map((r) => [r.key, r.yearOffset, r.month, r.day])).toEqual([
      ['shadowing', -2, 12, 31],
      ['research', -1, 8, 31],
      ['clinical-hours', -1, 12, 31],
      ['personal-statement', 0, 3, 31],
      ['letters', 0, 4, 15],
      ['primary-opens', 0, 5, 1],
      ['primary-submitted', 0, 6, 15],
      ['mcat', 0, 6, 30],
      ['secondaries', 0, 7, 31],
      ['early-decision', 0, 8, 1],
      ['interviews', 0, 9, 1],
      ['decisions', 1, 4, 30],
    ]);
    // The code's copy (the unit tests' rules) and the migration's rows say the same.
    expect(rows.map((r) => r.title)).toEqual(DEFAULT_ROADMAP.map((r) => r.title));
  });
});

describe('[ROADMAP]: a pairing’s shared checklist', () => {
  it('is created from the template when the pairing is released, with dates from the student’s cycle (2027 and 2028)', async () => {
    const a = await releasedPair(2027);
    const b = await releasedPair(2028);
    const dates = async (id: number) => Object.fromEntries((await itemsOf(id)).map((i) => [i.title, i.targetDate]));
    const d2027 = await dates(a.pairingId);
    expect(d2027['MCAT registered and taken']).toBe('2027-06-30');
    expect(d2027['Letters of recommendation requested']).toBe('2027-04-15');
    expect(d2027['Primary application opens (AMCAS for MD, AACOMAS for DO)']).toBe('2027-05-01');
    expect(d2027['Shadowing and clinical hours under way']).toBe('2025-12-31');
    expect(d2027['Decisions and commitment']).toBe('2028-04-30');
    const d2028 = await dates(b.pairingId);
    expect(d2028['MCAT registered and taken']).toBe('2028-06-30');
    expect(d2028['Early decision deadline (if applying early decision)']).toBe('2028-08-01');
    expect(d2028['Decisions and commitment']).toBe('2029-04-30');
    expect(Object.keys(d2027)).toHaveLength(12);

    const db = await getDb();
    const [head] = await db.select().from(roadmapChecklists).where(eq(roadmapChecklists.pairingId, a.pairingId));
    expect(head.cycleYear).toBe(2027);
    // Both members see the same list; opening it again does not copy the template twice.
    const seenByMentee = await getMyChecklist(a.mentee);
    const seenByMentor = await getMyChecklist(a.mentor, a.pairingId);
    expect(seenByMentee!.items.map((i) => i.id)).toEqual(seenByMentor!.items.map((i) => i.id));
    expect(seenByMentee!.items[0]).toMatchObject({ title: 'Shadowing and clinical hours under way', targetDate: '2025-12-31' });
    expect(await itemsOf(a.pairingId)).toHaveLength(12);
  });

  it('a pairing released before the roadmap existed gets its checklist when a member first opens it, once', async () => {
    const admin = await createPerson('admin');
    const mentee = await approvedMentee({ targetCycle: '2028' });
    const mentor = await approvedMentor();
    await proposePairings(admin, [{ menteeId: mentee.id, mentorId: mentor.id }]);
    const db = await getDb();
    // Made active behind the operations' back, as pairings released before this feature were.
    const [p] = await db
      .update(pairings)
      .set({ state: 'active', startDate: '2026-01-15', endDate: '2027-01-15' })
      .where(eq(pairings.menteeId, mentee.id))
      .returning({ id: pairings.id });
    expect(await itemsOf(p.id)).toHaveLength(0);
    const [first, second] = await Promise.all([getMyChecklist(mentee), getMyChecklist(mentor, p.id)]);
    expect(first!.items).toHaveLength(12);
    expect(second!.items).toHaveLength(12);
    expect(await itemsOf(p.id)).toHaveLength(12);
    expect((await itemNamed(p.id, 'MCAT registered and taken')).targetDate).toBe('2028-06-30');
    const created = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'roadmap.checklist-created'), eq(auditLog.subjectId, String(p.id))));
    expect(created).toHaveLength(1);
  });

  it('only the pairing’s members can tick, add, edit or remove: another mentor, another mentee and an admin are refused, rows unchanged', async () => {
    const own = await releasedPair(2027);
    const other = await releasedPair(2027);
    const item = await itemNamed(own.pairingId, 'MCAT registered and taken');
    const before = await itemsOf(own.pairingId);
    const attempts = (who: SessionUser) => [
      () => setRoadmapItemDone(who, { itemId: item.id, done: true }),
      () => editRoadmapItem(who, { itemId: item.id, title: 'Hijacked', targetDate: '2030-01-01' }),
      () => addRoadmapItem(who, { pairingId: own.pairingId, title: 'Planted', targetDate: '2030-01-01' }),
      () => removeRoadmapItem(who, item.id),
    ];
    for (const outsider of [other.mentor, other.mentee]) for (const attempt of attempts(outsider)) await expect(attempt()).rejects.toBeInstanceOf(UserFacingError);
    // The coordinator can read the checklist but is not a member: refused before any query.
    for (const attempt of attempts(own.admin)) await expect(attempt()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getMyChecklist(own.admin)).rejects.toBeInstanceOf(ForbiddenError);
    // And a member cannot read someone else's checklist by naming its pairing.
    expect(await getMyChecklist(other.mentor, own.pairingId)).toBeNull();
    expect(await itemsOf(own.pairingId)).toEqual(before);
    expect(await auditsOf(before.map((i) => i.id))).toEqual([]);
    // The admin's read (the coordinator's pairing page) works.
    expect((await getPairingChecklist(own.admin, own.pairingId))!.items).toHaveLength(12);
    await expect(getPairingChecklist(own.mentor, own.pairingId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('who ticked what and when is kept: the mentor sees the student’s tick; an untick leaves the history in the audit', async () => {
    const { mentee, mentor, pairingId } = await releasedPair(2027);
    const item = await itemNamed(pairingId, 'Personal statement drafts');
    setClock(new Date('2027-03-02T15:30:00Z'));
    expect(await setRoadmapItemDone(mentee, { itemId: item.id, done: true })).toBe(true);
    // A second tick (the mentor, a moment later) keeps the first one's who and when.
    setClock(new Date('2027-03-03T09:00:00Z'));
    expect(await setRoadmapItemDone(mentor, { itemId: item.id, done: true })).toBe(false);
    const row = await itemNamed(pairingId, 'Personal statement drafts');
    expect(row.doneBy).toBe(mentee.id);
    // The test clock keeps running from where it was set: the tick is within that minute.
    expect(row.doneAt?.toISOString().slice(0, 16)).toBe('2027-03-02T15:30');
    const seen = (await getMyChecklist(mentor, pairingId))!.items.find((i) => i.id === item.id)!;
    expect(seen.doneByName).toBe('Ana Test Student'); // the student's full name from their profile
    expect(seen.doneAt?.toISOString()).toBe(row.doneAt?.toISOString());

    expect(await setRoadmapItemDone(mentor, { itemId: item.id, done: false })).toBe(true);
    expect((await itemNamed(pairingId, 'Personal statement drafts')).doneAt).toBeNull();
    expect(await auditsOf([item.id])).toEqual([
      { action: 'roadmap.item-ticked', actorId: mentee.id, details: { pairingId, title: 'Personal statement drafts' } },
      {
        action: 'roadmap.item-unticked',
        actorId: mentor.id,
        details: { pairingId, title: 'Personal statement drafts', wasDoneAt: row.doneAt!.toISOString(), wasDoneBy: mentee.id },
      },
    ]);
  });

  it('either member adds and edits items; a removed item is kept, marked with who removed it', async () => {
    const { mentee, mentor, pairingId } = await releasedPair(2028);
    const added = await addRoadmapItem(mentor, { pairingId, title: 'Mock interview with Dr. Example', targetDate: '2028-08-20' });
    expect(await editRoadmapItem(mentee, { itemId: added, title: 'Mock interview (video)', targetDate: '2028-08-27' })).toBe(true);
    const row = (await itemsOf(pairingId)).find((i) => i.id === added)!;
    expect(row).toMatchObject({ title: 'Mock interview (video)', targetDate: '2028-08-27', createdBy: mentor.id, templateItemId: null });
    expect(await removeRoadmapItem(mentee, added)).toBe('Mock interview (video)');
    const removed = (await itemsOf(pairingId)).find((i) => i.id === added)!;
    expect(removed.removedBy).toBe(mentee.id);
    expect(removed.removedAt).not.toBeNull();
    expect((await getMyChecklist(mentor, pairingId))!.items.map((i) => i.id)).not.toContain(added);
    expect((await auditsOf([added])).map((a) => [a.action, a.actorId])).toEqual([
      ['roadmap.item-added', mentor.id],
      ['roadmap.item-edited', mentee.id],
      ['roadmap.item-removed', mentee.id],
    ]);
    // Removed means gone from the pair's hands: it cannot be ticked or edited any more.
    await expect(setRoadmapItemDone(mentor, { itemId: added, done: true })).rejects.toBeInstanceOf(UserFacingError);
  });

  it('the homes show the next three open items by date and what is overdue, by the program’s calendar; items already past when the pair was formed are not overdue', async () => {
    // Paired on August 1, 2026 (the program's clock, not the database server's).
    setClock(new Date('2026-08-01T18:00:00Z'));
    const { mentee, pairingId } = await releasedPair(2027);
    const letters = await itemNamed(pairingId, 'Letters of recommendation requested');
    await setRoadmapItemDone(mentee, { itemId: letters.id, done: true });
    // 2027-04-20 05:00 UTC is still April 20 in Chicago; midnight UTC on May 1 would still be April 30 there.
    setClock(new Date('2027-05-01T03:00:00Z'));
    const s = summarise((await getMyChecklist(mentee))!);
    expect(s.next.map((i) => i.targetDate)).toEqual(['2027-05-01', '2027-06-15', '2027-06-30']);
    expect(s.overdue.map((i) => i.targetDate)).toEqual(['2026-08-31', '2026-12-31', '2027-03-31']);
    expect(s.earlier.map((i) => i.targetDate)).toEqual(['2025-12-31']);
    expect(s.done).toBe(1);
  });
});

describe('[ROADMAP]: template edits', () => {
  it('are admin-only and audited before/after, and do not rewrite existing checklists or their ticks', async () => {
    const { admin, mentee, mentor, pairingId } = await releasedPair(2027);
    const mcat = await itemNamed(pairingId, 'MCAT registered and taken');
    await setRoadmapItemDone(mentee, { itemId: mcat.id, done: true });
    const before = await itemsOf(pairingId);
    const db = await getDb();
    const [tpl] = await db.select().from(roadmapTemplateItems).where(eq(roadmapTemplateItems.key, 'mcat'));
    const change = {
      itemId: tpl.id,
      ...templateItemSchema.parse({ position: String(tpl.position), title: 'MCAT taken', description: '', yearOffset: '-1', month: '9', day: '15' }),
    };

    const templateBefore = await db.select().from(roadmapTemplateItems).orderBy(asc(roadmapTemplateItems.id));
    for (const who of [mentee, mentor]) {
      await expect(updateTemplateItem(who, change)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(archiveTemplateItem(who, tpl.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addTemplateItem(who, { ...change, title: 'Planted' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listRoadmapTemplate(who)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.select().from(roadmapTemplateItems).orderBy(asc(roadmapTemplateItems.id))).toEqual(templateBefore);

    expect(await updateTemplateItem(admin, change)).toBe(true);
    const audits = await db
      .select({ action: auditLog.action, actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'roadmap-template-item'), eq(auditLog.subjectId, String(tpl.id))));
    expect(audits).toEqual([
      {
        action: 'roadmap.template-item-updated',
        actorId: admin.id,
        details: {
          before: { position: tpl.position, title: 'MCAT registered and taken', description: tpl.description, yearOffset: 0, month: 6, day: 30 },
          after: { position: tpl.position, title: 'MCAT taken', description: null, yearOffset: -1, month: 9, day: 15 },
        },
      },
    ]);
    // The existing checklist is a copy: same rows, the tick (who, when) kept.
    expect(await itemsOf(pairingId)).toEqual(before);
    expect((await itemNamed(pairingId, 'MCAT registered and taken')).doneBy).toBe(mentee.id);
    // A pairing released now gets the new rule.
    const later = await releasedPair(2027);
    expect((await itemNamed(later.pairingId, 'MCAT taken')).targetDate).toBe('2026-09-15');

    // Archiving takes it out of new checklists only.
    await archiveTemplateItem(admin, tpl.id);
    expect((await listRoadmapTemplate(admin)).map((t) => t.id)).not.toContain(tpl.id);
    expect((await itemsOf(pairingId)).map((i) => i.title)).toContain('MCAT registered and taken');
    const third = await releasedPair(2027);
    expect((await itemsOf(third.pairingId)).map((i) => i.title)).not.toContain('MCAT taken');
    expect(await itemsOf(third.pairingId)).toHaveLength(11);
  });
});

describe('[ROADMAP]: through the forms', () => {
  it('the student ticks through the form; the coordinator, another student and another mentor are refused and nothing changes', async () => {
    const own = await releasedPair(2027);
    const other = await releasedPair(2027);
    const item = await itemNamed(own.pairingId, 'Letters of recommendation requested');
    const before = await itemsOf(own.pairingId);
    const tick = toFormData({ itemId: String(item.id), done: 'yes' });

    signedIn.user = own.admin;
    expect((await callAction(tickRoadmapItemAction, tick)).kind).toBe('refused');
    expect((await callAction(addRoadmapItemAction, toFormData({ pairingId: String(own.pairingId), title: 'Planted', targetDate: '2027-05-05' }))).kind).toBe(
      'refused',
    );
    for (const outsider of [other.mentee, other.mentor]) {
      signedIn.user = outsider;
      const out = await callAction(tickRoadmapItemAction, tick);
      expect(out).toMatchObject({ kind: 'answered', state: { message: 'That item is not on a roadmap you share. Reload the page and try again.' } });
      const removal = await callAction(removeRoadmapItemAction, toFormData({ itemId: String(item.id), confirm: removeItemKey(item.id) }));
      expect(removal.kind).toBe('answered');
    }
    expect(await itemsOf(own.pairingId)).toEqual(before);

    signedIn.user = own.mentee;
    expect(await callAction(tickRoadmapItemAction, tick)).toMatchObject({ kind: 'answered', state: { ok: true, message: 'Marked done.' } });
    expect((await itemNamed(own.pairingId, 'Letters of recommendation requested')).doneBy).toBe(own.mentee.id);

    // Removing asks first: the first submission only answers with the key naming the item.
    signedIn.user = own.mentor;
    const ask = await callAction(removeRoadmapItemAction, toFormData({ itemId: String(item.id) }));
    expect(ask).toMatchObject({ kind: 'answered', state: { confirmKey: removeItemKey(item.id), confirmTitle: 'Letters of recommendation requested' } });
    expect((await itemNamed(own.pairingId, 'Letters of recommendation requested')).removedAt).toBeNull();
    const done = await callAction(removeRoadmapItemAction, toFormData({ itemId: String(item.id), confirm: removeItemKey(item.id) }));
    expect(done).toMatchObject({ kind: 'answered', state: { ok: true } });
    expect((await itemNamed(own.pairingId, 'Letters of recommendation requested')).removedBy).toBe(own.mentor.id);
  });
});
