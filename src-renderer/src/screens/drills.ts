// The drill screens, loaded together after the first screen is up.
export { Certificate } from './Certificate';
export { Drills } from './Drills';
export { QuickDrill } from './QuickDrill';
export { Track } from './Track';
