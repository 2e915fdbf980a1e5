/** The signals that end a run, after its browser and temporary files are gone. */
export const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type Signal = (typeof SIGNALS)[number];

/** The part of `process` this needs; injectable so tests need not send real signals. */
export interface SignalTarget {
  pid: number;
  on(signal: Signal, listener: (signal: Signal) => void): unknown;
  off(signal: Signal, listener: (signal: Signal) => void): unknown;
  listenerCount(signal: Signal): number;
  kill(pid: number, signal: Signal): unknown;
}

/**
 * Until the returned `release` is called, SIGINT, SIGTERM or SIGHUP first runs `cleanup` (close the
 * browser, remove temporary files) and then lets the signal end the process as it would have.
 */
export function cleanupOnSignal(cleanup: () => Promise<void>, target: SignalTarget = process): () => void {
  const release = (): void => {
    for (const signal of SIGNALS) target.off(signal, onSignal);
  };
  function onSignal(signal: Signal): void {
    release();
    // A failed cleanup must not keep the process alive after the user asked it to stop.
    void cleanup()
      .catch(() => {})
      .then(() => {
        // Re-raising with no listener left gives the default action: exit with the signal's status.
        // If the application listens too, the decision to exit is its own.
        if (target.listenerCount(signal) === 0) target.kill(target.pid, signal);
      });
  }
  for (const signal of SIGNALS) target.on(signal, onSignal);
  return release;
}
