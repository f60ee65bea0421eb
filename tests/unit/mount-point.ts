import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh element in the document for each test of the calling suite (registers its own beforeEach
 * and afterEach), unmounted and removed after the test. Returns a getter for it.
 */
export function useMountPoint(): () => HTMLElement {
  let container: HTMLElement | undefined;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    act(() => render(null, container!));
    container!.remove();
    container = undefined;
  });
  return () => container!;
}
