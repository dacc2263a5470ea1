import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { adminInvites, auditLog, users } from '@/db/schema';
import { acceptAdminInvite, INVITE_DAYS, inviteAdmin, listAdmins, removeAdmin, removeSelfKey } from '@/lib/admins/admins';
import { ForbiddenError } from '@/lib/auth/permissions';
import { UserFacingError } from '@/lib/errors';
import { resetClock, setClock } from '@/lib/time/clock';
import { createPerson } from '../support/people';

const DAY = 86_400_000;

async function roleOf(id: string) {
  const db = await getDb();
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, id));
  return row.role;
}

async function demoteAllAdminsExcept(keep: string[]) {
  const db = await getDb();
  const admins = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin'));
  for (const a of admins) if (!keep.includes(a.id)) await db.update(users).set({ role: null }).where(eq(users.id, a.id));
}

describe('[ADMINS] invitations and removal', () => {
  it('[ADMINS]: an invitee becomes an admin at sign-in while the invite is open; it is audited', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const invitee = await createPerson(null);
    const { email } = await inviteAdmin(admin, { email: `  ${invitee.email.toUpperCase()} ` });
    expect(email).toBe(invitee.email);
    expect((await listAdmins(admin)).invites.map((i) => i.email)).toContain(invitee.email);
    expect(await acceptAdminInvite(db, invitee)).toBe(true);
    expect(await roleOf(invitee.id)).toBe('admin');
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectId, invitee.id), eq(auditLog.action, 'admin.invite-accepted')));
    expect(audits).toHaveLength(1);
    // Used once: a second sign-in does not accept it again.
    expect(await acceptAdminInvite(db, invitee)).toBe(false);
  });

  it('[ADMINS]: an expired invite does nothing at sign-in, and a new invite replaces it', async () => {
    const db = await getDb();
    const admin = await createPerson('admin');
    const invitee = await createPerson(null);
    const start = new Date('2026-06-01T12:00:00Z');
    setClock(start);
    try {
      await inviteAdmin(admin, { email: invitee.email });
      setClock(new Date(start.getTime() + (INVITE_DAYS + 1) * DAY));
      expect(await acceptAdminInvite(db, invitee)).toBe(false);
      expect(await roleOf(invitee.id)).toBeNull();
      await inviteAdmin(admin, { email: invitee.email });
      const open = await db.select({ id: adminInvites.id, revokedAt: adminInvites.revokedAt }).from(adminInvites).where(eq(adminInvites.email, invitee.email));
      expect(open.filter((i) => i.revokedAt === null)).toHaveLength(1);
      expect(await acceptAdminInvite(db, invitee)).toBe(true);
    } finally {
      resetClock();
    }
  });

  it('[ADMINS]: a second live invite to the same address is refused calmly', async () => {
    const admin = await createPerson('admin');
    const invitee = await createPerson(null);
    await inviteAdmin(admin, { email: invitee.email });
    await expect(inviteAdmin(admin, { email: invitee.email })).rejects.toBeInstanceOf(UserFacingError);
  });

  it('[ADMINS]: the last admin cannot be removed, even by themselves with the confirmation', async () => {
    const only = await createPerson('admin');
    await demoteAllAdminsExcept([only.id]);
    const key = removeSelfKey(only.id);
    await expect(removeAdmin(only, { userId: only.id, confirm: key })).rejects.toThrow(/at least one admin/);
    expect(await roleOf(only.id)).toBe('admin');
  });

  it('[ADMINS]: removing yourself needs the confirmation; another admin is removed and audited', async () => {
    const db = await getDb();
    const a = await createPerson('admin');
    const b = await createPerson('admin');
    expect(await removeAdmin(a, { userId: a.id })).toEqual({ needsConfirmation: removeSelfKey(a.id) });
    expect(await roleOf(a.id)).toBe('admin');
    await removeAdmin(a, { userId: b.id });
    expect(await roleOf(b.id)).toBeNull();
    const [row] = await db.select({ details: auditLog.details }).from(auditLog).where(and(eq(auditLog.subjectId, b.id), eq(auditLog.action, 'admin.removed')));
    expect(row.details).toEqual({ email: b.email, self: false });
  });

  it('[ADMINS]: two admins removing each other at once leave one admin', async () => {
    const a = await createPerson('admin');
    const b = await createPerson('admin');
    await demoteAllAdminsExcept([a.id, b.id]);
    const results = await Promise.allSettled([removeAdmin(a, { userId: b.id }), removeAdmin(b, { userId: a.id })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const roles = [await roleOf(a.id), await roleOf(b.id)];
    expect(roles.filter((r) => r === 'admin')).toHaveLength(1);
  });

  it('[ADMINS]: students and physicians cannot list, invite or remove admins', async () => {
    const admin = await createPerson('admin');
    for (const who of [await createPerson('mentee', 'approved'), await createPerson('mentor', 'approved')]) {
      await expect(listAdmins(who)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(inviteAdmin(who, { email: who.email })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeAdmin(who, { userId: admin.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await roleOf(admin.id)).toBe('admin');
  });
});
