/**
 * Saves text as a file the way a download link does: a Blob URL on a temporary `<a download>`, clicked,
 * then revoked. No permission needed, and nothing leaves the machine.
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a moment's grace for slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
