// Vite's `?worker&url` import (the URL of a separately bundled script), which
// capture.ts uses for the AudioWorklet. Declared here rather than pulling in
// all of vite/client's globals.
declare module '*?worker&url' {
  const url: string;
  export default url;
}
