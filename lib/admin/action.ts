import 'server-only';
import type { z } from 'zod';
import { errorMessage, fieldErrorsOf, formValues, isNextControlFlow, type ActionState } from '@/lib/actions';
import { ForbiddenError } from '@/lib/auth/permissions';
import { getCurrentUser, type SessionUser } from '@/lib/auth/session';
import { UserFacingError } from '@/lib/errors';

/**
 * roleAction('admin', …) for forms whose answer carries more than ActionState (a plan, a preview,
 * per-item outcomes). Same guarantees: the session and role are checked again here, the form is
 * parsed with zod, and what was typed comes back in `values` on every error. Extra fields of
 * `State` must be optional, since error answers carry only the ActionState part.
 */
export function adminStateAction<S extends z.ZodType, State extends ActionState>(
  schema: S,
  handler: (data: z.output<S>, user: SessionUser, formData: FormData) => Promise<State>,
) {
  return async (_prev: State, formData: FormData): Promise<State> => {
    const values = formValues(formData);
    // Only the ActionState part is set on these answers; State's own fields are all optional.
    const fail = (state: ActionState) => state as State;
    const user = await getCurrentUser();
    if (user?.role !== 'admin') return fail({ message: 'Your session has ended or you do not have access. Sign in again.', values });
    const parsed = schema.safeParse(values);
    if (!parsed.success) return fail({ message: 'Please check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values });
    try {
      return await handler(parsed.data, user, formData);
    } catch (err) {
      if (isNextControlFlow(err)) throw err;
      if (err instanceof ForbiddenError) return fail({ message: 'You do not have access to do that.', values });
      if (!(err instanceof UserFacingError)) console.error(err);
      return fail({ message: errorMessage(err), values });
    }
  };
}
