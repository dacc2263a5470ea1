import { redirect } from 'next/navigation';
import { portalHome } from '@/lib/auth/portal';
import { requireUser } from '@/lib/auth/session';

/** Where sign-in lands when there is no return path: the person's own portal. */
export default async function PortalRedirect() {
  const user = await requireUser();
  redirect(portalHome(user));
}
