import { PageDetector } from '../lib/core/detection';
import type { BlockKey } from '../lib/page/read/read-block';
import type { Detection } from '../lib/page/scan/lazy-detection';

/**
 * Detection for a `PageScanner` under test: in the page's own bundle, where the extension loads it
 * as a script of its own (`entrypoints/detection.ts`), and resolved a task later, as a load is.
 */
export const loadDetectionHere = (): Promise<Detection> =>
  new Promise((resolve) => setTimeout(() => resolve({ createDetector: () => new PageDetector<BlockKey>() }), 0));
