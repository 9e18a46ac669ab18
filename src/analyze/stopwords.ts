/** English function words that carry no topic. Kept short on purpose: negations are NOT stopwords. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just let me more most my myself of off
on once only or other ought our ours ourselves out over own same she should so some such than that the their
theirs them themselves then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your yours yourself yourselves i'm it's he's she's
they're we're you're i've we've they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll
they'll that's there's what's who's s t true false really actually did does do done`
    .split(/\s+/)
    .filter(Boolean),
);
