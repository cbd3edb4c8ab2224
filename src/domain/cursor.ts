// Opaque cursors of ordered lists read a page at a time. A cursor is the sort key of the last item a
// page held, so the next page starts right after it even when that item has since changed or gone;
// it names nothing of another reader's list (an audit trail's ties are broken by the stored event's
// own random key, which a restore renews: an old cursor then only picks a place among events of one
// instant), and one a client made up only picks a place in the list.
import { badInput } from './errors.ts';
import { quote } from './quote.ts';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

type CursorKey = readonly (string | number)[];

export const encodeCursor = (key: CursorKey): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/**
 * The key `cursor` (the argument `after`) names, as `read` accepts its parts (null: not a key of this
 * list). `expected` says in the refusal what `after` must be.
 */
export function decodeCursor<K>(
  cursor: string,
  read: (parts: readonly unknown[]) => K | null,
  expected = "the cursor of an earlier page's last item",
): K {
  let parts: unknown = null;
  // Node's decoder skips what is not base64url: "!!" + a cursor would read as the cursor.
  if (BASE64URL.test(cursor)) {
    try {
      parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      // Reported below with the value as given.
    }
  }
  const key = Array.isArray(parts) ? read(parts) : null;
  if (key === null) throw badInput(`after must be ${expected}, got ${quote(cursor)}`);
  return key;
}

/** The cursor argument of a list, decoded; null for the first page. */
export const optionalCursor = <K>(
  cursor: string | null | undefined,
  read: (parts: readonly unknown[]) => K | null,
): K | null => (cursor === null || cursor === undefined ? null : decodeCursor(cursor, read));
