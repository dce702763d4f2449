import { formatHourMinute, formatMonthDay } from '../lib/clock-format';
import { Banner } from './banner';
import { Button } from './button';
import { cx } from './class-names';
import type { DraftOffer } from './use-form-draft';
import styles from './draft-offer.module.css';

/** "14:02" today, "Apr 6 14:02" on another day: in the app's one clock (lib/clock-format). */
function formatDraftTime(savedAt: number, now: number = Date.now()): string {
  const sameDay = new Date(savedAt).toDateString() === new Date(now).toDateString();
  return sameDay ? formatHourMinute(savedAt) : `${formatMonthDay(savedAt)} ${formatHourMinute(savedAt)}`;
}

interface DraftOfferBannerProps {
  offer: DraftOffer;
  /** Names the form, for the region's label: "Draft of New service". */
  formName: string;
  onRestore: () => void;
  onDiscard: () => void;
  /** What to say when what is edited changed on the master since the draft was typed. */
  changedText?: string;
  placement?: 'page' | 'panel' | 'dialog' | 'cell';
}

/** "Restore what you typed at 14:02?" with Restore and Discard: a kept draft offered back. */
export function DraftOfferBanner({ offer, formName, onRestore, onDiscard, changedText, placement = 'page' }: DraftOfferBannerProps) {
  const kept =
    offer.fields === 1
      ? 'It was not saved, and is kept in this browser tab.'
      : `It was not saved: ${offer.fields} fields, kept in this browser tab.`;
  return (
    <Banner
      tone={offer.changedSince ? 'warn' : 'info'}
      role="region"
      aria-label={`Unsaved draft: ${formName}`}
      className={cx(placement === 'panel' && styles.panel, placement === 'dialog' && styles.dialog, placement === 'cell' && styles.cell)}
      title={`Restore what you typed at ${formatDraftTime(offer.savedAt)}?`}
      actions={
        <>
          <Button size="sm" variant="primary" onClick={onRestore}>
            Restore
          </Button>
          <Button size="sm" onClick={onDiscard}>
            Discard
          </Button>
        </>
      }
    >
      {offer.changedSince ? <p>{changedText ?? 'It has changed on the master since: review before saving.'}</p> : <p>{kept}</p>}
    </Banner>
  );
}
