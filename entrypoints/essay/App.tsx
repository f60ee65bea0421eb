import { useMemo } from 'preact/hooks';
import { Ensemble } from '../../components/essay/Ensemble';
import { parseEssayTarget } from '../../components/essay/essay-target';
import { EssayView } from '../../components/essay/EssayView';
import { ReaderControls } from '../../components/reader/ReaderControls';
import { Timeline } from '../../components/essay/Timeline';
import { useReaderPrefs } from '../../components/reader/use-reader-prefs';
import { useSettings } from '../../components/shared/use-settings';
import { ESSAY } from '../../data/essay';
import { t } from '../../lib/browser/i18n';

/** The pictures' width before they are measured: the text column at the default size. */
const PICTURE_WIDTH = 640;

/**
 * The essay as a page of its own (`essay.html`): the same view as the popup, set wide for reading,
 * with the reader controls in a bar and the two pictures beside the paragraphs they draw on. Opened as
 * `essay.html?quote=…#p3` (a card's "Read in the essay"), it lands on paragraph 3 with the words marked.
 */
export function App() {
  const reader = useReaderPrefs();
  const { settings } = useSettings();
  const target = useMemo(
    () =>
      parseEssayTarget(
        location.search,
        location.hash,
        ESSAY.map((p) => p.id),
      ),
    [],
  );
  return (
    <div class="page">
      <a class="page__skip" href="#essay">
        {t('essaySkip')}
      </a>
      <header class="page__bar">
        <div class="page__bar-inner">
          <p class="page__brand">
            <span class="page__brand-mark" aria-hidden="true" />
            {t('extName')}
          </p>
          <ReaderControls prefs={reader.prefs} onChange={(next) => void reader.update(next)} />
        </div>
      </header>
      <main class="page__main" id="essay" tabIndex={-1}>
        <EssayView
          variant="page"
          target={target}
          spoilersRevealed={settings.spoilersRevealed}
          after={{
            p4: <Ensemble initialWidth={PICTURE_WIDTH} />,
            p8: <Timeline initialWidth={PICTURE_WIDTH} />,
          }}
        />
      </main>
    </div>
  );
}
