'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { createCohort, createCohortSchema, setCohortOpen, setCohortOpenSchema } from '@/lib/settings/cohorts';
import {
  programContactSchema,
  programIdentitySchema,
  programSettingsFormSchema,
  updateProgramContact,
  updateProgramIdentity,
  updateProgramSettings,
} from '@/lib/settings/program';

export const saveSettingsAction = roleAction('admin', programSettingsFormSchema, async (data, user) => {
  await updateProgramSettings(user, data);
  revalidatePath('/admin/settings');
  // Weights change every score on the matching pages.
  revalidatePath('/admin/matching', 'layout');
  return { ok: true, message: 'Settings saved. New weights apply to the next suggestions and optimiser run; existing proposals keep their scores.' };
});

export const createCohortAction = roleAction('admin', createCohortSchema, async (data, user) => {
  await createCohort(user, data);
  revalidatePath('/admin/settings');
  return { ok: true, message: `Cohort “${data.name}” created and open for registrations.` };
});

export const setCohortOpenAction = roleAction('admin', setCohortOpenSchema, async (data, user) => {
  const changed = await setCohortOpen(user, { cohortId: data.cohortId, open: data.open });
  revalidatePath('/admin/settings');
  if (!changed) return { message: data.open ? 'That cohort was already open.' : 'That cohort was already closed.' };
  return { ok: true, message: data.open ? 'Reopened for registrations.' : 'Closed to new registrations.' };
});

export const saveContactAction = roleAction('admin', programContactSchema, async (data, user) => {
  const saved = await updateProgramContact(user, data);
  // The contact is printed on the landing page and in every portal's footer.
  revalidatePath('/', 'layout');
  return { ok: true, message: `Saved. People will see ${saved.name} (${saved.email}) as their contact.` };
});

export const saveProgramIdentityAction = roleAction('admin', programIdentitySchema, async (data, user) => {
  const saved = await updateProgramIdentity(user, data);
  // The name is printed on the landing page and in every portal.
  revalidatePath('/', 'layout');
  return { ok: true, message: `Saved. The program is “${saved.programName}”, on ${saved.timeZone.replace(/_/g, ' ')} time.` };
});
