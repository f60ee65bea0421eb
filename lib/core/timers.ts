/**
 * The one shape of timers that pure state machines are handed (`HoverIntent`, `TouchPress`,
 * `debouncedWriter`): the caller passes the page's, the content script's (`ctx.setTimeout`, cancelled
 * with the script) or a test's fake ones. Pure.
 */
export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(id: number): void;
}

/** The global `setTimeout` and `clearTimeout`, in the shape above (in Node a timer is an object; it goes back as it came). */
export const globalTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
  clear: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
};
