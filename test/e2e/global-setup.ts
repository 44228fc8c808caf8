// Before any spec: the speech specs' microphone recording (audio.ts).
import { makeMicrophoneWav } from './audio';

export default function globalSetup(): void {
  makeMicrophoneWav();
}
