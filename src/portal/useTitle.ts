import { useEffect } from 'react';

/** Sets the document title (announced by screen readers on navigation). */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
