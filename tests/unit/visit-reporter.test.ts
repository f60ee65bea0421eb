import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VISIT_SETTLE_MS, VisitReporter } from '../../lib/page/visit-reporter';
import { globalTimers } from '../../lib/core/timers';

describe('VisitReporter', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const reporter = () => {
    const reports: Array<Record<string, number>> = [];
    const visits = new VisitReporter({
      report: async (counts) => void reports.push(counts),
      timers: globalTimers,
    });
    return { visits, reports };
  };

  it('reports the counts once the page has settled, and not again while they stay the same', async () => {
    const { visits, reports } = reporter();
    visits.mentionsChanged(['heat']);
    await vi.advanceTimersByTimeAsync(VISIT_SETTLE_MS / 2);
    visits.mentionsChanged(['heat', 'al-pacino', 'heat']);
    await vi.advanceTimersByTimeAsync(VISIT_SETTLE_MS);
    expect(reports).toEqual([{ heat: 2, 'al-pacino': 1 }]);
    visits.mentionsChanged(['al-pacino', 'heat', 'heat']);
    await vi.advanceTimersByTimeAsync(VISIT_SETTLE_MS);
    expect(reports).toHaveLength(1);
  });

  it('reports nothing for a page without mentions, or once stopped', async () => {
    const { visits, reports } = reporter();
    visits.mentionsChanged([]);
    visits.mentionsChanged(['heat']);
    visits.stop();
    await vi.advanceTimersByTimeAsync(VISIT_SETTLE_MS * 2);
    expect(reports).toEqual([]);
  });
});
