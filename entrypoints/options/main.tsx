import { render } from 'preact';
import { App } from './App';
import '../../components/switch.css';
import '../../components/card.css';
// The same ::highlight rules as pages get, for the live preview.
import '../content/style.css';
import './style.css';

render(<App />, document.getElementById('app')!);
