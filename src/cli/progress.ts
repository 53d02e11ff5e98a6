// A progress bar on stderr while a long import runs, only on a terminal (never in --json mode or
// when stderr is piped: there it would be noise in a log). One bar per phase (reading the file,
// then writing the valid rows); without a known total it counts rows.
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total?: number, phase?: string): void;
  stop(): void;
}

const silent: Progress = { update() {}, stop() {} };

export function createProgress(enabled: boolean, label: (phase: string | undefined) => string): Progress {
  if (!enabled) return silent;
  let bar: SingleBar | undefined;
  let shape: string | undefined;
  return {
    update(done, total, phase) {
      const known = total !== undefined && total > 0;
      const wanted = `${phase}:${known}`;
      if (!bar || shape !== wanted) {
        bar?.stop();
        const format = known
          ? `${label(phase)} {bar} {percentage}% | {value}/{total} | {duration_formatted}`
          : `${label(phase)} {value} | {duration_formatted}`;
        bar = new SingleBar(
          { format, stream: process.stderr, clearOnComplete: true, hideCursor: true, fps: 10 },
          Presets.shades_classic,
        );
        bar.start(known ? total : 0, done);
        shape = wanted;
        return;
      }
      // The reading total is an estimate from the bytes read: it moves, and may be passed.
      if (known && total !== bar.getTotal()) bar.setTotal(Math.max(total, done));
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
