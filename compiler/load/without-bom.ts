/**
 * JSON text as JSON.parse takes it: without a leading UTF-8 byte-order mark (Windows editors,
 * PowerShell's `Out-File -Encoding utf8`). JSON.parse refuses the mark, where tsc, npm and kubectl
 * read such files. Editors do not count the mark as a column, so positions in the rest hold.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
