import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { Role } from '@/db/schema';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';
import { ForbiddenError, hasPermission, type Permission } from '@/lib/auth/permissions';
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

/** Who may submit: a role (or several), anyone holding a permission, or any signed-in person. */
export type ActionGuard = Role | readonly Role[] | { permission: Permission } | 'signed-in';

function admits(guard: ActionGuard, user: SessionUser): boolean {
  if (guard === 'signed-in') return true;
  if (typeof guard === 'object' && 'permission' in guard) return hasPermission(user.role, guard.permission);
  const roles: readonly Role[] = typeof guard === 'string' ? [guard] : guard;
  return !!user.role && roles.includes(user.role);
}

/**
 * The state an action answers: ActionState plus whatever optional fields of its own the handler
 * returns (a plan, a preview, per-item outcomes). Those must be optional, since error answers carry
 * only the ActionState part.
 */
export type StateOf<R> = [Exclude<R, void | undefined>] extends [never]
  ? ActionState // the handler only redirects, or returns nothing
  : ActionState & Omit<Exclude<R, void | undefined>, keyof ActionState>;

/**
 * The one wrapper for server actions. It re-checks the session and the guard (the proxy is only a
 * first gate), parses the form with zod, hands the handler the checked user, and answers every
 * failure the same way: what was typed comes back in `values`, with a calm message. Next's own
 * control flow (redirect, notFound) travels on through `unstable_rethrow`. Errors meant for the
 * person (UserFacingError, e.g. losing a race: "already chosen") are shown as they are; anything
 * else is logged once, here, and reported generically.

 */
export function roleAction<S extends z.ZodType, R extends ActionState | void>(
  guard: ActionGuard,
  schema: S,
  handler: (data: z.output<S>, user: SessionUser, formData: FormData) => Promise<R>,
) {
  type State = StateOf<R>;
  return async (_prev: State, formData: FormData): Promise<State> => {
    const values = formValues(formData);
    // Only the ActionState part is set on these answers; State's own fields are all optional.
    const fail = (state: ActionState) => state as State;
    const user = await getCurrentUser();
    if (!user || !admits(guard, user)) {
      securityEvent('authorisation.refused', { where: 'action', userId: user?.id ?? null, role: user?.role ?? null, guard: JSON.stringify(guard) });
      return fail({ message: 'Your session has ended or you do not have access. Sign in again.', values });
    }
    const parsed = schema.safeParse(values);
    if (!parsed.success) return fail({ message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values });
    try {
      return ((await handler(parsed.data, user, formData)) as State | undefined) ?? fail({ ok: true });
    } catch (err) {
      unstable_rethrow(err);
      if (err instanceof ForbiddenError)
        securityEvent('authorisation.refused', { where: 'action', userId: user.id, role: user.role, permission: err.permission });
      return fail({ message: errorMessage(err), values });
    }
  };
}

/** Errors meant for the person carry a message; anything else is logged and gets a calm generic one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ForbiddenError) return 'You do not have access to do that.';
  if (err instanceof UserFacingError) return err.message;
  console.error('server action failed', err);
  return 'Something went wrong on our side and nothing was saved. Please try again.';
}
