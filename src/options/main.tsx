import { render } from 'preact';
import '../ui/styles.css';
import { applyLanguageSetting, send } from '../platform/browser';
import { Options } from '../ui/Options';
import { optionsSource } from '../ui/sources';

document.body.style.maxWidth = '640px';
document.body.style.padding = '16px';
await applyLanguageSetting();
render(<Options source={optionsSource(send)} />, document.getElementById('app')!);
