import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

import type { Db, Tx } from '@/db/client';
import { AUDIT_EVENTS, SUBJECT_TYPES } from '@/lib/audit/events';
import { writeAudit } from '@/lib/audit/write';

describe('[AUDIT] typed events', () => {
  it('every event names a known subject type, spelled in kebab-case like the actions', () => {
    for (const [action, spec] of Object.entries(AUDIT_EVENTS)) {
      expect(SUBJECT_TYPES, action).toContain(spec.subjectType);
      expect(spec.subjectType, action).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(action).toMatch(/^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/);
    }
  });

  it('details that do not match the event are refused before anything is written', async () => {
    const insert = vi.fn();
    const tx = { insert } as unknown as Tx;
    // @ts-expect-error: a pairing approval has dates, not a reason
    await expect(writeAudit(tx, { action: 'pairing.approved', actorId: null, subjectId: 1, details: { reason: 'x' } })).rejects.toThrow();
    expect(insert).not.toHaveBeenCalled();
  });

  it('the subject type comes from the event, not from the caller', async () => {
    const values = vi.fn();
    const tx = { insert: () => ({ values }) } as unknown as Tx;
    await writeAudit(tx, { action: 'values.published', actorId: 'a', subjectId: 3, details: { title: 'T', previousVersion: 2 } });
    expect(values).toHaveBeenCalledWith(expect.objectContaining({ action: 'values.published', subjectType: 'values-statement', subjectId: '3' }));
  });

  it('only a transaction handle is accepted (checked by the type checker)', () => {
    const typeOnly = (db: Db) =>
      // @ts-expect-error: a Db is not a transaction, so an audit row cannot be written outside the change it records
      writeAudit(db, { action: 'role.chosen', actorId: 'a', subjectId: 'a', details: { role: 'mentee' } });
    expect(typeof typeOnly).toBe('function');
  });
});
