import type { PageDetector } from '../../core/detection';
import type { BlockKey } from '../read/read-block';
import { leftBy } from '../own-script';

/**
 * Detection, loaded where a page may hold a name. The content script is compiled on every page, and
 * on most of them the maybe test (`maybe-names.ts`) finds nothing to read: the matcher, the evidence
 * and the decisions (`lib/core/detection/`, a third of what the content script was) are a script of
 * their own, `entrypoints/detection.ts`, imported the first time a block is read.
 */

/** Where `detection.js` leaves what it exports (see `../own-script.ts`). */
export const DETECTION_GLOBAL = '__heatNotesDetection';

/** What `detection.js` provides. */
export interface Detection {
  createDetector(): PageDetector<BlockKey>;
}

/** The one piece of the extension API this module uses; typed here, being the same in every browser. */
declare const chrome: { runtime: { getURL(path: string): string } };

/** Runs `detection.js` from its extension URL (the form Firefox's linter accepts; see `card/lazy-card.ts`). */
export async function importDetection(): Promise<Detection> {
  await import(/* @vite-ignore */ chrome.runtime.getURL('/detection.js'));
  return leftBy<Detection>('detection.js', DETECTION_GLOBAL);
}

/** Detection once it is there: loaded once for the page, and again after a failure. */
export class LazyDetection {
  #loaded: Detection | undefined;
  #loading: Promise<Detection> | undefined;

  readonly #load: () => Promise<Detection>;

  constructor(load: () => Promise<Detection>) {
    this.#load = load;
  }

  /** Undefined until `load()` has resolved. */
  get loaded(): Detection | undefined {
    return this.#loaded;
  }

  load(): Promise<Detection> {
    this.#loading ??= this.#load().then(
      (detection) => (this.#loaded = detection),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }
}
