/** Irregular past tenses of verbs common in news claims; regular verbs follow the rules below. */
const IRREGULAR_PAST: Record<string, string> = {
  be: 'was',
  have: 'had',
  do: 'did',
  go: 'went',
  say: 'said',
  make: 'made',
  take: 'took',
  give: 'gave',
  get: 'got',
  come: 'came',
  see: 'saw',
  know: 'knew',
  tell: 'told',
  find: 'found',
  think: 'thought',
  buy: 'bought',
  pay: 'paid',
  sell: 'sold',
  send: 'sent',
  spend: 'spent',
  lose: 'lost',
  win: 'won',
  meet: 'met',
  hold: 'held',
  lead: 'led',
  leave: 'left',
  keep: 'kept',
  bring: 'brought',
  build: 'built',
  begin: 'began',
  break: 'broke',
  choose: 'chose',
  fall: 'fell',
  fight: 'fought',
  fly: 'flew',
  forget: 'forgot',
  hide: 'hid',
  hit: 'hit',
  hurt: 'hurt',
  let: 'let',
  put: 'put',
  quit: 'quit',
  read: 'read',
  run: 'ran',
  seek: 'sought',
  set: 'set',
  shut: 'shut',
  sit: 'sat',
  speak: 'spoke',
  stand: 'stood',
  steal: 'stole',
  strike: 'struck',
  swear: 'swore',
  teach: 'taught',
  throw: 'threw',
  understand: 'understood',
  wear: 'wore',
  write: 'wrote',
  draw: 'drew',
  drive: 'drove',
  eat: 'ate',
  feel: 'felt',
  grow: 'grew',
  hang: 'hung',
  hear: 'heard',
  mean: 'meant',
  ride: 'rode',
  rise: 'rose',
  shoot: 'shot',
  show: 'showed',
  sing: 'sang',
  sleep: 'slept',
  split: 'split',
  spread: 'spread',
  sink: 'sank',
  withdraw: 'withdrew',
  undertake: 'undertook',
  overtake: 'overtook',
  bear: 'bore',
  freeze: 'froze',
  bind: 'bound',
  bet: 'bet',
  cost: 'cost',
  cut: 'cut',
  deal: 'dealt',
  dig: 'dug',
  feed: 'fed',
  flee: 'fled',
  forbid: 'forbade',
  forgive: 'forgave',
  lend: 'lent',
  light: 'lit',
  mislead: 'misled',
  oversee: 'oversaw',
  shake: 'shook',
  slide: 'slid',
  wake: 'woke',
  weep: 'wept',
};

const VOWEL = /[aeiou]/;

/** Simple past of a verb given in its base form ("turn" → "turned", "stop" → "stopped"). */
export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR_PAST[lower];
  if (irregular) return irregular;
  if (lower.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ied`;
  // Short consonant–vowel–consonant verbs double the last consonant: stop → stopped, ban → banned.
  if (
    lower.length <= 4 &&
    /[^aeiou][aeiou][^aeiouwxy]$/.test(lower) &&
    (lower.match(VOWEL) ?? []).length === 1
  ) {
    return `${verb}${verb.slice(-1)}ed`;
  }
  return `${verb}ed`;
}

/** Third person singular present ("turn" → "turns", "go" → "goes", "deny" → "denies"). */
export function thirdPerson(verb: string): string {
  const lower = verb.toLowerCase();
  if (lower === 'have') return 'has';
  if (lower === 'be') return 'is';
  if (/(s|sh|ch|x|z|o)$/.test(lower)) return `${verb}es`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}
