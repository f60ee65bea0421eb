import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/**
 * The content width of the element behind the returned ref, kept current as it resizes, so a picture
 * can lay itself out at its real size (its text then stays at its real font size, never scaled down).
 * `fallback` until measured (server rendering, tests without layout).
 */
export function useMeasuredWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.clientWidth);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
