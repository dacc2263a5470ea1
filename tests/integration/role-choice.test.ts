import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/session';
import { createPerson } from '../support/people';

// The action reads the signed-in person through the session; here it is the person under test,
// exactly as each of the 20 requests would have read them (no role yet).
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => signedIn.user }));

const { chooseRoleAction } = await import('@/app/(auth)/register/actions');

const form = (role: string) => {
  const fd = new FormData();
  fd.set('role', role);
  return fd;
};

describe('[REGISTRATION]: choosing a role', () => {
  it('20 concurrent role choices: one wins and moves on, the other 19 get a calm message, one audit row', async () => {
    const person = await createPerson(null);
    signedIn.user = person;
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => chooseRoleAction({}, form(i % 2 ? 'mentor' : 'mentee'))));

    const redirected = results.filter((r) => r.status === 'rejected');
    expect(redirected).toHaveLength(1);
    const digest = String((redirected[0] as PromiseRejectedResult).reason?.digest ?? '');
    expect(digest).toMatch(/^NEXT_REDIRECT;.*;\/register\/(mentee|mentor);/);

    const answered = results.filter((r): r is PromiseFulfilledResult<{ message?: string }> => r.status === 'fulfilled');
    expect(answered).toHaveLength(19);
    for (const a of answered) expect(a.value.message).toBe('You have already chosen how you take part in the program.');

    const db = await getDb();
    const [row] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, person.id));
    expect(digest).toContain(`/register/${row.role}`);
    expect(row.status).toBe('registering');
    const audits = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.subjectId, person.id), eq(auditLog.action, 'role.chosen')));
    expect(audits).toHaveLength(1);
  });

  it('a malformed choice is refused with a field error and changes nothing', async () => {
    const person = await createPerson(null);
    signedIn.user = person;
    const state = await chooseRoleAction({}, form('admin'));
    expect(state.fieldErrors?.role).toEqual(['Choose student or physician.']);
    const db = await getDb();
    const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, person.id));
    expect(row.role).toBeNull();
  });
});
