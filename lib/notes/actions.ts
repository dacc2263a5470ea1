'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { addPairingNote, addPersonNote, pairingNoteSchema, personNoteSchema } from './notes';

export const addPersonNoteAction = roleAction({ permission: 'notes:write' }, personNoteSchema, async (data, user) => {
  await addPersonNote(user, data);
  revalidatePath(`/admin/people/${data.userId}`);
  return { ok: true, message: 'Note saved. Only coordinators can read it.' };
});

export const addPairingNoteAction = roleAction({ permission: 'notes:write' }, pairingNoteSchema, async (data, user) => {
  await addPairingNote(user, data);
  revalidatePath(`/admin/pairings/${data.pairingId}`);
  return { ok: true, message: 'Note saved. Only coordinators can read it.' };
});
