import type { TaskProgress } from '../../shared/tasks/progress';

/** What a task reports as it goes: steps done of the total, and what it is doing now. */
export type ReportProgress = (done: number, total: number, label: string) => void;

/**
 * Long tasks the window started (a meeting pack, an export): each runs under the id the window
 * chose, reports progress to whoever listens (the window, through a one-way channel), and can be
 * asked to stop through its AbortSignal.
 */
export class Tasks {
  private readonly listeners = new Set<(progress: TaskProgress) => void>();
  private readonly running = new Map<string, AbortController>();

  onProgress(listener: (progress: TaskProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async run<T>(taskId: string, work: (report: ReportProgress, signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.running.get(taskId)?.abort();
    this.running.set(taskId, controller);
    const report: ReportProgress = (done, total, label) => {
      if (controller.signal.aborted) return;
      const progress = { taskId, done: Math.min(done, total), total: Math.max(total, 1), label };
      for (const listener of this.listeners) listener(progress);
    };
    try {
      return await work(report, controller.signal);
    } finally {
      if (this.running.get(taskId) === controller) this.running.delete(taskId);
    }
  }

  cancel(taskId: string): boolean {
    const controller = this.running.get(taskId);
    controller?.abort();
    return !!controller;
  }
}
