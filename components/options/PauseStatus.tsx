import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { formatDayTime, formatTime } from './format';

/** Longest wait between re-checks (a timer far in the future may be throttled or drift). */
const RECHECK_MAX_MS = 60_000;

/**
 * While "Pause for an hour" holds, says until when and offers "Resume now"; shows nothing otherwise.
 * It goes away on its own when the pause ends.
 */
export function PauseStatus({ pausedUntil, onResume }: { pausedUntil: number; onResume: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const paused = pausedUntil > now;

  useEffect(() => {
    if (pausedUntil <= Date.now()) {
      if (pausedUntil > now) setNow(Date.now());
      return;
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.min(pausedUntil - Date.now() + 50, RECHECK_MAX_MS));
    return () => clearTimeout(timer);
  }, [pausedUntil, now]);

  if (!paused) return null;
  const sameDay = new Date(pausedUntil).toDateString() === new Date(now).toDateString();
  const until = sameDay ? formatTime(pausedUntil) : formatDayTime(pausedUntil);
  return (
    <div class="notice notice--paused">
      <p class="notice__text">{t('optionsPausedUntil', until)}</p>
      <button class="button" type="button" onClick={onResume}>
        {t('optionsResume')}
      </button>
    </div>
  );
}
