/**
 * Auth.js v5: email magic links, database sessions (Drizzle adapter). The configuration is built on
 * first request (function form) so nothing opens the database at import or build time.
 */
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth';
import Resend from 'next-auth/providers/resend';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { securityEvent } from '@/lib/security/log';
import { now } from '@/lib/time/clock';
import { SESSION_MAX_AGE_S, SESSION_UPDATE_AGE_S } from './gate';
import { safeReturnPath } from './links';
import { InvalidSignInAddress, normalizeSignInAddress, sendSignInEmail } from './sign-in-email';
import { acceptAdminInvite } from '@/lib/admins/admins';

const nextAuth = NextAuth(async () => {
  const env = getEnv();
  const db = await getDb();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    adapter: {
      ...DrizzleAdapter(db, {
        usersTable: users,
        accountsTable: accounts,
        sessionsTable: sessions,
        verificationTokensTable: verificationTokens,
        // The adapter cannot infer the dialect through our driver-neutral Db type; the tables are pg.
      } as never),
      // The send step stores the token itself, in the transaction that deletes the older ones (Auth.js
      // would insert it concurrently with sending, outside any lock). The token is the caller's own.
      createVerificationToken: async (token) => token,
    },
    session: {
      strategy: 'database',
      // The proxy and getCurrentUser read and extend sessions themselves (lib/auth/gate.ts), by these.
      maxAge: SESSION_MAX_AGE_S,
      updateAge: SESSION_UPDATE_AGE_S,
      // 256 random bits (the default randomUUID has 122).
      generateSessionToken: () => randomBytes(32).toString('base64url'),
    },
    pages: { signIn: '/sign-in', verifyRequest: '/check-email', error: '/sign-in/error' },
    providers: [
      Resend({
        from: env.emailFrom,
        maxAge: env.SIGN_IN_LINK_MAX_AGE,
        normalizeIdentifier: normalizeSignInAddress,
        // Validation, limits, invalidation and the redacted record all live in the send step, so
        // they hold for every caller of Auth.js, not only for our form. The email links to our
        // confirmation page, never to the callback that consumes the token (mail scanners).
        sendVerificationRequest: sendSignInEmail,
      }),
    ],
    callbacks: {
      // Where sign-in lands: a path on this app's own address, never another origin. A return
      // address naming another origin (a link issued by a sibling instance with its own AUTH_URL)
      // keeps only its path, so nothing can turn sign-in into an open redirect.
      redirect({ url, baseUrl }) {
        const target = new URL(url, baseUrl);
        if (target.origin === new URL(baseUrl).origin) return target.toString();
        return `${baseUrl}${safeReturnPath(`${target.pathname}${target.search}`, '/portal')}`;
      },
    },
    logger: {
      // A refused address is expected traffic, logged as a security event rather than a stack.
      error(error) {
        const inner = (error as { cause?: { err?: unknown } }).cause?.err;
        const expected = (e: unknown) => e instanceof InvalidSignInAddress;
        if (expected(error) || expected(inner)) return;
        console.error(error);
      },
    },
    events: {
      async signIn({ user, isNewUser }) {
        securityEvent('sign-in.succeeded', { userId: user.id, email: user.email, newUser: Boolean(isNewUser) });
        // ADMIN_EMAILS bootstrap: those addresses are admins from their first sign-in.
        if (user.id && user.email && env.ADMIN_EMAILS.includes(user.email.toLowerCase())) {
          await db.update(users).set({ role: 'admin', status: 'approved', statusChangedAt: now() }).where(eq(users.id, user.id));
        } else if (user.id && user.email) {
          // An admin invitation becomes the admin role at the invitee's sign-in.
          await acceptAdminInvite(db, { id: user.id, email: user.email });
        }
      },
    },
  };
});

// No `auth` export: pages, routes and actions read the session once, through getCurrentUser.
export const { handlers, signIn, signOut } = nextAuth;
