/** Channel names for long-running tasks; no zod here, the sandboxed preload imports it. */
export const taskChannels = ['cancel'] as const;

/** Main → window, one-way: a task's progress (see TaskProgress). */
export const TASK_PROGRESS_CHANNEL = 'task.progress';
