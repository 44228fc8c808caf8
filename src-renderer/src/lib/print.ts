// Prints the screen the user is looking at: the browser's own print dialog in
// browser mode (the print stylesheet hides the app around the page), a PDF
// saved through the shell's save dialog in Electron, with a toast saying where.
import { getApi } from '../bridge';
import type { ToastSlice } from '../store/toasts';
import { errorMessage } from './errors';

export async function printScreen(options: {
  readonly shell: 'electron' | 'browser' | undefined;
  /** The PDF's suggested file name. */
  readonly fileName: string;
  /** What was saved, for the toast: "the certificate". */
  readonly what: string;
  readonly pushToast: ToastSlice['pushToast'];
}): Promise<void> {
  const { shell, fileName, what, pushToast } = options;
  if (shell !== 'electron') {
    window.print();
    return;
  }
  try {
    const saved = await getApi().call('app.printToPdf', { fileName });
    if (saved) pushToast({ message: `Saved ${what} as ${saved}.`, tone: 'info' });
  } catch (error) {
    pushToast({ message: `Could not save the PDF: ${errorMessage(error)}`, tone: 'error' });
  }
}
