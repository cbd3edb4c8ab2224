/**
 * A value as an error message shows it: JSON, so that an empty string, surrounding spaces and control
 * characters show; cut to 80 characters, so that a megabyte sent by mistake does not come back.
 */
export function quote(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
