// The size of a parsed JSON value as JSON, without writing it out: a request's variables may be nested
// far deeper than JSON.stringify's recursion allows (JSON.parse is iterative), so the walk keeps its
// own stack. Escapes inside strings are not counted: the size is that of the text the value needs.

export function jsonBytes(value: unknown): number {
  let bytes = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      bytes += Buffer.byteLength(item) + 2;
    } else if (Array.isArray(item)) {
      // Brackets and the commas between items.
      bytes += 1 + Math.max(item.length, 1);
      for (const member of item) pending.push(member);
    } else if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item);
      bytes += 1 + Math.max(entries.length, 1);
      for (const [key, member] of entries) {
        // The key's quotes and its colon.
        bytes += Buffer.byteLength(key) + 3;
        pending.push(member);
      }
    } else {
      bytes += String(item).length;
    }
  }
  return bytes;
}
