import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { createElement } from 'react';
import type { Tx } from '@/db/client';
import { menteeProfiles, mentorProfiles, users } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { queueEmail } from './queue';
import { NoticeEmail } from './templates/notice';

type Person = { email: string; name: string | null };

/**
 * "Hello Sam," with the name the person goes by (their profile's preferredName), read here for
 * every notice so no caller has to remember it; the first word of the full name before a profile
 * exists. Read in the caller's transaction, so a profile saved in it already counts.
 */
async function hello(tx: Tx, p: Person): Promise<string> {
  const [row] = await tx
    .select({ goesBy: sql<string | null>`coalesce(${menteeProfiles.preferredName}, ${mentorProfiles.preferredName})` })
    .from(users)
    .leftJoin(menteeProfiles, eq(menteeProfiles.userId, users.id))
    .leftJoin(mentorProfiles, eq(mentorProfiles.userId, users.id))
    .where(sql`lower(${users.email}) = ${p.email.toLowerCase()}`);
  const name = row?.goesBy?.trim() || p.name?.trim().split(/\s+/)[0];
  return `Hello ${name || 'there'},`;
}
const link = (path: string) => `${getEnv().AUTH_URL}${path}`;

/** Queued in the caller's transaction: sent if and only if the change it announces commits. */
export async function notice(tx: Tx, to: Person, kind: string, subject: string, paragraphs: string[], action?: { label: string; path: string }) {
  const greeting = await hello(tx, to);
  return queueEmail(tx, {
    to: to.email,
    subject,
    kind,
    react: createElement(NoticeEmail, {
      preview: paragraphs[0],
      heading: subject,
      greeting,
      paragraphs,
      action: action && { label: action.label, url: link(action.path) },
    }),
  });
}

export function queueRegistrationReceived(tx: Tx, to: Person, role: 'mentee' | 'mentor') {
  return notice(
    tx,
    to,
    'registration-received',
    'We received your registration',
    [
      'Thank you for registering. The program coordinator reviews every registration and will email you with the outcome, usually within a week.',
      role === 'mentor'
        ? 'You can change your profile, your capacity, or pause new pairings at any time from your portal.'
        : 'You can update your profile at any time from your portal.',
    ],
    { label: 'Open your portal', path: `/${role}` },
  );
}

export function queueDecision(tx: Tx, to: Person, role: 'mentee' | 'mentor', decision: 'approved' | 'waitlisted' | 'declined', reason: string | null) {
  const copy = {
    approved: {
      subject: 'You are in the program',
      body:
        role === 'mentee'
          ? 'Your registration has been approved. The coordinator pairs students with mentors as places become available; you will get an introduction email as soon as you are paired.'
          : 'Your registration has been approved. The coordinator will propose mentees for you and you will get an introduction email for each pairing.',
    },
    waitlisted: {
      subject: 'You are on the waitlist',
      body: 'There are more people than places right now, so your registration is on the waitlist. You keep your place in line, and we will email you when that changes.',
    },
    declined: {
      subject: 'About your registration',
      body: 'We are not able to accept your registration this time. If you have questions, reply to the coordinator.',
    },
  }[decision];
  return notice(tx, to, `decision-${decision}`, copy.subject, [copy.body, ...(reason ? [`A note from the coordinator: ${reason}`] : [])], {
    label: 'Open your portal',
    path: `/${role}`,
  });
}

export function queueReattestNeeded(tx: Tx, to: Person, version: number) {
  return notice(
    tx,
    to,
    'reattest-needed',
    'Please re-affirm the program’s values statement',
    [
      `The program has published version ${version} of its values statement on anti-racism and cultural humility.`,
      'Please read it and attest again. Until you do, you will not be paired with new mentees; your current mentees are not affected.',
    ],
    { label: 'Read and attest', path: '/mentor/values' },
  );
}

export function queueAdminInvite(tx: Tx, to: Person, invitedBy: string, expiresOn: string) {
  return notice(
    tx,
    to,
    'admin-invite',
    'You are invited to help coordinate the program',
    [
      `${invitedBy} has invited you to join the program's coordinators. Sign in with this email address before ${expiresOn} and you will have the coordinator's tools.`,
      'If you were not expecting this, you can ignore this email: nothing changes unless you sign in.',
    ],
    { label: 'Sign in', path: '/sign-in' },
  );
}
