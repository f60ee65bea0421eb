import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardHost } from '../components/card/card-host';
import { CARD_UI_GLOBAL, type CardUi } from '../lib/page/card/lazy-card';

/**
 * The card in web pages, as a script of its own: the content script imports it from its extension
 * URL the first time a card is needed (`lib/page/card/lazy-card.ts`). It is web-accessible with a dynamic
 * URL (see wxt.config.ts), so a page can't probe for it.
 */
export default defineUnlistedScript(() => {
  const ui: CardUi = { createCard: (document, actions) => new CardHost(document, actions) };
  (globalThis as Record<string, unknown>)[CARD_UI_GLOBAL] = ui;
});
