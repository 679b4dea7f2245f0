// The first-contact email for a lead, in the rep's language: read it, copy it, or open it in the mail app.
import { useMemo } from 'preact/hooks';
import { draftFor, mailtoLink } from '../core/drafts';
import type { CustomerFields, DecodedLeadSource, Lang } from '../core/types';
import { t } from '../platform/browser';
import { CopyButton, type WriteText } from './CopyButton';

export function DraftBox({
  decoded,
  customer,
  offer,
  lang,
  write,
}: {
  decoded: DecodedLeadSource;
  customer: CustomerFields;
  /** How the offer reads to the customer: its friendly name when known. */
  offer: string;
  lang: Lang;
  write?: WriteText;
}) {
  const name = customer.firstName?.trim() || customer.fullName?.trim() || '';
  const draft = useMemo(() => draftFor(decoded, { name, offer, lang }), [decoded, name, offer, lang]);
  if (!draft) return null;
  const text = `${draft.subject}\n\n${draft.body}`;
  return (
    <details class="draft" data-testid="draft">
      <summary>{t('draftTitle')}</summary>
      <p class="draft-subject">
        <strong>{t('draftSubject')}</strong> <span data-testid="draft-subject">{draft.subject}</span>
      </p>
      <pre class="draft-body" data-testid="draft-body">
        {draft.body}
      </pre>
      <div class="actions">
        <CopyButton text={text} label={t('draftCopy')} write={write} testId="copy-draft" />
        <a class="button" href={mailtoLink(customer.email, draft)} data-testid="draft-mailto">
          {t('draftOpenMail')}
        </a>
      </div>
    </details>
  );
}
