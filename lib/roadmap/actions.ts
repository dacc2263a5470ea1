'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { isConfirmed } from '@/lib/forms/confirm';
import { addRoadmapItem, editRoadmapItem, getMyItemTitle, removeRoadmapItem, setRoadmapItemDone } from './checklist';
import { addItemSchema, editItemSchema, removeItemKey, removeItemSchema, tickItemSchema } from './forms';

/**
 * The shared checklist's actions, for both members of a pairing (admins are refused here and again
 * by the 'roadmap:use' permission; membership is checked in each operation's query).
 */
const MEMBERS = ['mentee', 'mentor'] as const;

function refresh() {
  // The homes show what is next; the full pages show everything.
  revalidatePath('/mentee', 'layout');
  revalidatePath('/mentor', 'layout');
}

export const addRoadmapItemAction = roleAction(MEMBERS, addItemSchema, async (data, user) => {
  await addRoadmapItem(user, data);
  refresh();
  return { ok: true, message: `Added “${data.title}”.` };
});

export const editRoadmapItemAction = roleAction(MEMBERS, editItemSchema, async (data, user) => {
  const changed = await editRoadmapItem(user, data);
  refresh();
  return { ok: true, message: changed ? 'Saved.' : 'Nothing to change.' };
});

export const tickRoadmapItemAction = roleAction(MEMBERS, tickItemSchema, async (data, user) => {
  const changed = await setRoadmapItemDone(user, { itemId: data.itemId, done: data.done === 'yes' });
  refresh();
  if (!changed) return { ok: true, message: data.done === 'yes' ? 'It was already marked done.' : 'It was already open.' };
  return { ok: true, message: data.done === 'yes' ? 'Marked done.' : 'Marked not done.' };
});

/** Two steps: the first answers with a key naming the item; only a submission carrying it removes. */
export const removeRoadmapItemAction = roleAction(
  MEMBERS,
  removeItemSchema,
  async (data, user): Promise<{ ok?: boolean; message?: string; confirmKey?: string; confirmTitle?: string }> => {
    const key = removeItemKey(data.itemId);
    if (!isConfirmed(data.confirm, key)) {
      const title = await getMyItemTitle(user, data.itemId);
      if (!title) return { message: 'That item is not on a roadmap you share. Reload the page and try again.' };
      return { confirmKey: key, confirmTitle: title };
    }
    const title = await removeRoadmapItem(user, data.itemId);
    refresh();
    return { ok: true, message: `Removed “${title}”.` };
  },
);
