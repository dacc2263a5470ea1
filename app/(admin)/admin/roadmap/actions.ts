'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { isConfirmed } from '@/lib/forms/confirm';
import { archiveTemplateItemSchema, archiveTemplateKey, templateItemSchema, updateTemplateItemSchema } from '@/lib/roadmap/forms';
import { addTemplateItem, archiveTemplateItem, getTemplateItemTitle, updateTemplateItem } from '@/lib/roadmap/template';

export const addTemplateItemAction = roleAction('admin', templateItemSchema, async (data, user) => {
  await addTemplateItem(user, data);
  revalidatePath('/admin/roadmap');
  return { ok: true, message: `Added “${data.title}”. Roadmaps created from now on include it.` };
});

export const updateTemplateItemAction = roleAction('admin', updateTemplateItemSchema, async (data, user) => {
  const changed = await updateTemplateItem(user, data);
  revalidatePath('/admin/roadmap');
  return { ok: true, message: changed ? 'Saved. Roadmaps created from now on use it; existing ones keep theirs.' : 'Nothing to change.' };
});

/** Two steps, like every removal: the first answers with a key naming the item. */
export const archiveTemplateItemAction = roleAction(
  'admin',
  archiveTemplateItemSchema,
  async (data, user): Promise<{ ok?: boolean; message?: string; confirmKey?: string; confirmTitle?: string }> => {
    const key = archiveTemplateKey(data.itemId);
    if (!isConfirmed(data.confirm, key)) {
      const title = await getTemplateItemTitle(user, data.itemId);
      if (!title) return { message: 'That template item was already removed. Reload the page.' };
      return { confirmKey: key, confirmTitle: title };
    }
    const title = await archiveTemplateItem(user, data.itemId);
    revalidatePath('/admin/roadmap');
    return { ok: true, message: `Removed “${title}” from the template. Existing roadmaps keep it.` };
  },
);
