import { render } from 'preact';
import { paintInitialReaderPrefs } from '../../components/reader/use-reader-prefs';
import { t } from '../../lib/browser/i18n';
import { App } from './App';
import './style.css';

// The reader's theme before the first paint, so a sepia or dark panel never flashes light.
paintInitialReaderPrefs();
// index.html's <title> is the English fallback: extension pages' HTML is not localized by the browser.
document.title = t('panelPageTitle');
render(<App />, document.getElementById('app')!);
