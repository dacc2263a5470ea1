import { Card, CardTitle } from '@/components/ui/card';
import { addPairingNoteAction, addPersonNoteAction } from '@/lib/notes/actions';
import { NOTE_MAX, type Note } from '@/lib/notes/notes';
import { formatDateTime } from '@/lib/time/format';
import { NoteForm } from './note-form';

/** The coordinators' private notes on a person or a pairing, newest first, with a form to add one. */
export function NotesSection({ notes, about }: { notes: Note[]; about: { userId: string } | { pairingId: number } }) {
  const subject = 'userId' in about ? ({ name: 'userId', value: about.userId } as const) : ({ name: 'pairingId', value: String(about.pairingId) } as const);
  return (
    <Card>
      <CardTitle>Private notes</CardTitle>
      {notes.length === 0 ? (
        <p className="mb-4 text-sm text-stone-600">No notes yet.</p>
      ) : (
        <ol className="mb-4 space-y-3">
          {notes.map((n) => (
            <li key={n.id} className="rounded-md border border-stone-200 bg-stone-50 p-3">
              <p className="whitespace-pre-line break-words text-stone-900">{n.body}</p>
              <p className="mt-1 text-xs text-stone-600">
                {n.authorName ?? n.authorEmail} · {formatDateTime(n.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      <NoteForm action={'userId' in about ? addPersonNoteAction : addPairingNoteAction} subject={subject} max={NOTE_MAX} />
    </Card>
  );
}
