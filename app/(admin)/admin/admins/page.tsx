import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/session';
import { listAdmins } from '@/lib/admins/admins';
import { formatDate } from '@/lib/time/format';
import { InviteForm, RemoveAdmin, RevokeInvite } from './forms';

export const metadata: Metadata = { title: 'Admins' };

export default async function AdminsPage() {
  const user = await requireRole('admin');
  const { admins, invites } = await listAdmins(user);
  const last = admins.length <= 1;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Admins</h1>
      <section aria-labelledby="current" className="space-y-3">
        <h2 id="current" className="text-lg font-semibold">
          Coordinators with admin access
        </h2>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {admins.map((a) => (
            <li key={a.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium break-words">
                  {a.name ?? a.email} {a.id === user.id && <span className="text-sm font-normal text-stone-500">(you)</span>}
                </p>
                <p className="text-sm break-words text-stone-600">{a.email}</p>
              </div>
              {last ? (
                <p className="text-sm text-stone-600">The only admin: invite another before removing.</p>
              ) : (
                <RemoveAdmin userId={a.id} label={a.name ?? a.email} self={a.id === user.id} />
              )}
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-600">Addresses in the server’s ADMIN_EMAILS setting become admins again whenever they sign in.</p>
      </section>
      <section aria-labelledby="invite" className="max-w-xl space-y-3">
        <h2 id="invite" className="text-lg font-semibold">
          Invite a coordinator
        </h2>
        <InviteForm />
      </section>
      {invites.length > 0 && (
        <section aria-labelledby="open" className="space-y-3">
          <h2 id="open" className="text-lg font-semibold">
            Open invitations
          </h2>
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium break-words">{i.email}</p>
                  <p className="text-sm text-stone-600">
                    Invited by {i.invitedByName ?? 'an admin'} on {formatDate(i.createdAt)} · {i.expired ? 'expired' : `works until ${formatDate(i.expiresAt)}`}
                  </p>
                </div>
                <RevokeInvite inviteId={i.id} email={i.email} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
