import type { ReactNode } from 'react';
import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';

export default async function MentorLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('mentor');
  return (
    <PortalShell
      area="Physician"
      user={user}
      nav={[
        { href: '/mentor', label: 'Home' },
        { href: '/mentor/profile', label: 'My profile' },
        { href: '/mentor/concern', label: 'Raise a concern' },
        { href: '/mentor/values', label: 'Values statement' },
      ]}
    >
      {children}
    </PortalShell>
  );
}
