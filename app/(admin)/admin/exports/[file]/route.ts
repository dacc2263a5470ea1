import { getCurrentUser } from '@/lib/auth/session';
import { hasPermission } from '@/lib/auth/permissions';
import { csvResponse } from '@/lib/exports/csv';
import { EXPORT_FILES, startExport, type ExportFile } from '@/lib/exports/exports';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * GET /admin/exports/{people,pairings}.csv — admins only. Everyone else, signed in or not, gets the
 * same 404 as an unknown address: no hint that the export exists. Identity columns only with
 * ?identity=yes (the exports page asks for a confirmation before linking there).
 */
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const user = await getCurrentUser();
  if (!user || !hasPermission(user.role, 'exports:download')) return notFound();
  const name = file.endsWith('.csv') ? file.slice(0, -4) : '';
  if (!(EXPORT_FILES as readonly string[]).includes(name)) return notFound();
  const identity = new URL(req.url).searchParams.get('identity') === 'yes';
  const body = await startExport(user, name as ExportFile, { identity });
  return csvResponse(`${name}${identity ? '-with-identity' : ''}.csv`, body);
}
