// `npm run bench`: speed figures printed with their targets. Targets are
// checked by reading these figures, never by timed tests.
//
//   npm run bench            the core, then the app in Chromium
//   npm run bench -- core    the core only
//   npm run bench -- app     the app only (needs a build and /usr/bin/chromium)
//   npm run bench -- speech  speech only (needs a build, pocketsphinx and flite)
//   npm run bench -- storage journalling and many interrupted meetings
//   npm run bench -- team    team roleplays in Chromium (needs a build)
//   npm run bench -- drills  the Drills screen with 5,000 attempts (needs a build)
import { benchApp } from './app';
import { benchCore } from './core';
import { benchDrillJudge, benchDrillsScreen } from './drills';
import { benchSpeech } from './speech';
import { benchStorage } from './storage';
import { benchTeam } from './team';
import { benchTranscripts } from './transcripts';

const which = process.argv[2] ?? 'all';
console.log(`First Meeting benchmarks (node ${process.version}, ${process.arch})\n`);
if (which === 'all' || which === 'core') benchCore();
if (which === 'all' || which === 'core') {
  console.log('');
  benchTranscripts();
  benchDrillJudge();
}
if (which === 'all' || which === 'storage') {
  console.log('');
  await benchStorage();
}
if (which === 'all' || which === 'app') {
  console.log('');
  await benchApp();
}
if (which === 'all' || which === 'app' || which === 'drills') {
  console.log('');
  await benchDrillsScreen();
}
if (which === 'all' || which === 'app' || which === 'team') {
  console.log('');
  await benchTeam();
}
if (which === 'all' || which === 'speech') {
  console.log('');
  await benchSpeech();
}
