import { powerMonitor } from 'electron';

/**
 * Calls `lock` when the operating system locks its screen (macOS, Windows) or the laptop suspends:
 * a lid closed in a taxi leaves the app locked. Only valid once the app is ready.
 */
export function onSystemLock(lock: () => void): void {
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
}
