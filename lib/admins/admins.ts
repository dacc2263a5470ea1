import 'server-only';
import { and, asc, eq, gt, isNull, lte } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { adminInvites, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { queueAdminInvite } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';
import { confirmField, confirmKey, isConfirmed } from '@/lib/forms/confirm';
import { now } from '@/lib/time/clock';

/** How long an invitation stays good. */
export const INVITE_DAYS = 14;
const DAY = 86_400_000;

export type AdminRow = { id: string; name: string | null; email: string; since: Date | null };
export type InviteRow = { id: number; email: string; invitedByName: string | null; createdAt: Date; expiresAt: Date; expired: boolean };

export async function listAdmins(actor: SessionUser): Promise<{ admins: AdminRow[]; invites: InviteRow[] }> {
  assertPermission(actor, 'admins:manage');
  const db = await getDb();
  const admins = await db
    .select({ id: users.id, name: users.name, email: users.email, since: users.statusChangedAt })
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(asc(users.email));
  const rows = await db
    .select({ id: adminInvites.id, email: adminInvites.email, invitedByName: users.name, createdAt: adminInvites.createdAt, expiresAt: adminInvites.expiresAt })
    .from(adminInvites)
    .innerJoin(users, eq(users.id, adminInvites.invitedBy))
    .where(and(isNull(adminInvites.acceptedAt), isNull(adminInvites.revokedAt)))
    .orderBy(asc(adminInvites.createdAt));
  const at = now().getTime();
  return { admins, invites: rows.map((r) => ({ ...r, expired: r.expiresAt.getTime() <= at })) };
}

export const inviteSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter an email address, like name@example.org.').max(254)),
});

/**
 * Invites an address to become an admin. An expired invite to the same address is closed first
 * (the partial unique index allows one open invite per address); a live one is refused.
 */
export async function inviteAdmin(actor: SessionUser, input: z.input<typeof inviteSchema>): Promise<{ email: string; expiresAt: Date }> {
  assertPermission(actor, 'admins:manage');
  const { email } = inviteSchema.parse(input);
  const db = await getDb();
  const at = now();
  const expiresAt = new Date(at.getTime() + INVITE_DAYS * DAY);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ role: users.role }).from(users).where(eq(users.email, email));
    if (existing?.role === 'admin') throw new UserFacingError(`${email} is already an admin.`);
    await tx
      .update(adminInvites)
      .set({ revokedAt: at, revokedBy: actor.id })
      .where(and(eq(adminInvites.email, email), isNull(adminInvites.acceptedAt), isNull(adminInvites.revokedAt), lte(adminInvites.expiresAt, at)));
    const [invite] = await tx
      .insert(adminInvites)
      .values({ email, invitedBy: actor.id, createdAt: at, expiresAt })
      .onConflictDoNothing()
      .returning({ id: adminInvites.id });
    if (!invite) throw new UserFacingError(`${email} already has an open invitation. Revoke it first to send a new one.`);
    await writeAudit(tx, { actorId: actor.id, action: 'admin.invited', subjectId: invite.id, details: { email, expiresAt: expiresAt.toISOString() } });
    // Queued in the same transaction: the email goes out only if the invitation exists.
    await queueAdminInvite(tx, { email, name: null }, actor.name ?? actor.email, expiresAt.toISOString().slice(0, 10));
  });
  return { email, expiresAt };
}

export const revokeInviteSchema = z.object({ inviteId: z.string().regex(/^[1-9][0-9]{0,9}$/, 'This invitation is not one we know.').transform(Number) });

export async function revokeInvite(actor: SessionUser, input: { inviteId: string | number }): Promise<void> {
  assertPermission(actor, 'admins:manage');
  const { inviteId } = revokeInviteSchema.parse({ inviteId: String(input.inviteId) });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(adminInvites)
      .set({ revokedAt: now(), revokedBy: actor.id })
      .where(and(eq(adminInvites.id, inviteId), isNull(adminInvites.acceptedAt), isNull(adminInvites.revokedAt)))
      .returning({ email: adminInvites.email });
    if (!row) throw new UserFacingError('That invitation was already used or revoked.');
    await writeAudit(tx, { actorId: actor.id, action: 'admin.invite-revoked', subjectId: inviteId, details: { email: row.email } });
  });
}

export const removeAdminSchema = z.object({ userId: z.string().regex(/^[0-9a-f-]{36}$/i, 'This person is not one we know.'), confirm: confirmField });

/** The key of "yes, remove my own admin access": only a second submission carrying it acts. */
export const removeSelfKey = (userId: string) => confirmKey('admin.remove-self', [userId]);

/**
 * Removes a person's admin role. Never the last admin: every admin row is locked first, so two
 * admins removing each other at once cannot both succeed and leave nobody. Removing yourself needs
 * the confirmation key. The person keeps their account and can choose a role again.
 */
export async function removeAdmin(actor: SessionUser, input: z.input<typeof removeAdminSchema>): Promise<{ needsConfirmation?: string }> {
  assertPermission(actor, 'admins:manage');
  const { userId, confirm } = removeAdminSchema.parse(input);
  const self = userId === actor.id;
  if (self && !isConfirmed(confirm, removeSelfKey(userId))) return { needsConfirmation: removeSelfKey(userId) };
  const db = await getDb();
  await db.transaction(async (tx) => {
    const admins = await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, 'admin')).orderBy(asc(users.id)).for('update');
    // The actor's own role is re-read under the lock: an admin removed a moment ago cannot act.
    if (!admins.some((a) => a.id === actor.id)) throw new UserFacingError('You are no longer an admin.');
    const target = admins.find((a) => a.id === userId);
    if (!target) throw new UserFacingError('That person is not an admin any more.');
    if (admins.length <= 1) throw new UserFacingError('The program needs at least one admin: invite another coordinator before removing this one.');
    await tx.update(users).set({ role: null, statusChangedAt: now() }).where(and(eq(users.id, userId), eq(users.role, 'admin')));
    await writeAudit(tx, { actorId: actor.id, action: 'admin.removed', subjectId: userId, details: { email: target.email, self } });
  });
  return {};
}

/**
 * At sign-in: an open, unexpired invitation for this address makes the person an admin. Called by
 * Auth.js's signIn event (no actor session yet; the invite's author is on the invite row).
 */
export async function acceptAdminInvite(db: Db, user: { id: string; email: string }): Promise<boolean> {
  const email = user.email.toLowerCase();
  return db.transaction(async (tx) => {
    const [invite] = await tx
      .select({ id: adminInvites.id })
      .from(adminInvites)
      .where(and(eq(adminInvites.email, email), isNull(adminInvites.acceptedAt), isNull(adminInvites.revokedAt), gt(adminInvites.expiresAt, now())))
      .for('update');
    if (!invite) return false;
    await tx.update(adminInvites).set({ acceptedAt: now(), acceptedBy: user.id }).where(eq(adminInvites.id, invite.id));
    await tx.update(users).set({ role: 'admin', status: 'approved', statusChangedAt: now() }).where(eq(users.id, user.id));
    await writeAudit(tx, { actorId: user.id, action: 'admin.invite-accepted', subjectId: user.id, details: { email, inviteId: invite.id } });
    return true;
  });
}
