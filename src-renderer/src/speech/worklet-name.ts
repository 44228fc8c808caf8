// The name the capture worklet registers its processor under, shared by the
// worklet (audio thread) and capture.ts (page) so the two cannot drift.
export const CAPTURE_PROCESSOR = 'first-meeting-capture';
