import { useRef, useState } from 'preact/hooks';
import { defaultSettings, type Settings } from '../../lib/core/settings';
import { exportFileName, exportSettings, importSettings, importSizeProblem } from '../../lib/core/settings-file';
import { plural, t } from '../../lib/browser/i18n';
import { ConfirmStep } from './controls';
import { downloadText } from './download';
import './Backup.css';

type Outcome = { kind: 'ok'; text: string; notices?: string[] } | { kind: 'error'; text: string };

interface BackupProps {
  settings: Settings;
  sites: readonly string[];
  saveSettings: (settings: Settings) => Promise<boolean>;
  saveSites: (sites: string[]) => Promise<boolean>;
  disabled?: boolean;
}

/** Export to a JSON file, import from one (refused whole, with the reason, when not valid), reset with a confirm step. */
export function Backup({ settings, sites, saveSettings, saveSites, disabled }: BackupProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [alsoSites, setAlsoSites] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);

  const exportNow = () => {
    const file = exportFileName('settings');
    downloadText(file, exportSettings(settings, sites));
    setOutcome({ kind: 'ok', text: t('optionsExported', file) });
  };

  const importFile = async (file: File) => {
    setOutcome(null);
    const tooLarge = importSizeProblem(file.size);
    if (tooLarge) {
      setOutcome({ kind: 'error', text: t('optionsImportRefused', file.name, tooLarge) });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setOutcome({ kind: 'error', text: t('optionsImportRefused', file.name, t('optionsImportUnreadable')) });
      return;
    }
    const result = importSettings(text);
    if (!result.ok) {
      setOutcome({ kind: 'error', text: t('optionsImportRefused', file.name, result.reason) });
      return;
    }
    const kept = (await saveSettings(result.settings)) && (await saveSites(result.sites));
    setOutcome(kept ? { kind: 'ok', text: t('optionsImported', file.name), notices: result.notices } : { kind: 'error', text: t('optionsImportFailed') });
  };

  const reset = async () => {
    const kept = (await saveSettings(defaultSettings())) && (!alsoSites || (await saveSites([])));
    setOutcome(kept ? { kind: 'ok', text: t(alsoSites ? 'optionsResetDoneSites' : 'optionsResetDone') } : { kind: 'error', text: t('optionsResetFailed') });
    setConfirming(false);
    setAlsoSites(false);
    resetButton.current?.focus();
  };

  const cancel = () => {
    setConfirming(false);
    setAlsoSites(false);
    resetButton.current?.focus();
  };

  return (
    <div class="backup">
      <div class="backup__row">
        <div class="backup__text">
          <p class="backup__hint" id="backup-export-hint">
            {t('optionsExportHint')}
          </p>
        </div>
        <button class="button" type="button" disabled={disabled} aria-describedby="backup-export-hint" onClick={exportNow}>
          {t('optionsExport')}
        </button>
      </div>
      <div class="backup__row">
        <div class="backup__text">
          <p class="backup__hint" id="backup-import-hint">
            {t('optionsImportHint')}
          </p>
        </div>
        {/* The file input itself is visually hidden; its label is the button people see and press. */}
        <input
          class="hn-visually-hidden file-input"
          id="backup-import"
          type="file"
          accept="application/json,.json"
          disabled={disabled}
          aria-describedby="backup-import-hint"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void importFile(file);
          }}
        />
        <label class={disabled ? 'button button--disabled' : 'button'} for="backup-import">
          {t('optionsImport')}
        </label>
      </div>
      <div class="backup__row">
        <div class="backup__text">
          <p class="backup__hint" id="backup-reset-hint">
            {t('optionsResetHint')}
          </p>
        </div>
        <button
          class="button button--danger"
          type="button"
          ref={resetButton}
          disabled={disabled}
          aria-describedby="backup-reset-hint"
          aria-expanded={confirming}
          aria-controls={confirming ? 'backup-reset-confirm' : undefined}
          onClick={() => setConfirming(!confirming)}
        >
          {t('optionsReset')}
        </button>
      </div>
      {confirming && (
        <ConfirmStep
          id="backup-reset-confirm"
          question={t('optionsResetQuestion')}
          confirmLabel={t('optionsResetConfirm')}
          onConfirm={() => void reset()}
          onCancel={cancel}
        >
          {sites.length > 0 && (
            <label class="check">
              <input type="checkbox" checked={alsoSites} onChange={(event) => setAlsoSites(event.currentTarget.checked)} />
              <span>{t('optionsResetAlsoSites', plural(sites.length, 'sitesOne', 'sitesMany', sites.length.toLocaleString()))}</span>
            </label>
          )}
        </ConfirmStep>
      )}
      {/* Refusals are alerts (the user acted and must hear why nothing happened); successes are status. */}
      <div class="backup__outcome" role="alert">
        {outcome?.kind === 'error' && <p class="outcome outcome--error">{outcome.text}</p>}
      </div>
      <div class="backup__outcome" role="status" aria-live="polite">
        {outcome?.kind === 'ok' && (
          <div class="outcome outcome--ok">
            <p>{outcome.text}</p>
            {outcome.notices && outcome.notices.length > 0 && (
              <ul class="outcome__notices">
                {outcome.notices.map((notice, index) => (
                  <li key={index}>{notice}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
