import { render } from 'preact';
import { t } from '../../lib/browser/i18n';
import { App } from './App';
import '../../components/shared/page-shell.css';
// The same ::highlight rules as pages get, for the live preview.
import '../content/style.css';
import './style.css';

// index.html's <title> is the English fallback: extension pages' HTML is not localized by the browser.
document.title = t('optionsPageTitle');
render(<App />, document.getElementById('app')!);
