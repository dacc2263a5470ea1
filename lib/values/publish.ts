import 'server-only';
import { and, count, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { CONTROL } from '@/lib/forms/fields';
import { getDb, type Tx } from '@/db/client';
import { attestations, users, valuesStatements } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';
import { assertPermission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { queueReattestNeeded } from '@/lib/email/notices';
import { UserFacingError } from '@/lib/errors';

export const STATEMENT_TITLE_MAX = 200;
export const STATEMENT_BODY_MIN = 50;
export const STATEMENT_BODY_MAX = 10_000;

const statementFields = {
  title: z
    .string({ error: 'Enter a title.' })
    .transform((v) => v.trim())
    .refine((v) => v.length >= 3, 'Enter a title of at least 3 characters.')
    .refine((v) => v.length <= STATEMENT_TITLE_MAX, `Keep the title under ${STATEMENT_TITLE_MAX} characters.`)
    .refine((v) => !CONTROL.test(v), 'Remove the invisible characters from the title.'),
  body: z
    .string({ error: 'Enter the statement.' })
    // Browsers submit textareas with CRLF; store one kind of line break.
    .transform((v) => v.replace(/\r\n?/g, '\n').trim())
    .refine((v) => v.length >= STATEMENT_BODY_MIN, `Write at least ${STATEMENT_BODY_MIN} characters.`)
    .refine((v) => v.length <= STATEMENT_BODY_MAX, `Keep the statement under ${STATEMENT_BODY_MAX.toLocaleString('en-US')} characters.`)
    .refine((v) => !CONTROL.test(v), 'Remove the invisible characters from the statement.'),
};

export const statementSchema = z.object(statementFields);

/** The publish form: the statement plus an explicit "I understand what this does". */
export const publishStatementSchema = z.object({
  ...statementFields,
  // The transform comes first: zod skips checks on an absent optional key, and an unticked
  // checkbox is exactly an absent key.
  confirm: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'yes')
    .refine((v) => v, 'Confirm that every mentor will be asked to attest again.'),
});

// Any constant works; it only has to be the same for every publisher.
const PUBLISH_LOCK = sql`hashtext('values_statements.publish')`;

/** Mentors who are told to attest again: everyone still in (or on the way into) the program. */
const NOT_NOTIFIED = ['withdrawn', 'declined', 'registering'] as const;

/**
 * Publishes the next version of the values statement. From that moment mentors who have not
 * attested it are not matchable, so every mentor still in the program is emailed to attest again.
 */
export async function publishValuesStatement(actor: SessionUser, input: { title: string; body: string }): Promise<number> {
  assertPermission(actor, 'values:publish');
  const parsed = statementSchema.safeParse(input);
  if (!parsed.success) throw new UserFacingError(parsed.error.issues[0]?.message ?? 'Check the statement.');
  const { title, body } = parsed.data;

  const db = await getDb();
  const version = await db.transaction(async (tx) => {
    // Two coordinators publishing at once: the second waits here, then (read committed) sees the
    // first one's version in the max() below. The primary key would refuse a duplicate anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK})`);
    const [latest] = await tx
      .select({ version: valuesStatements.version, title: valuesStatements.title, body: valuesStatements.body })
      .from(valuesStatements)
      .orderBy(desc(valuesStatements.version))
      .limit(1);
    // Re-attesting to identical words would take every mentor out of matching for nothing.
    if (latest && latest.title === title && latest.body === body)
      throw new UserFacingError('This is the same as the current version. Change the statement before publishing.');
    const next = (latest?.version ?? 0) + 1;
    await tx.insert(valuesStatements).values({ version: next, title, body, publishedBy: actor.id });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'values.published',
      subjectId: next,
      details: { title, previousVersion: latest?.version ?? null },
    });
    await notifyMentors(tx, next);
    return next;
  });
  return version;
}

/**
 * Queued with the publication, one email per mentor: the job queue delivers them (and retries
 * each on its own), so the coordinator's request does not wait on the mail provider.
 */
async function notifyMentors(tx: Tx, version: number): Promise<void> {
  const mentors = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'mentor'), notInArray(users.status, [...NOT_NOTIFIED])));
  for (const mentor of mentors) await queueReattestNeeded(tx, mentor, version);
}

export type StatementVersion = {
  version: number;
  title: string;
  body: string;
  publishedAt: Date;
  publisherName: string | null;
  attestations: number;
};

export type StatementOverview = {
  versions: StatementVersion[];
  /** Mentors in the program (pending, waitlisted or approved) and how many attested the latest. */
  mentorsInProgram: number;
  mentorsAttestedCurrent: number;
};

const IN_PROGRAM = ['pending', 'waitlisted', 'approved'] as const;

/** Every version, newest first, with who published it and how many mentors signed it. */
export async function getStatementOverview(actor: SessionUser): Promise<StatementOverview> {
  assertPermission(actor, 'values:publish');
  const db = await getDb();
  const signed = db
    .select({ version: attestations.statementVersion, n: count().as('n') })
    .from(attestations)
    .groupBy(attestations.statementVersion)
    .as('signed');
  const versions = await db
    .select({
      version: valuesStatements.version,
      title: valuesStatements.title,
      body: valuesStatements.body,
      publishedAt: valuesStatements.publishedAt,
      publisherName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
      attestations: sql<number>`coalesce(${signed.n}, 0)::int`,
    })
    .from(valuesStatements)
    .leftJoin(users, eq(users.id, valuesStatements.publishedBy))
    .leftJoin(signed, eq(signed.version, valuesStatements.version))
    .orderBy(desc(valuesStatements.version));

  const [{ inProgram }] = await db
    .select({ inProgram: count() })
    .from(users)
    .where(and(eq(users.role, 'mentor'), inArray(users.status, [...IN_PROGRAM])));
  const current = versions[0]?.version;
  const [{ attested }] = current
    ? await db
        .select({ attested: count() })
        .from(attestations)
        .innerJoin(users, eq(users.id, attestations.userId))
        .where(and(eq(attestations.statementVersion, current), eq(users.role, 'mentor'), inArray(users.status, [...IN_PROGRAM])))
    : [{ attested: 0 }];
  return { versions, mentorsInProgram: inProgram, mentorsAttestedCurrent: attested };
}
