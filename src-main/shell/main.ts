// The Electron shell. It stays thin: it opens a locked-down window, serves
// the renderer from the app:// protocol, hands every IPC call from our own
// page to the session host, and keeps settings in electron-store. Everything
// else lives in src-main/host and below, shared with browser mode.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  protocol,
  session,
  safeStorage,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import ElectronStore from 'electron-store';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CALL_NAMES } from '../contract/api';
import { composeHost } from '../host/compose';
import { CONTENT_SECURITY_POLICY, contentTypeOf, openExternalUrl } from '../host/security';
import type { OpenBackend } from '../services/settings';
import type { SecretCipher } from '../services/xapi/credentials';
import { defaultDataDir, projectRoot } from '../services/paths';
import { APP_ORIGIN, APP_SCHEME, appRequestFile, isAppUrl, permissionAllowed } from './trust';

const OUT_DIR = join(projectRoot(), 'out');
const RENDERER_DIR = join(OUT_DIR, 'renderer');

// `--data-dir DIR` (as in browser mode) or FIRST_MEETING_DATA; the same default folder otherwise.
const dataDirArg = process.argv.indexOf('--data-dir');
const dataDir = (dataDirArg > 0 ? process.argv[dataDirArg + 1] : undefined) ?? defaultDataDir();
app.setPath('userData', dataDir);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

const openElectronStore: OpenBackend = (options) =>
  new ElectronStore<Record<string, unknown>>({
    cwd: options.cwd,
    name: options.configName,
    clearInvalidConfig: options.clearInvalidConfig ?? false,
  });

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = appRequestFile(request.url, RENDERER_DIR);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function listen(call: ReturnType<typeof composeHost>['call'], windows: Set<number>): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, args: unknown) => {
      // Only our own page in our own window may call; the event never reaches the page.
      if (!windows.has(event.sender.id) || !isAppUrl(event.senderFrame?.url)) {
        return { ok: false, error: { kind: 'invalid', message: 'Untrusted sender' } };
      }
      return call(name, args);
    });
  }
}

function createWindow(windows: Set<number>): void {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'First Meeting',
    webPreferences: {
      preload: join(OUT_DIR, 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  const id = window.webContents.id;
  windows.add(id);
  window.on('closed', () => windows.delete(id));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

function lockDown(): void {
  app.on('web-contents-created', (_event, contents) => {
    // No navigation away from the app, no new windows, no webviews; web links open in the browser.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalUrl(url, (safe) => shell.openExternal(safe));
      return { action: 'deny' };
    });
  });
  // The microphone for spoken replies, from our own page only; nothing else.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(
      permissionAllowed(
        permission,
        details.requestingUrl,
        'mediaTypes' in details ? details.mediaTypes : [],
      ),
    ),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, origin, details) =>
    permissionAllowed(
      permission,
      origin,
      details.mediaType === undefined || details.mediaType === 'audio'
        ? undefined
        : [details.mediaType],
    ),
  );
}

/** The learning record store's secret, sealed with the system's keychain (Keychain, DPAPI, libsecret). */
const safeStorageCipher: SecretCipher = {
  encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
  decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
};

void app.whenReady().then(() => {
  const composed = composeHost({
    dataDir,
    shell: 'electron',
    effects: {
      openFolder: async (path) => {
        const problem = await shell.openPath(path);
        if (problem) throw new Error(problem);
      },
      // The page on show, as its print stylesheet lays it out, saved where the user chooses.
      printToPdf: async (fileName) => {
        const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
        if (!window) return null;
        const choice = await dialog.showSaveDialog(window, {
          defaultPath: join(app.getPath('documents'), fileName),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        if (choice.canceled || !choice.filePath) return null;
        const pdf = await window.webContents.printToPDF({ printBackground: false });
        await writeFile(choice.filePath, pdf);
        return choice.filePath;
      },
    },
    version: app.getVersion(),
    openSettingsBackend: openElectronStore,
    // Without a keychain (some Linux desktops) the secret stays in a file only this user can read.
    ...(safeStorage.isEncryptionAvailable() ? { secretCipher: safeStorageCipher } : {}),
  });
  const windows = new Set<number>();
  lockDown();
  serveRenderer();
  listen(composed.call, windows);
  createWindow(windows);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(windows);
  });
  app.on('before-quit', () => void composed.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
