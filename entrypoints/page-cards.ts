import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { HoverCards } from '../lib/page/card/hover-card';
import { importCardUi } from '../lib/page/card/lazy-card';
import { PAGE_CARDS_GLOBAL, type PageCards } from '../lib/page/card/page-cards';
import { MentionStepper } from '../lib/page/keyboard/mention-stepper';

/**
 * The cards on a page and the keyboard path to its mentions, as a script of their own: the content
 * script imports it from its extension URL once a page has a mention (`lib/page/card/page-cards.ts`),
 * so the many pages without our names never compile it. Web-accessible with a dynamic URL, like
 * `card-ui.js` (see wxt.config.ts).
 */
export default defineUnlistedScript(() => {
  const cards: PageCards = {
    create: (options, mentions) => {
      const hover = new HoverCards({ ...options, loadCard: importCardUi });
      return { hover, stepper: new MentionStepper({ window: options.window, mentions, cards: hover }) };
    },
  };
  (globalThis as Record<string, unknown>)[PAGE_CARDS_GLOBAL] = cards;
});
