// The settings backend outside Electron (browser mode, tests): conf, the
// library electron-store wraps, writing the same settings.json.
import Conf from 'conf';
import type { OpenBackend } from './settings';

export const openConfBackend: OpenBackend = (options) =>
  new Conf<Record<string, unknown>>({
    ...options,
    projectName: 'first-meeting',
    // We validate each field ourselves (settings.ts) so one bad value never costs the others.
    clearInvalidConfig: options.clearInvalidConfig ?? false,
  });
