import { render } from 'preact';
import '../ui/styles.css';
import { Popup } from '../ui/Popup';

document.documentElement.style.width = '380px';
// The click is a user gesture, so the side panel may be opened from it directly.
const openSidePanel = () => chrome.windows.getCurrent().then((w) => chrome.sidePanel.open({ windowId: w.id! }));
render(<Popup openSidePanel={openSidePanel} />, document.getElementById('app')!);
