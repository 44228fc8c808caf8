// The team-roleplay screens, loaded together after the first screen is up.
export { TeamBoard } from './TeamBoard';
export { TeamRoleplay } from './TeamRoleplay';
export { TeamSetup } from './TeamSetup';
