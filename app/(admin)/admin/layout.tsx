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
        // Behind "More" on wide screens: set-up pages, then records. Phones list everything in one menu.
        { href: '/admin/settings', label: 'Settings', group: 'Program setup' },
        { href: '/admin/values', label: 'Values statement', group: 'Program setup' },
        { href: '/admin/roadmap', label: 'Roadmap template', group: 'Program setup' },
        { href: '/admin/admins', label: 'Admins', group: 'Program setup' },
        { href: '/admin/reports', label: 'Report', group: 'Records' },
        { href: '/admin/exports', label: 'Exports', group: 'Records' },
        { href: '/admin/emails', label: 'Email log', group: 'Records' },
        { href: '/admin/audit', label: 'Audit log', group: 'Records' },
      ]}
    >
      {children}
    </PortalShell>
  );
}
