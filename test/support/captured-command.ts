// Runs a command-line command in this process as `tiersight` would, with what it prints captured
// (process.stdout, console.log and console.error), so a test can read its output and its exit.
import { vi } from 'vitest';

export async function captured(
  run: (args: string[]) => Promise<unknown>,
  args: string[],
): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown) => {
    stdout += String(chunk);
    return true;
  }) as typeof process.stdout.write);
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(' ')}\n`;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.join(' ')}\n`;
  });
  try {
    await run(args);
  } finally {
    write.mockRestore();
    log.mockRestore();
    error.mockRestore();
  }
  return { stdout, stderr };
}
