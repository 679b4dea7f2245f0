import { render } from 'preact';
import '../ui/styles.css';
import { applyLanguageSetting } from '../platform/browser';
import { Options } from '../ui/Options';

document.body.style.maxWidth = '640px';
document.body.style.padding = '16px';
await applyLanguageSetting();
render(<Options />, document.getElementById('app')!);
