/**
 * How `wmbb esim download` shows its stages and the install's progress: a bar redrawn on
 * stderr when stderr is a terminal (drawn by `cli-progress`, loaded only then); otherwise one
 * plain line per stage on stderr, and per quarter of the install. With `--json` each stage and
 * progress report is also an NDJSON line on stdout. However often Windows reports, at most one
 * progress line per whole percent is written: nothing floods a pipe or a log.
 *
 * @module
 */

import type CliProgress from 'cli-progress';
import type { EsimInstallProgress } from '../../backend.js';
import { importModule } from '../../import-module.js';
import type { CliIo } from '../cli-io.js';
import type { CliTerminal } from '../cli-terminal.js';
import { formatBytes } from './esim-view.js';

/** What the download goes through, in order. */
export type DownloadStage = 'downloadingMetadata' | 'installing' | 'installed';

const stageWords: Record<DownloadStage, string> = {
  downloadingMetadata: "Downloading the profile's metadata",
  installing: 'Installing the profile',
  installed: 'Installed',
};

export interface DownloadReporter {
  stage(stage: DownloadStage, detail?: string): void;
  /** Windows' `ESimProfileInstallProgress`, as reported. */
  progress(progress: EsimInstallProgress): void;
  /** Takes the bar down (after success, failure or Ctrl+C); may be called more than once. */
  stop(): void;
}

interface Bar {
  start(total: number, value: number, payload?: object): void;
  update(value: number, payload?: object): void;
  setTotal(total: number): void;
  stop(): void;
}

export async function createDownloadReporter(
  io: CliIo,
  terminal: CliTerminal,
  json: boolean,
): Promise<DownloadReporter> {
  const bar = terminal.stderrIsTty ? await createBar(terminal) : undefined;
  let barStarted = false;
  let lastPercent = -1;
  let lastQuarter = -1;
  return {
    stage(stage, detail) {
      if (json) io.out(`${JSON.stringify({ event: 'stage', stage })}\n`);
      if (stage === 'installing' && bar !== undefined) return;
      if (stage === 'installed' && barStarted) bar?.stop();
      if (!json || bar !== undefined)
        io.err(`${stageWords[stage]}${detail === undefined ? '' : ` ${detail}`}\n`);
    },
    progress({ installedSizeInBytes: done, totalSizeInBytes: total }) {
      const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
      if (percent === lastPercent) return;
      lastPercent = percent;
      if (json) {
        io.out(
          `${JSON.stringify({ event: 'progress', installedSizeInBytes: done, totalSizeInBytes: total, percent })}\n`,
        );
      }
      const sizes = { done: formatBytes(done), size: formatBytes(total) };
      if (bar !== undefined) {
        if (!barStarted) bar.start(Math.max(total, 1), done, sizes);
        else {
          bar.setTotal(Math.max(total, 1));
          bar.update(done, sizes);
        }
        barStarted = true;
        return;
      }
      const quarter = Math.floor(percent / 25);
      if (!json && quarter !== lastQuarter) {
        lastQuarter = quarter;
        io.err(`Installing: ${percent}% (${sizes.done} of ${sizes.size})\n`);
      }
    },
    stop() {
      if (barStarted) bar?.stop();
      barStarted = false;
    },
  };
}

async function createBar(terminal: CliTerminal): Promise<Bar> {
  const { default: progress } = await importModule<{ default: typeof CliProgress }>('cli-progress');
  return new progress.SingleBar(
    {
      stream: terminal.stderr,
      format: 'Installing {bar} {percentage}% | {done} of {size}',
      // The cursor stays visible: a process stopped mid-install never leaves it hidden.
      hideCursor: false,
      clearOnComplete: false,
      // Redraw at most 10 times a second, whatever the rate of Windows' reports.
      fps: 10,
    },
    progress.Presets.shades_classic,
  );
}
