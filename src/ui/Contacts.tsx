// The customer's name and company, and their email and phone each with a copy button.
import { customerName } from '../core/display';
import type { CustomerFields } from '../core/types';
import { t } from '../platform/browser';
import { CopyButton, type WriteText } from './CopyButton';

export function Contacts({ customer, write }: { customer: CustomerFields; write?: WriteText }) {
  const who = [customerName(customer), customer.company].filter(Boolean).join(' · ');
  if (!who && !customer.email && !customer.phone) return null;
  return (
    <div class="contacts" data-testid="contacts">
      {who && <p class="who">{who}</p>}
      {customer.email && (
        <p class="contact">
          <a href={`mailto:${customer.email}`} data-testid="contact-email">
            {customer.email}
          </a>
          <CopyButton text={customer.email} label={t('copyEmail')} write={write} testId="copy-email" />
        </p>
      )}
      {customer.phone && (
        <p class="contact">
          <a href={`tel:${customer.phone.replace(/[^\d+]/g, '')}`} data-testid="contact-phone">
            {customer.phone}
          </a>
          <CopyButton text={customer.phone} label={t('copyPhone')} write={write} testId="copy-phone" />
        </p>
      )}
    </div>
  );
}
