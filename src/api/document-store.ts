// Apollo's store of parsed and validated documents, by the hash of their text, is shared by every
// organization: a text another organization sent recently answered faster (6-20 ms measured) than one
// nobody sent, so a client could time guesses of what others asked with an id written into the text,
// `organization(id: "cn-…")`: whom they look for (a side effect one viewer's request leaves for another
// to observe, rule 6). A document that holds a string literal is therefore never stored: every such text
// is parsed anew, whoever sent it before. Texts that pass their values as variables (the dashboard's,
// the documented examples') hold none and are stored as before; all they tell is the shape of a query.
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { BREAK, visit, type DocumentNode } from 'graphql';

/** Whether `document` writes a string value anywhere (an argument, an input field, a default). */
export function holdsStringLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue() {
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** Apollo's document store, keeping only documents without string literals. */
export function literalFreeDocumentStore(): KeyValueCache<DocumentNode> {
  const stored = new InMemoryLRUCache<DocumentNode>();
  return {
    get: (key) => stored.get(key),
    set: async (key, document, options) => {
      if (!holdsStringLiteral(document)) await stored.set(key, document, options);
    },
    delete: (key) => stored.delete(key),
  };
}
