// Where the built renderer is, wherever the bundler put this code.
import { join } from 'node:path';
import { projectRoot } from '../services/paths';

export const PROJECT_ROOT = projectRoot();
export const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer');
