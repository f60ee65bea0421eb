import { render } from 'preact';

render(<p>Heat Notes</p>, document.getElementById('app')!);
