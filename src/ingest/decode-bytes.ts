/** How bytes were turned into text, kept so that ingest can report a guessed encoding. */
export interface DecodedText {
  text: string;
  encoding: string;
  /** True when no BOM or declaration named the encoding and it was inferred. */
  guessed: boolean;
}

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Finds `<meta charset>`, `http-equiv content-type` or an XML declaration in the first 4 KB. */
export function sniffDeclaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const match =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function tryDecoder(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes bytes by, in order: byte-order mark, a charset the document declares, strict UTF-8,
 * and finally windows-1252 (what undeclared legacy Western pages almost always are).
 */
export function decodeBytes(bytes: Uint8Array, declaredCharset: string | null = null): DecodedText {
  for (const [signature, encoding] of BOMS) {
    if (signature.every((byte, index) => bytes[index] === byte)) {
      return {
        text: tryDecoder(encoding, bytes.subarray(signature.length), false) ?? '',
        encoding,
        guessed: false,
      };
    }
  }
  const declared = declaredCharset ?? sniffDeclaredCharset(bytes);
  if (declared) {
    const text = tryDecoder(declared, bytes, false);
    if (text !== null) return { text, encoding: declared, guessed: false };
  }
  const utf8 = tryDecoder('utf-8', bytes, true);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', guessed: declared !== null };
  return { text: tryDecoder('windows-1252', bytes, false) ?? '', encoding: 'windows-1252', guessed: true };
}
