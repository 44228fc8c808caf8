// The shape of the one store, and the slice-creator type each slice is written
// against, so a slice can read and call the others through get().
import type { StateCreator } from 'zustand';
import type { AppSlice } from './app';
import type { CallsSlice } from './calls';
import type { HistorySlice } from './history';
import type { MeetingSlice } from './meeting';
import type { NavigationSlice } from './navigation';
import type { ReportSlice } from './report';
import type { ScenariosSlice } from './scenarios';
import type { SettingsSlice } from './settings';
import type { SpeechSlice } from './speech';
import type { TeamSlice } from './team';
import type { DrillsSlice } from './drills';
import type { ToastSlice } from './toasts';

export type Store = NavigationSlice &
  AppSlice &
  ScenariosSlice &
  MeetingSlice &
  ReportSlice &
  HistorySlice &
  SettingsSlice &
  SpeechSlice &
  ToastSlice &
  CallsSlice &
  TeamSlice &
  DrillsSlice;

export type Slice<T> = StateCreator<Store, [], [], T>;

/** An error shown next to the control that caused it; `where` names that place. */
export interface PlacedError {
  readonly where: string;
  readonly message: string;
}
