import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { answerBackgroundMessage } from '../lib/background/answer';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown) => answerBackgroundMessage(message));
});
