// The preload bridge. It exposes nothing yet: the typed contract between the
// UI and main arrives with the desktop app.
export {};
