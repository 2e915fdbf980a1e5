// What a batch shows while it runs: on a terminal one bar, redrawn in place (done/total, the unit
// being built, elapsed and remaining time); elsewhere (a log, CI) one line per unit as it ends. Unit
// names are data: shown through terminalText, so a control character in a file name prints as text.
import type { BuildResult } from '../build.js';
import type { Finding } from '../findings.js';
import { terminalText } from '../render/escape.js';

export interface Progress {
  start(file: string): void;
  /** A unit ended; `report` is what to print about it (its findings), or ''. */
  done(result: BuildResult, report: string): void;
  /** Stops redrawing and prints the summary. */
  finish(): void;
}

const WIDTH = 24;

export function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const counted = (findings: readonly Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity).length;

export function progress(total: number, stream: NodeJS.WriteStream = process.stderr, now: () => number = Date.now): Progress {
  const started = now();
  const running = new Map<string, number>();
  let done = 0;
  let built = 0;
  let failed = 0;
  let warnings = 0;
  const tty = stream.isTTY === true;
  const bar = (): string => {
    const elapsed = now() - started;
    const filled = Math.round((done / total) * WIDTH);
    const left = done === 0 ? '—' : clock((elapsed / done) * (total - done));
    const current = [...running.keys()].at(-1);
    const name = current === undefined ? '' : terminalText(current);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total}  用时 elapsed ${clock(elapsed)}  剩余 left ${left}  ${name}`;
    return line.slice(0, Math.max(20, (stream.columns ?? 100) - 1));
  };
  const redraw = () => tty && stream.write(`\r\x1b[2K${bar()}`);
  const clear = () => tty && stream.write('\r\x1b[2K');
  const timer = tty ? setInterval(redraw, 1000) : undefined;
  timer?.unref();
  return {
    start(file) {
      running.set(file, now());
      redraw();
    },
    done(result, report) {
      const took = now() - (running.get(result.file) ?? now());
      running.delete(result.file);
      done++;
      const ok = result.outputs.length > 0;
      if (ok) built++;
      else failed++;
      const w = counted(result.findings, 'warning');
      warnings += w;
      clear();
      if (report) stream.write(report);
      if (!tty) {
        const errors = counted(result.findings, 'error');
        const what = ok ? `已生成 built${w ? `，${w} 个警告 ${w} warnings` : ''}` : `未生成 not built，${errors} 个错误 ${errors} errors`;
        stream.write(`[${done}/${total}] ${terminalText(result.file)}: ${what} (${(took / 1000).toFixed(1)} s)\n`);
      }
      redraw();
    },
    finish() {
      if (timer) clearInterval(timer);
      clear();
      const time = clock(now() - started);
      stream.write(`已生成 ${built} 个，未生成 ${failed} 个，警告 ${warnings} 个；用时 ${time}。 Built ${built}, failed ${failed}, warnings ${warnings}; time ${time}.\n`);
    },
  };
}
