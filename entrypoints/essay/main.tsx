import { render } from 'preact';
import { EssayView } from '../../components/EssayView';

render(<EssayView />, document.getElementById('app')!);
