/** One line per file in the format `sha256sum -c SHA256SUMS` checks: the hex digest, two spaces, the name. */
export function checksumList(files: readonly { name: string; sha256: string }[]): string {
  return files.map((f) => `${f.sha256}  ${f.name}\n`).join('');
}
