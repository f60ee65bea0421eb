import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Nothing to do yet: the content script and extension pages talk to storage directly.
});
