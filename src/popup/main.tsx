import { render } from 'preact';
import '../ui/styles.css';
import '../ui/fit.css';
import { applyLanguageSetting } from '../platform/browser';
import { canOpenSidePanel, openSidePanel } from '../platform/side-panel';
import { Popup } from '../ui/Popup';

document.documentElement.style.width = '380px';
// The click on the popup's button is a user gesture, so the side panel may be opened from it directly.
await applyLanguageSetting();
render(<Popup openSidePanel={canOpenSidePanel() ? () => openSidePanel('this-window') : undefined} />, document.getElementById('app')!);
