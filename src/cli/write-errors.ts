// File-system failures while writing a command's output, as one line that names the file and why.
import { CliError } from './cli-error.ts';
import { quote } from '../domain/quote.ts';

const REASONS: Record<string, string> = {
  ENOENT: 'its directory does not exist',
  ENOTDIR: 'its directory does not exist',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EPIPE: 'the reader closed the pipe',
};

/** A CliError for a system error writing `out`; null when `error` is something else. */
export function writeFailure(command: string, out: string, error: unknown): CliError | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  if (!/^E[A-Z]+$/.test(error.code)) return null;
  const reason = REASONS[error.code] ?? error.message;
  return new CliError(`${command}: cannot write ${quote(out)}: ${reason}`);
}
