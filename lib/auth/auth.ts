/**
 * Auth.js v5: email magic links, database sessions (Drizzle adapter). The configuration is built on
 * first request (function form) so nothing opens the database at import or build time.
 */
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth';
import Resend from 'next-auth/providers/resend';
import { cache, createElement } from 'react';
import { getDb } from '@/db/client';
import { accounts, sessions, users, verificationTokens } from '@/db/schema';
import { getEnv } from '@/lib/env';
import { sendEmail } from '@/lib/email/send';
import { SignInEmail } from '@/lib/email/templates/sign-in';
import { confirmUrlFor } from './links';
import { acceptAdminInvite } from '@/lib/admins/admins';

const nextAuth = NextAuth(async () => {
  const env = getEnv();
  const db = await getDb();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
      // The adapter cannot infer the dialect through our driver-neutral Db type; the tables are pg.
    } as never),
    session: {
      strategy: 'database',
      maxAge: 30 * 24 * 60 * 60,
      // 256 random bits (the default randomUUID has 122).
      generateSessionToken: () => randomBytes(32).toString('base64url'),
    },
    pages: { signIn: '/sign-in', verifyRequest: '/check-email', error: '/sign-in/error' },
    providers: [
      Resend({
        from: env.emailFrom,
        maxAge: env.SIGN_IN_LINK_MAX_AGE,
        // The email links to our confirmation page, never to the callback that consumes the token:
        // mail scanners that prefetch links must not burn it.
        async sendVerificationRequest({ identifier, url }) {
          const confirmUrl = confirmUrlFor(url, env.AUTH_URL);
          await sendEmail({
            to: identifier,
            subject: 'Your sign-in link',
            kind: 'sign-in',
            url: confirmUrl,
            react: createElement(SignInEmail, { url: confirmUrl, minutes: Math.round(env.SIGN_IN_LINK_MAX_AGE / 60) }),
          });
        },
      }),
    ],
    events: {
      async signIn({ user }) {
        // ADMIN_EMAILS bootstrap: those addresses are admins from their first sign-in.
        if (user.id && user.email && env.ADMIN_EMAILS.includes(user.email.toLowerCase())) {
          await db
            .update(users)
            .set({ role: 'admin', status: 'approved', statusChangedAt: new Date() })
            .where(eq(users.id, user.id));
        } else if (user.id && user.email) {
          // An admin invitation becomes the admin role at the invitee's sign-in.
          await acceptAdminInvite(db, { id: user.id, email: user.email });
        }
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;
/** The session for this request, looked up once per render. */
export const auth = cache(nextAuth.auth);
