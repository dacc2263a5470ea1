'use server';
import { signOut } from './auth';

/** Deletes the session row server-side (database sessions) and clears the cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}
