import { render } from 'preact';
import { paintInitialReaderPrefs } from '../../components/reader/use-reader-prefs';
import { App } from './App';
import '../../components/shared/switch.css';
import './style.css';

// The reader's theme before the first paint, so a sepia or dark popup never flashes light.
paintInitialReaderPrefs();
render(<App />, document.getElementById('app')!);
