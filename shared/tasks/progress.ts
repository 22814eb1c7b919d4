import { z } from 'zod';

/**
 * Progress of a long task main runs for the window (a meeting pack, an export): the window picks
 * the task id when it starts the task, so it can match the events and ask to cancel.
 */
export const TaskProgress = z.object({
  taskId: z.uuid(),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  /** What is being done now, in the user's language. */
  label: z.string().max(1000),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

export const taskMethods = {
  /** Asks a running task to stop at its next step; false if no such task is running. */
  cancel: { input: z.object({ taskId: z.uuid() }), output: z.boolean() },
};
