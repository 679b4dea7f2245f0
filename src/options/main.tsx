import { render } from 'preact';
import '../ui/styles.css';
import { Options } from '../ui/Options';

document.body.style.maxWidth = '640px';
document.body.style.padding = '16px';
render(<Options />, document.getElementById('app')!);
