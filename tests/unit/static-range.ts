import { beforeAll } from 'vitest';

/**
 * happy-dom has no StaticRange (nor CSS.highlights, which the painter then skips): for the calling
 * suite, a plain holder of the four boundary fields stands in for it.
 */
export function useStaticRange(): void {
  beforeAll(() => {
    if (typeof globalThis.StaticRange !== 'undefined') return;
    globalThis.StaticRange = class {
      readonly startContainer: Node;
      readonly startOffset: number;
      readonly endContainer: Node;
      readonly endOffset: number;
      readonly collapsed = false;
      constructor(init: StaticRangeInit) {
        this.startContainer = init.startContainer;
        this.startOffset = init.startOffset;
        this.endContainer = init.endContainer;
        this.endOffset = init.endOffset;
      }
    } as unknown as typeof StaticRange;
  });
}
