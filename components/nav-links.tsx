'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, type KeyboardEvent } from 'react';
import { cn } from './ui/cn';

/** A portal's navigation entry; entries with a `group` sit in the "More" menu on wide screens. */
export type NavLink = { href: string; label: string; group?: string };

const isCurrent = (pathname: string, href: string) => pathname === href || (href.split('/').length > 2 && pathname.startsWith(`${href}/`));

/** Groups in first-seen order, so the layout decides the order of the menu. */
function groupsOf(links: NavLink[]): [string, NavLink[]][] {
  const groups = new Map<string, NavLink[]>();
  for (const l of links) if (l.group) groups.set(l.group, [...(groups.get(l.group) ?? []), l]);
  return [...groups];
}

/**
 * A navigation that fits every width without sideways scrolling. Phones (< 768 px) get one "Menu"
 * disclosure listing everything, grouped; wider screens show the ungrouped entries as tabs and the
 * grouped ones behind "More". Both menus are native <details>: Enter/Space open them, the screen
 * reader hears "collapsed/expanded", and they work before the JavaScript arrives. The current page is
 * `aria-current="page"` and named on the closed menu's button, so a coordinator always sees where they
 * are. Keyed on the path so a menu closes after a client-side navigation.
 */
export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const current = links.find((l) => isCurrent(pathname, l.href));
  const tabs = links.filter((l) => !l.group);
  const groups = groupsOf(links);
  const moreCurrent = current?.group ? current : undefined;

  // A click anywhere outside an open menu closes it, as with any dropdown.
  useEffect(() => {
    const close = (e: MouseEvent) => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('details[data-nav-menu][open]')) if (!d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('click', close);
    return () => document.removeEventListener('click', close);
  }, []);

  return (
    <>
      <details key={`menu-${pathname}`} data-nav-menu className="group/menu md:hidden" onKeyDown={closeOnEscape}>
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-2 rounded-md px-2 text-sm font-semibold text-brand-900 [&::-webkit-details-marker]:hidden">
          <span>Menu{current && <span className="font-normal text-stone-700"> · {current.label}</span>}</span>
          <Chevron className="group-open/menu:rotate-180" />
        </summary>
        <div className="space-y-3 pb-3">
          <LinkList links={tabs} pathname={pathname} stacked />
          {groups.map(([name, items]) => (
            <GroupList key={name} name={name} links={items} pathname={pathname} stacked />
          ))}
        </div>
      </details>

      <div className="hidden items-center justify-between gap-2 md:flex">
        <LinkList links={tabs} pathname={pathname} />
        {groups.length > 0 && (
          <details key={`more-${pathname}`} data-nav-menu className="group/more relative" onKeyDown={closeOnEscape}>
            <summary
              className={cn(
                'flex min-h-11 cursor-pointer list-none items-center gap-1 border-b-2 px-3 text-sm font-medium [&::-webkit-details-marker]:hidden',
                moreCurrent ? 'border-brand-700 text-brand-900' : 'border-transparent text-stone-600 hover:text-stone-900',
              )}
            >
              {moreCurrent ? (
                <>
                  <span className="sr-only">More, current page: </span>
                  {moreCurrent.label}
                </>
              ) : (
                'More'
              )}
              <Chevron className="group-open/more:rotate-180" />
            </summary>
            <div className="absolute right-0 z-20 mt-1 grid w-max grid-flow-col gap-6 rounded-lg border border-stone-200 bg-white p-4 shadow-lg">
              {groups.map(([name, items]) => (
                <GroupList key={name} name={name} links={items} pathname={pathname} stacked />
              ))}
            </div>
          </details>
        )}
      </div>
    </>
  );
}

function GroupList({ name, links, pathname, stacked }: { name: string; links: NavLink[]; pathname: string; stacked?: boolean }) {
  const id = `nav-group-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <div role="group" aria-labelledby={id}>
      <p id={id} className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">
        {name}
      </p>
      <LinkList links={links} pathname={pathname} stacked={stacked} />
    </div>
  );
}

function LinkList({ links, pathname, stacked }: { links: NavLink[]; pathname: string; stacked?: boolean }) {
  if (!links.length) return null;
  return (
    <ul className={stacked ? 'grid gap-0.5' : 'flex flex-wrap gap-1'}>
      {links.map((l) => {
        const current = isCurrent(pathname, l.href);
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={current ? 'page' : undefined}
              className={cn(
                'flex min-h-11 items-center whitespace-nowrap px-3 text-sm font-medium no-underline',
                stacked
                  ? cn('rounded-md border-l-4', current ? 'border-brand-700 bg-brand-50 text-brand-900' : 'border-transparent text-stone-700 hover:bg-stone-100')
                  : cn('border-b-2', current ? 'border-brand-700 text-brand-900' : 'border-transparent text-stone-600 hover:text-stone-900'),
              )}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** Escape closes an open menu and puts focus back on its button, as a menu button does. */
function closeOnEscape(e: KeyboardEvent<HTMLDetailsElement>) {
  if (e.key !== 'Escape' || !e.currentTarget.open) return;
  e.currentTarget.open = false;
  e.currentTarget.querySelector('summary')?.focus();
}

function Chevron({ className }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className={cn('size-4 shrink-0 transition-transform', className)} fill="currentColor">
      <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" />
    </svg>
  );
}
