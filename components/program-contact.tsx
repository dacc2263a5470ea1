import { programContact, programName } from '@/lib/settings/program';

/**
 * "Questions? Write to …": the coordinator contact, on the landing page and in every portal's
 * footer (emails print the same contact). Nothing is shown until the coordinator has set one.
 */
export async function ProgramContactLine({ className }: { className?: string }) {
  const [contact, name] = await Promise.all([programContact().catch(() => null), programName().catch(() => null)]);
  if (!contact && !name) return null;
  return (
    <div className={className}>
      {name && <p className="font-semibold text-stone-700">{name}</p>}
      {contact && (
        <p>
          Questions? Write to {contact.name}, the program coordinator:{' '}
          <a href={`mailto:${contact.email}`} className="font-semibold underline">
            {contact.email}
          </a>
        </p>
      )}
    </div>
  );
}
