import type { ReactNode } from 'react';
import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';

export default async function MenteeLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('mentee');
  return (
    <PortalShell
      area="Student"
      user={user}
      nav={[
        { href: '/mentee', label: 'Home' },
        { href: '/mentee/roadmap', label: 'Roadmap' },
        { href: '/mentee/profile', label: 'My profile' },
        { href: '/mentee/meetings', label: 'Meetings' },
        { href: '/mentee/concern', label: 'Raise a concern' },
      ]}
    >
      {children}
    </PortalShell>
  );
}
