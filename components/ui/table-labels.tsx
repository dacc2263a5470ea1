'use client';
import { useEffect, useRef } from 'react';

/**
 * Names each body cell after its column (`data-label`) so the phone layout of `Table` can show
 * "Status: approved" on a card. Done once in the browser rather than in every page's markup: the
 * header row already says it. Cells spanning columns, and columns whose header holds a control
 * (the "select all" checkbox), get no name; such a header and cell show their control instead
 * (`data-control`). Rows added later (a client list growing) are named as they arrive.
 */
export function StackLabels() {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const table = ref.current?.parentElement?.querySelector('table');
    if (!table) return;
    const label = () => {
      const heads = [...table.querySelectorAll<HTMLTableCellElement>('thead tr:first-child > th')];
      const names: (string | null)[] = [];
      for (const th of heads) {
        const control = th.querySelector('input, select, button');
        if (control) th.dataset.control = '';
        const name = control ? '' : (th.textContent ?? '').trim();
        for (let i = 0; i < th.colSpan; i++) names.push(th.colSpan > 1 ? '' : name);
      }
      for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody > tr')) {
        let col = 0;
        for (const cell of row.cells) {
          if (cell instanceof HTMLTableCellElement && cell.tagName === 'TD' && cell.dataset.label === undefined && cell.colSpan === 1) {
            cell.dataset.label = names[col] ?? '';
            if (!cell.dataset.label && cell.querySelector('input[type=checkbox], input[type=radio]')) cell.dataset.control = '';
          }
          col += cell.colSpan;
        }
      }
    };
    label();
    const watch = new MutationObserver(label);
    watch.observe(table, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, []);
  return <span ref={ref} hidden />;
}
