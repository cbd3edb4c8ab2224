// Shared by the XML formats: one xmlbuilder2 document whose characters XML 1.0 cannot hold (control
// characters an imported name might carry) become U+FFFD instead of making the file unreadable.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { AttributeValue } from './chain-attributes.ts';

export function xmlDocument(namespace: string, root: string, attributes: Record<string, string>): XMLBuilder {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' }).ele(
    namespace,
    root,
    attributes,
  );
}

export const xmlText = (builder: XMLBuilder): string => `${builder.end({ prettyPrint: true })}\n`;

/** A value as XML text: numbers in JavaScript's shortest round-tripping form. */
export const xmlValue = (value: Exclude<AttributeValue, null>): string => String(value);
