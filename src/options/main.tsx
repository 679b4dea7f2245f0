import { render } from 'preact';
import type { Settings } from '../messaging/messages';
import '../ui/styles.css';
import '../ui/fit.css';
import { applyLanguageSetting, send } from '../platform/browser';
import { crmAddressSource } from '../platform/crm-addresses';
import { releaseSalesforceAccess, requestSalesforceAccess } from '../platform/team-permissions';
import { Options } from '../ui/Options';
import { optionsSource } from '../ui/sources';

document.body.style.maxWidth = '640px';
document.body.style.padding = '16px';
await applyLanguageSetting();
const team = {
  save: (teamCheck: Settings['teamCheck']) => send({ type: 'set-settings', settings: { teamCheck } }),
  requestSalesforce: requestSalesforceAccess,
  releaseSalesforce: releaseSalesforceAccess,
};
render(<Options source={optionsSource(send)} addresses={crmAddressSource} team={team} />, document.getElementById('app')!);
