import { programContact } from '@/lib/settings/program';

/**
 * "Questions? Write to …": the coordinator contact, on the landing page and in every portal's
 * footer (emails print the same contact). Nothing is shown until the coordinator has set one.
 */
export async function ProgramContactLine({ className }: { className?: string }) {
  const contact = await programContact().catch(() => null);
  if (!contact) return null;
  return (
    <p className={className}>
      Questions? Write to {contact.name}, the program coordinator:{' '}
      <a href={`mailto:${contact.email}`} className="font-semibold underline">
        {contact.email}
      </a>
    </p>
  );
}
