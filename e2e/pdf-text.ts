import { inflateSync } from "node:zlib";

/**
 * The text a PDF draws, read without a PDF library: every Flate stream is inflated and the strings of
 * its text operators (pdf-lib writes them as hex, `<4E4950> Tj`, or literal, `(NIP) Tj`) are decoded.
 * Enough to check what a generated receipt or invoice says; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const parts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString("latin1"));
    } catch {
      // Not a Flate stream (or not a stream at all): nothing to read in it.
    }
  }
  const text: string[] = [];
  for (const content of parts) {
    for (const m of content.matchAll(/<([0-9A-Fa-f\s]+)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      text.push(m[1] ? Buffer.from(m[1].replace(/\s/g, ""), "hex").toString("latin1") : m[2]!);
    }
  }
  return text.join("\n");
}
