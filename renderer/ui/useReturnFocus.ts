import { useCallback, useRef } from 'react';

/**
 * Gives the focus back to the control that opened a drawer or dialog once it closes. antd does so
 * itself only for a drawer that stays mounted; one mounted just while open takes the memory with it.
 * `remember` goes where it opens, `restore` where it closes; `fallback` finds the opener again when
 * the list it was in has been drawn anew meanwhile.
 */
export function useReturnFocus(): { remember: () => void; restore: (fallback?: () => HTMLElement | null) => void } {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  }, []);
  const restore = useCallback((fallback?: () => HTMLElement | null) => {
    const remembered = opener.current;
    opener.current = null;
    // After the closing render, when the drawer's own focus trap has let go.
    requestAnimationFrame(() => {
      const target = remembered?.isConnected ? remembered : fallback?.();
      target?.focus();
    });
  }, []);
  return { remember, restore };
}
