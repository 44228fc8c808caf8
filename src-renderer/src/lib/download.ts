// Saves an exported file the way a browser page can: a Blob behind a temporary
// <a download>. Works in Electron too, where the shell's download handling applies.
import type { ExportFile } from '../../../src-main/contract/api';

export function downloadFile(file: ExportFile): void {
  const blob = new Blob([file.content], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
