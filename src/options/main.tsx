import { render } from 'preact';
import '../ui/styles.css';
import { applyLanguageSetting, send } from '../platform/browser';
import { crmAddressSource } from '../platform/crm-addresses';
import { Options } from '../ui/Options';
import { optionsSource } from '../ui/sources';

document.body.style.maxWidth = '640px';
document.body.style.padding = '16px';
await applyLanguageSetting();
render(<Options source={optionsSource(send)} addresses={crmAddressSource} />, document.getElementById('app')!);
