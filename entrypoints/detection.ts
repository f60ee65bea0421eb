import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { PageDetector } from '../lib/core/detection';
import type { BlockKey } from '../lib/page/read/read-block';
import { DETECTION_GLOBAL, type Detection } from '../lib/page/scan/lazy-detection';

/**
 * Detection as a script of its own: the content script imports it from its extension URL the first
 * time a page has a block to read (`lib/page/scan/lazy-detection.ts`), so the pages where the maybe
 * test finds nothing never compile the matcher. Web-accessible with a dynamic URL, like `card-ui.js`
 * (see wxt.config.ts).
 */
export default defineUnlistedScript(() => {
  const detection: Detection = { createDetector: () => new PageDetector<BlockKey>() };
  (globalThis as Record<string, unknown>)[DETECTION_GLOBAL] = detection;
});
