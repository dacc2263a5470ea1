'use server';
import { revalidatePath } from 'next/cache';
import { roleAction } from '@/lib/actions';
import { publishStatementSchema, publishValuesStatement } from '@/lib/values/publish';

export const publishStatementAction = roleAction('admin', publishStatementSchema, async (data, user) => {
  const version = await publishValuesStatement(user, { title: data.title, body: data.body });
  revalidatePath('/admin/values');
  revalidatePath('/admin/people', 'layout');
  return {
    ok: true,
    message: `Version ${version} is published. Every mentor in the program has been emailed to read it and attest again.`,
  };
});
