import 'server-only';
import type { z } from 'zod';
import type { Role } from '@/db/schema';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';
import { ForbiddenError } from '@/lib/auth/permissions';
import { UserFacingError } from '@/lib/errors';
import { securityEvent } from '@/lib/security/log';

/** The one shape every form action returns to `useActionState`. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was typed, so the form refills it after an error. */
  values?: Record<string, string | string[]>;
};

export const initialActionState: ActionState = {};

/** FormData → plain object. Checkbox groups are named `field[]` and always become arrays. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    if (key.endsWith('[]')) out[key.slice(0, -2)] = all;
    else out[key] = all[0] ?? '';
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

type Handler<S extends z.ZodType> = (data: z.output<S>, user: SessionUser, formData: FormData) => Promise<ActionState | void>;

/**
 * A server action for one role: re-checks the session and role (the proxy is only a first gate),
 * parses the form with zod, and hands the handler the checked user.
 */
export function roleAction<S extends z.ZodType>(roles: Role | Role[], schema: S, handler: Handler<S>) {
  const allowed = Array.isArray(roles) ? roles : [roles];
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    const values = formValues(formData);
    const user = await getCurrentUser();
    if (!user || !user.role || !allowed.includes(user.role)) {
      securityEvent('authorisation.refused', { where: 'action', userId: user?.id ?? null, role: user?.role ?? null, allowed });
      return { message: 'Your session has ended or you do not have access. Sign in again.', values };
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success)
      return { message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values };
    try {
      return (await handler(parsed.data, user, formData)) ?? { ok: true };
    } catch (err) {
      if (err instanceof ForbiddenError) {
        securityEvent('authorisation.refused', { where: 'action', userId: user.id, role: user.role, permission: err.permission });
        return { message: 'You do not have access to do that.', values };
      }
      if (isNextControlFlow(err)) throw err;
      console.error(err);
      return { message: errorMessage(err), values };
    }
  };
}

/** redirect() and notFound() throw special errors that must travel up to Next. */
export function isNextControlFlow(err: unknown): boolean {
  const digest = (err as { digest?: unknown })?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR'));
}

/** Errors meant for the person carry a message; anything else gets a calm generic one. */
export function errorMessage(err: unknown): string {
  if (err instanceof UserFacingError) return err.message;
  return 'Something went wrong on our side and nothing was saved. Please try again.';
}
