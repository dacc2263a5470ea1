import type { ReactNode } from 'react';
import { PortalShell } from '@/components/portal-shell';
import { requireRole } from '@/lib/auth/session';
import { countOpenConcerns } from '@/lib/safety/concerns';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireRole('admin');
  const openConcerns = await countOpenConcerns(user);
  return (
    <PortalShell
      area="Coordinator"
      user={user}
      nav={[
        { href: '/admin', label: 'Overview' },
        { href: '/admin/people', label: 'People' },
        { href: '/admin/matching', label: 'Matching' },
        { href: '/admin/pairings', label: 'Pairings' },
        { href: '/admin/concerns', label: openConcerns ? `Concerns (${openConcerns} open)` : 'Concerns' },
        { href: '/admin/values', label: 'Values statement' },
        { href: '/admin/reports', label: 'Report' },
        { href: '/admin/exports', label: 'Exports' },
        { href: '/admin/admins', label: 'Admins' },
        { href: '/admin/roadmap', label: 'Roadmap' },
        { href: '/admin/settings', label: 'Settings' },
        { href: '/admin/emails', label: 'Email log' },
        { href: '/admin/audit', label: 'Audit log' },
      ]}
    >
      {children}
    </PortalShell>
  );
}
