// Where the store's endpoint, key and secret live: lrs.json in the data
// folder, readable only by the user (0600), never in settings.json. In the
// desktop app the secret is encrypted with Electron's safeStorage through the
// `SecretCipher` seam the shell gives; in browser mode it is kept as text in
// that 0600 file. Nothing here logs, and `publicView` is all the page sees.
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../storage/atomic';
import { nodeDisk, type Disk } from '../storage/disk';
import type { LrsCredentials } from './client';

/** Encrypts the secret at rest (the Electron shell gives safeStorage's pair). */
export interface SecretCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
}

export interface LrsConfig extends LrsCredentials {
  /** Activity ids and the learners' account home page sit under it. */
  readonly baseIri: string;
}

const FILE = 'lrs.json';

const stored = z.object({
  version: z.literal(1),
  endpoint: z.string().max(2048),
  key: z.string().max(1024),
  baseIri: z.string().max(2048),
  secret: z.union([
    z.object({ plain: z.string().max(4096) }),
    z.object({ sealed: z.string().max(16_384) }),
  ]),
});

export class CredentialStore {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly cipher?: SecretCipher,
    private readonly disk: Disk = nodeDisk,
  ) {
    this.file = join(dataDir, FILE);
  }

  /** The saved configuration, or undefined when none was saved or the file cannot be used. */
  read(): LrsConfig | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return undefined;
    }
    this.tighten();
    let parsed;
    try {
      parsed = stored.safeParse(JSON.parse(text));
    } catch {
      return undefined;
    }
    if (!parsed.success) return undefined;
    const { endpoint, key, baseIri, secret } = parsed.data;
    let plain: string;
    if ('plain' in secret) plain = secret.plain;
    else {
      if (!this.cipher) return undefined;
      try {
        plain = this.cipher.decrypt(secret.sealed);
      } catch {
        return undefined;
      }
    }
    return { endpoint, key, secret: plain, baseIri };
  }

  /** The saved base IRI, readable without the secret's cipher (the command line has none). */
  baseIri(): string | undefined {
    try {
      const parsed = stored.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.baseIri : undefined;
    } catch {
      return undefined;
    }
  }

  save(config: LrsConfig): void {
    const secret = this.cipher
      ? { sealed: this.cipher.encrypt(config.secret) }
      : { plain: config.secret };
    const body = {
      version: 1,
      endpoint: config.endpoint,
      key: config.key,
      baseIri: config.baseIri,
      secret,
    };
    mkdirSync(dirname(this.file), { recursive: true });
    // writeFileAtomic creates its file 0600 and renames it into place.
    writeFileAtomic(this.file, `${JSON.stringify(body, null, 2)}\n`, this.disk);
    this.tighten();
  }

  /** A file copied in with wider permissions is made the user's alone again. */
  private tighten(): void {
    try {
      if ((statSync(this.file).mode & 0o077) !== 0) chmodSync(this.file, 0o600);
    } catch {
      // Windows has no such modes; the file is in the user's own profile there.
    }
  }
}

/** What the page may see of a key: its last four characters at most. */
export function maskKey(key: string): string {
  if (key.length === 0) return '';
  return key.length <= 8 ? '••••' : `••••${key.slice(-4)}`;
}
