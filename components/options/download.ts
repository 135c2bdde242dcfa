/** Saves text as a file through a Blob URL (no downloads permission needed on an extension page). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download by now; the URL can go after this task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
