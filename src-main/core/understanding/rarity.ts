// Generated from the classifier's training lines (build/classifier/*.tsv, never the
// held-out sets): how many of 5199 rep lines use each content stem, for stems in at
// least 12 lines. Rarer stems say more about what a turn is specifically about.
// Regenerate by counting contentStems() per line over those files.

export const RARITY_LINES = 5199;

/** "stem:lines" pairs, most common first. */
export const COMMON_STEMS =
  'year:441 team:428 honest:321 time:271 week:225 work:215 month:208 customer:202 new:180 ' +
  'before:178 next:172 two:170 first:169 day:168 every:161 after:160 last:159 now:158 ' +
  'people:151 three:143 cost:142 good:129 company:127 happen:126 back:125 problem:125 run:121 ' +
  'manager:121 plant:120 tool:120 board:119 plan:119 number:119 system:117 today:117 ' +
  'thank:115 talk:113 get:110 change:110 percent:108 call:106 because:106 sound:105 end:102 ' +
  'part:101 keep:101 hour:99 through:99 hear:97 come:96 actual:95 worth:95 bank:93 quarter:92 ' +
  'start:92 close:90 data:88 process:88 someth:87 current:86 usual:86 platform:85 help:84 ' +
  'else:83 audit:83 take:83 fine:82 trust:81 store:80 real:79 anyth:79 minute:79 went:78 ' +
  'rather:78 exact:78 client:77 forecast:77 agency:76 spend:76 fix:76 already:76 budget:75 ' +
  'vendor:74 report:74 wait:74 late:72 across:71 order:71 stop:70 cut:70 built:70 meet:70 ' +
  'big:69 maintenance:68 make:68 put:68 feel:67 nobody:67 six:67 doing:66 happy:66 rate:65 ' +
  'better:65 show:64 per:64 average:64 sense:64 curious:63 wrong:63 give:63 cfo:62 mention:62 ' +
  'open:61 point:61 half:61 site:59 different:58 priority:57 side:57 ask:56 never:56 ' +
  'supplier:55 finance:55 try:54 one:54 understand:54 still:54 between:54 size:54 shift:54 ' +
  'group:54 maybe:54 fair:54 security:53 leave:53 matter:52 great:52 often:51 account:51 ' +
  'say:51 pick:51 review:51 long:50 lead:50 payroll:50 pressure:49 clinic:48 line:48 ' +
  'contract:48 find:48 look:47 four:47 use:47 best:47 payment:47 five:46 patient:46 peak:46 ' +
  'most:46 tend:46 sale:46 onboard:46 stay:46 market:45 risk:45 goe:45 renewal:45 rough:45 ' +
  'nurse:45 hire:45 your:45 fit:45 hir:44 sit:44 list:44 carrier:44 ward:44 hit:43 faster:43 ' +
  'product:43 short:43 cash:43 miss:43 without:43 mov:43 question:43 rep:43 machine:43 ' +
  'push:42 want:42 technician:42 return:42 another:42 yeah:42 pay:42 probab:42 business:41 ' +
  'whole:41 move:41 target:41 live:41 bill:41 moment:41 walk:41 done:41 module:41 network:40 ' +
  'stock:40 set:40 send:40 build:39 under:39 drop:39 thought:39 analyst:39 person:38 phone:38 ' +
  'morn:38 top:38 sorry:37 biggest:37 book:37 everyth:37 within:37 surpris:36 affect:36 ' +
  'spreadsheet:36 partner:35 treasury:35 quick:35 alway:35 enough:35 zero:35 ten:35 answer:35 ' +
  'goal:35 using:34 staff:34 project:34 less:34 love:34 reason:34 firm:33 service:33 sign:33 ' +
  'procurement:33 error:33 conversation:33 deal:33 complete:33 together:33 noth:33 ' +
  'warehouse:32 sell:32 software:32 suppose:32 single:32 delivery:32 told:32 director:32 ' +
  'study:31 couple:31 ops:31 full:31 access:31 issue:31 until:31 hard:31 heard:31 speak:31 ' +
  'win:30 personal:30 soc:30 setup:30 gap:30 failure:30 volume:30 itself:30 mind:30 app:30 ' +
  'imagine:30 pilot:30 train:30 retention:29 hundr:29 fall:29 seen:29 role:29 cover:29 ' +
  'control:29 room:29 entity:29 engineer:29 delay:29 hold:29 add:29 anyone:29 came:29 ' +
  'everyone:29 place:29 saw:29 job:29 need:29 respect:29 rota:29 expect:28 case:28 land:28 ' +
  'management:28 own:28 manual:28 clean:28 around:28 candidate:28 themselve:28 twenty:28 ' +
  'night:28 office:27 rollout:27 old:27 count:27 read:27 slow:27 lose:27 step:27 success:26 ' +
  'interest:26 handle:26 yet:26 incident:26 track:26 proper:26 took:26 small:26 early:26 ' +
  'switch:26 recruit:26 cloud:26 approval:26 weekend:26 fewer:25 break:25 learn:25 check:25 ' +
  'sav:25 retailer:25 appreciate:25 decide:25 coach:25 dashboard:25 invoice:25 buy:24 ' +
  'picture:24 downtime:24 since:24 decision:24 instead:24 free:24 founder:24 tim:24 fee:24 ' +
  'pretty:24 used:24 total:24 view:24 erp:24 fill:24 theatre:24 share:23 grow:23 found:23 ' +
  'date:23 email:23 alert:23 million:23 follow:23 ever:23 ninety:23 slot:23 automatical:23 ' +
  'hand:23 touch:23 excel:23 round:22 result:22 handl:22 clear:22 far:22 inventory:22 ' +
  'connect:22 hav:22 little:22 wms:22 outcome:21 typical:21 pack:21 hospital:21 turn:21 ' +
  'fail:21 forty:21 extra:21 second:21 log:21 finding:21 ahead:21 twelve:21 agree:21 ' +
  'friday:21 hop:20 deliver:20 churn:20 season:20 cycle:20 true:20 visit:20 leadership:20 ' +
  'mak:20 third:20 bad:20 rule:20 nice:20 sensor:20 offer:20 save:20 head:20 away:20 ' +
  'in-house:20 singapore:20 auditor:20 identity:20 given:20 overtime:20 fami:20 bigger:19 ' +
  'trial:19 bring:19 experience:19 paper:19 growth:19 schedul:19 money:19 common:19 ' +
  'no-show:19 someone:19 slip:19 competitor:19 ready:19 reconciliation:19 pipeline:19 siem:19 ' +
  'spare:19 cent:19 chang:18 program:18 spr:18 portal:18 cro:18 record:18 pitch:18 twice:18 ' +
  'afternoon:18 breach:18 safety:18 com:18 benefit:18 match:18 whether:18 understood:18 ' +
  'industry:18 session:18 see:18 insurance:18 asset:18 oee:18 supervisor:18 promise:17 ' +
  'perfect:17 ceo:17 achieve:17 busy:17 margin:17 practice:17 monitor:17 country:17 least:17 ' +
  'worry:17 hardest:17 quality:17 bottleneck:17 expansion:17 even:17 ran:17 pattern:17 ' +
  'coverage:17 tell:17 straight:17 paid:17 catch:17 paperwork:17 compliance:17 pain:17 ' +
  'know:17 district:16 chain:16 able:16 facility:16 launch:16 behind:16 term:16 headcount:16 ' +
  'contractor:16 final:16 accuracy:16 unplan:16 broken:16 stuck:16 backlog:16 click:16 ' +
  'stick:16 senior:16 notice:16 logistic:16 interview:16 lock:16 finish:16 join:16 brand:16 ' +
  'position:16 march:16 monday:16 visibility:16 consultant:16 atla:16 dealer:15 hope:15 ' +
  'longer:15 retail:15 relationship:15 spot:15 main:15 complain:15 flag:15 lost:15 ' +
  'inspection:15 stuff:15 sixty:15 sort:15 made:15 reminder:15 level:15 inside:15 ' +
  'introduce:15 useful:15 expensive:15 fast:15 solve:15 saving:15 solv:15 owner:15 ' +
  'turnover:15 please:15 nurs:15 brazil:15 care:14 direct:14 committee:14 holiday:14 aim:14 ' +
  'clinical:14 spe:14 oem:14 catalogue:14 hate:14 later:14 frustrat:14 floor:14 schedule:14 ' +
  'scan:14 detection:14 screen:14 pull:14 pric:14 dur:14 alone:14 disagree:14 describ:14 ' +
  'congratulation:14 shipment:14 ship:14 evidence:14 fraud:14 controller:14 raise:13 rest:13 ' +
  'clos:13 word:13 ciso:13 versus:13 against:13 support:13 roll:13 region:13 supp:13 stack:13 ' +
  'endpoint:13 let:13 transfer:13 notic:13 hurt:13 handover:13 winter:13 revenue:13 ' +
  'complaint:13 release:13 desk:13 clinician:13 front:13 decid:13 become:13 survey:13 ' +
  'listen:13 operator:13 proposal:13 left:13 story:13 truck:13 patch:13 nine:13 name:13 ' +
  'migration:13 freight:13 tomorrow:13 sap:13 price:13 thirty:13 tri:13 spain:13 manag:12 ' +
  'enrollment:12 location:12 congrat:12 split:12 bed:12 response:12 cause:12 piece:12 ' +
  'comfortable:12 effect:12 admin:12 timeline:12 easier:12 earlier:12 surprise:12 stage:12 ' +
  'text:12 scope:12 daily:12 important:12 analytic:12 triage:12 test:12 demo:12 los:12 ' +
  'chas:12 genuine:12 calendar:12 mssp:12 leader:12 almost:12 similar:12 reach:12 mttr:12 ' +
  'production:12 figure:12 breakdown:12';
