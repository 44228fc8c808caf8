// Team roleplays: the set-up (roster, rotation, saved teams, progress per rep),
// the live roleplay on the presenter screen, and the board when it ends. Main
// holds the roleplay and journals every action; this slice keeps the last view
// main returned and what is in flight.
import { getApi } from '../bridge';
import type {
  InterruptedTeam,
  TeamActionArgs,
  TeamBoardView,
  TeamRosters,
  TeamSetupArgs,
  TeamView,
} from '../../../src-main/contract/api';
import { downloadFile } from '../lib/download';
import { errorMessage } from '../lib/errors';
import type { PlacedError, Slice } from './types';

export interface TeamSlice {
  readonly teamView: TeamView | null;
  readonly teamBoard: TeamBoardView | null;
  readonly teamBoardLoading: boolean;
  readonly teamRosters: TeamRosters | null;
  readonly teamStarting: boolean;
  readonly teamStartError: string | null;
  /** The action in flight ('turn', 'call', 'next'...), so its control shows it. */
  readonly teamBusy: TeamActionArgs['type'] | 'end' | null;
  /** An action that failed, placed by its kind ('turn', 'call', 'note-3', 'override-3'...). */
  readonly teamError: PlacedError | null;
  readonly interruptedTeams: readonly InterruptedTeam[];
  /** Where the board was opened from, for the way back. */
  readonly teamBoardFrom: 'roleplay' | 'history';
  loadTeamRosters(): Promise<void>;
  startTeam(args: TeamSetupArgs): Promise<void>;
  /** One action; resolves true when main accepted it. */
  teamAct(action: TeamActionArgs, where?: string): Promise<boolean>;
  endTeam(): Promise<void>;
  openTeamBoard(teamId: string, from: 'roleplay' | 'history'): Promise<void>;
  openRepReport(rep: string): Promise<void>;
  exportTeam(kind: 'csv' | 'labels'): Promise<void>;
  resumeTeam(teamId: string): Promise<void>;
  discardTeam(teamId: string): Promise<void>;
  /** Team roleplay in the navigation: the live one if any, else the set-up. */
  goTeam(): void;
}

export const teamSlice: Slice<TeamSlice> = (set, get) => ({
  teamView: null,
  teamBoard: null,
  teamBoardLoading: false,
  teamRosters: null,
  teamStarting: false,
  teamStartError: null,
  teamBusy: null,
  teamError: null,
  interruptedTeams: [],
  teamBoardFrom: 'roleplay',

  loadTeamRosters: async () => {
    try {
      set({ teamRosters: await getApi().call('team.rosters') });
    } catch (error) {
      get().pushToast({
        message: `Could not read saved teams: ${errorMessage(error)}`,
        tone: 'error',
      });
    }
  },

  startTeam: async (args) => {
    set({ teamStarting: true, teamStartError: null });
    try {
      const view = await getApi().call('team.start', args);
      set({ teamView: view, teamStarting: false, teamError: null, teamBoard: null });
      get().navigate('teamRoleplay');
    } catch (error) {
      set({ teamStarting: false, teamStartError: errorMessage(error) });
    }
  },

  teamAct: async (action, where) => {
    const view = get().teamView;
    if (!view || get().teamBusy !== null) return false;
    set({ teamBusy: action.type, teamError: null });
    try {
      const next = await getApi().call('team.act', { teamId: view.id, action });
      set({ teamView: next, teamBusy: null });
      return true;
    } catch (error) {
      set({
        teamBusy: null,
        teamError: { where: where ?? action.type, message: errorMessage(error) },
      });
      return false;
    }
  },

  endTeam: async () => {
    const view = get().teamView;
    if (!view || get().teamBusy !== null) return;
    set({ teamBusy: 'end', teamError: null });
    try {
      const board = await getApi().call('team.end', { teamId: view.id });
      set({ teamView: null, teamBusy: null, teamBoard: board, teamBoardFrom: 'roleplay' });
      if (board) get().navigate('teamBoard');
      else {
        get().pushToast({
          message:
            'No rep had taken a turn, so there was nothing to score; the roleplay was not stored.',
          tone: 'info',
        });
        get().navigate('team');
      }
    } catch (error) {
      set({ teamBusy: null, teamError: { where: 'end', message: errorMessage(error) } });
    }
  },

  openTeamBoard: async (teamId, from) => {
    set({ teamBoardLoading: true, teamBoardFrom: from, teamBoard: null });
    get().navigate('teamBoard');
    try {
      const board = await getApi().call('team.board', { teamId });
      set({ teamBoard: board, teamBoardLoading: false });
    } catch (error) {
      set({ teamBoardLoading: false });
      get().pushToast({
        message: `Could not open the team board: ${errorMessage(error)}`,
        tone: 'error',
      });
    }
  },

  openRepReport: async (rep) => {
    const board = get().teamBoard;
    if (!board) return;
    try {
      const record = await getApi().call('team.repReport', { teamId: board.id, rep });
      get().showRecord(record, 'team');
    } catch (error) {
      get().pushToast({
        message: `Could not open ${rep}'s report: ${errorMessage(error)}`,
        tone: 'error',
      });
    }
  },

  exportTeam: async (kind) => {
    const board = get().teamBoard;
    if (!board) return;
    try {
      downloadFile(
        await getApi().call(kind === 'csv' ? 'team.exportCsv' : 'team.exportLabels', {
          teamId: board.id,
        }),
      );
    } catch (error) {
      get().pushToast({ message: `Could not export: ${errorMessage(error)}`, tone: 'error' });
    }
  },

  resumeTeam: async (teamId) => {
    set({ recoveryBusy: teamId, recoveryError: null });
    try {
      const view = await getApi().call('team.resume', { teamId });
      set((s) => ({
        interruptedTeams: s.interruptedTeams.filter((t) => t.id !== teamId),
        recoveryBusy: null,
        teamView: view,
        teamError: null,
      }));
      get().navigate('teamRoleplay');
    } catch (error) {
      set({ recoveryBusy: null, recoveryError: { where: teamId, message: errorMessage(error) } });
    }
  },

  discardTeam: async (teamId) => {
    set({ recoveryBusy: teamId, recoveryError: null });
    try {
      await getApi().call('team.discard', { teamId });
      set((s) => ({
        interruptedTeams: s.interruptedTeams.filter((t) => t.id !== teamId),
        recoveryBusy: null,
      }));
      get().pushToast({ message: 'The interrupted team roleplay was discarded.', tone: 'info' });
    } catch (error) {
      set({ recoveryBusy: null, recoveryError: { where: teamId, message: errorMessage(error) } });
    }
  },

  goTeam: () => get().navigate(get().teamView ? 'teamRoleplay' : 'team'),
});
