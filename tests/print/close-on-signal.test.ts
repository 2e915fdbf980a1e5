import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { cleanupOnSignal, type SignalTarget } from '../../src/print/close-on-signal.js';

function fakeProcess(): SignalTarget & EventEmitter & { kill: ReturnType<typeof vi.fn> } {
  return Object.assign(new EventEmitter(), { pid: 4242, kill: vi.fn() });
}

describe('cleanupOnSignal', () => {
  it('cleans up, then re-raises the signal so the process still ends', async () => {
    const target = fakeProcess();
    const order: string[] = [];
    target.kill.mockImplementation(() => order.push('kill'));
    cleanupOnSignal(async () => {
      order.push('cleanup');
    }, target);
    target.emit('SIGTERM', 'SIGTERM');
    await vi.waitFor(() => expect(order).toEqual(['cleanup', 'kill']));
    expect(target.kill).toHaveBeenCalledWith(4242, 'SIGTERM');
    expect(target.listenerCount('SIGINT')).toBe(0);
  });

  it('leaves the exit to the application when it listens too', async () => {
    const target = fakeProcess();
    const cleanup = vi.fn(async () => {});
    target.on('SIGINT', () => {});
    cleanupOnSignal(cleanup, target);
    target.emit('SIGINT', 'SIGINT');
    await vi.waitFor(() => expect(cleanup).toHaveBeenCalledOnce());
    await new Promise((resolve) => setImmediate(resolve));
    expect(target.kill).not.toHaveBeenCalled();
  });

  it('still re-raises when the cleanup fails', async () => {
    const target = fakeProcess();
    cleanupOnSignal(() => Promise.reject(new Error('browser already gone')), target);
    target.emit('SIGINT', 'SIGINT');
    await vi.waitFor(() => expect(target.kill).toHaveBeenCalledWith(4242, 'SIGINT'));
  });

  it('stops listening once released', () => {
    const target = fakeProcess();
    const release = cleanupOnSignal(async () => {}, target);
    expect(target.listenerCount('SIGTERM')).toBe(1);
    release();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) expect(target.listenerCount(signal)).toBe(0);
  });
});
