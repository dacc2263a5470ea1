import { and, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, identityAnswers, menteeProfiles, mentorProfiles, pairings } from '@/db/schema';
import { ForbiddenError } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { cellText, neutralise } from '@/lib/exports/csv';
import { startExport } from '@/lib/exports/exports';
import { createPerson } from '../support/people';

let admin: SessionUser;
let student: SessionUser;
let physician: SessionUser;

const TRICKY_NAME = 'O\'Hara, "Jo"\nSecond line';
const FORMULA_NAME = '=cmd|" /C calc"!A0';

async function read(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

function rowsOf(buf: Buffer): Record<string, string>[] {
  return parse(buf.toString('utf8'), { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
}

beforeAll(async () => {
  const db = await getDb();
  admin = await createPerson('admin', 'approved', 'Export Admin');
  student = await createPerson('mentee', 'approved', TRICKY_NAME);
  physician = await createPerson('mentor', 'approved', FORMULA_NAME);
  await db.insert(menteeProfiles).values({
    userId: student.id,
    preferredName: 'José',
    school: '+Springfield, "North" Campus',
    schoolYear: 'junior',
    major: '-biology',
    targetCycle: 2028,
    expectationsVersion: 1,
    expectationsAcceptedAt: new Date('2026-01-01T00:00:00Z'),
    identityPreference: 'preferred',
  });
  await db.insert(mentorProfiles).values({
    userId: physician.id,
    preferredName: 'Dr. Formula',
    credential: 'MD',
    specialty: 'Pediatrics',
    organisation: 'Example Health',
    yearsInPractice: 10,
    capacity: 2,
    expectationsVersion: 1,
    expectationsAcceptedAt: new Date('2026-01-01T00:00:00Z'),
  });
  await db.insert(identityAnswers).values({ userId: student.id, races: ['Black or African American'], gender: '@woman', consentedAt: new Date('2026-01-01T00:00:00Z') });
  await db.insert(pairings).values({ menteeId: student.id, mentorId: physician.id, state: 'proposed', score: 80, endReason: '\tnot yet' });
});

describe('[EXPORTS] CSV files', () => {
  it('[EXPORTS]: starts with a UTF-8 byte-order mark and parses back to the exact values (commas, quotes, newlines)', async () => {
    const buf = await read(await startExport(admin, 'people', { identity: false }));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = rowsOf(buf);
    const row = rows.find((r) => r.id === student.id);
    expect(row?.name).toBe(TRICKY_NAME);
    expect(row?.preferred_name).toBe('José');
    // RFC 4180 line ends between records.
    expect(buf.toString('utf8')).toContain('\r\n');
  });

  it('[EXPORTS]: cells that a spreadsheet would run as a formula are neutralised', async () => {
    const rows = rowsOf(await read(await startExport(admin, 'people', { identity: false })));
    expect(rows.find((r) => r.id === physician.id)?.name).toBe(`'${FORMULA_NAME}`);
    const me = rows.find((r) => r.id === student.id);
    expect(me?.school).toBe(`'+Springfield, "North" Campus`);
    expect(me?.major).toBe(`'-biology`);
    const pairing = rowsOf(await read(await startExport(admin, 'pairings', { identity: false }))).find((r) => r.mentee_id === student.id);
    expect(pairing?.end_reason).toBe(`'\tnot yet`);
    expect(pairing?.mentor_name).toBe(`'${FORMULA_NAME}`);
    // Numbers are data, not text: a score stays a number.
    expect(pairing?.score).toBe('80');
  });

  it('[EXPORTS]: neutralise covers =, +, -, @, tab and CR and leaves other text alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutralise(`${start}x`)).toBe(`'${start}x`);
    expect(neutralise('plain, text')).toBe('plain, text');
    expect(cellText(-3)).toBe('-3');
    expect(cellText(['=a', 'b'])).toBe("'=a; b");
  });

  it('[EXPORTS]: identity columns are absent without the option and present with it', async () => {
    const plain = rowsOf(await read(await startExport(admin, 'people', { identity: false })));
    const headers = Object.keys(plain[0]);
    expect(headers).not.toContain('identity_races');
    expect(headers).not.toContain('identity_gender');
    expect(JSON.stringify(plain)).not.toContain('Black or African American');
    const withIdentity = rowsOf(await read(await startExport(admin, 'people', { identity: true })));
    const me = withIdentity.find((r) => r.id === student.id);
    expect(me?.identity_races).toBe('Black or African American');
    expect(me?.identity_gender).toBe("'@woman");
    expect(me?.mentor_identity_preference).toBe('preferred');
    const pairing = rowsOf(await read(await startExport(admin, 'pairings', { identity: true }))).find((r) => r.mentee_id === student.id);
    expect(pairing?.mentee_identity_races).toBe('Black or African American');
    const pairingPlain = rowsOf(await read(await startExport(admin, 'pairings', { identity: false }))).find((r) => r.mentee_id === student.id);
    expect(pairingPlain).not.toHaveProperty('mentee_identity_races');
  });

  it('[EXPORTS]: every export is audited with who, which file and whether identity columns were included', async () => {
    const db = await getDb();
    const exporter = await createPerson('admin', 'approved', 'Audited Exporter');
    await read(await startExport(exporter, 'people', { identity: true }));
    await read(await startExport(exporter, 'pairings', { identity: false }));
    const rows = await db
      .select({ subjectId: auditLog.subjectId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, exporter.id), eq(auditLog.action, 'export.downloaded')))
      .orderBy(auditLog.id);
    expect(rows).toEqual([
      { subjectId: 'people.csv', details: { file: 'people.csv', identity: true } },
      { subjectId: 'pairings.csv', details: { file: 'pairings.csv', identity: false } },
    ]);
  });

  it('[EXPORTS]: a student or a physician cannot export, and nothing is audited for them', async () => {
    const db = await getDb();
    for (const who of [student, physician]) {
      await expect(startExport(who, 'people', { identity: false })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(startExport(who, 'pairings', { identity: true })).rejects.toBeInstanceOf(ForbiddenError);
      const audits = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actorId, who.id));
      expect(audits).toEqual([]);
    }
  });

  it('[EXPORTS]: streams more rows than one page (keyset paging reaches the last row)', async () => {
    const db = await getDb();
    const { users } = await import('@/db/schema');
    const many = Array.from({ length: 620 }, (_, i) => ({ email: `bulk-${i}-${student.id.slice(0, 6)}@example.edu`, name: `Bulk ${i}` }));
    await db.insert(users).values(many);
    const rows = rowsOf(await read(await startExport(admin, 'people', { identity: false })));
    const emails = new Set(rows.map((r) => r.email));
    for (const m of many) expect(emails.has(m.email)).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });
});
