import { z } from 'zod';
import { getDb } from '@/db/client';
import { writeAudit } from '@/lib/audit/write';
import { hasPermission } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, csvStream } from '@/lib/exports/csv';
import { getOutcomeReport } from '@/lib/reports/outcomes';
import { reportLines, type ReportLine } from '@/lib/reports/rows';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });
const yearParam = z.coerce.number().int().min(2000).max(2200);

/** The outcome report of one program year as CSV: the same suppressed lines as the page. Admins only; audited. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user.role, 'reports:read')) return notFound();
  const year = yearParam.safeParse(new URL(req.url).searchParams.get('year'));
  if (!year.success) return notFound();
  const lines = reportLines(await getOutcomeReport(user, year.data));
  const db = await getDb();
  await db.transaction((tx) =>
    writeAudit(tx, { action: 'export.downloaded', actorId: user.id, subjectId: 'outcomes.csv', details: { file: 'outcomes.csv', identity: false, filters: { year: String(year.data) } } }),
  );
  async function* rows() {
    yield* lines;
  }
  const columns = [
    { header: 'section', value: (l: ReportLine) => l.section },
    { header: 'figure', value: (l: ReportLine) => l.figure },
    { header: 'value', value: (l: ReportLine) => l.value },
  ];
  return csvResponse(`outcomes-${year.data}.csv`, csvStream(columns, rows()));
}
