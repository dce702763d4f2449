/** Offers `text` as a file download (a Blob URL on a transient link; no server round trip). */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own reference once started; free ours a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
