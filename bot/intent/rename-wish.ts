/*
 * A rename wished for in words ("Nicer if the Wi-Fi and Printers page were called "Office Network"", "it would
 * be clearer if the On-call Rota was named On-call Schedule"): the page, then the name it should have. Read as
 * "rename <page> to <name>" by the caller. The judging words are data; the runs are bounded.
 */

/** "(it would be) nicer / better / clearer / great if <page> were called <name>". */
const RENAME_WISHED =
  /^(?:it\s+)?(?:(?:would|'d|’d)\s+be\s+|'?s\s+)?(?:so\s+|much\s+|a\s+lot\s+)?(?:nicer|better|clearer|great|good|easier|less\s+confusing)\s+if\s+(\S[^\n]{0,150}?)\s+(?:were|was|is|got)\s+(?:called|named|titled|renamed(?:\s+to)?)\s+(?=\S)([^\n]{1,255})$/i;

/** The wish as "rename <page> to <name>", or `undefined`. */
export function renameWished(line: string): string | undefined {
  const wish = RENAME_WISHED.exec(line.trim());
  return wish ? `rename ${wish[1]} to ${wish[2]!.replace(/[\s.!]+$/, '')}` : undefined;
}
