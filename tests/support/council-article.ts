// A made-up local news story, written for these tests. Some phrases repeat on purpose ("the council",
// "the budget", "3.9%") so the matcher must use context to pick the right occurrence.
export const ARTICLE_PARAGRAPHS: readonly string[] = [
  'Council approves new budget after marathon session',
  'The city council approved a new budget late on Tuesday after a nine-hour session in which members argued over library hours, bus fares and the cost of repairing the harbour wall. The budget passed by seven votes to four.',
  'Mayor Helen Okafor said the plan would protect front-line services while keeping the council tax rise below inflation. “We have made hard choices, but nobody will lose their local library,” she told reporters outside the town hall.',
  'Opposition members were not convinced. Councillor David Brennan called the budget “a collection of promises with no money behind them” and said the harbour repairs had been underfunded for the third year in a row. He voted against the budget.',
  'Official figures show unemployment in the district fell to 3.9% in the last quarter, down from 4.6% a year earlier. The council said the figure proved that its jobs programme was working, although economists cautioned that most of the new jobs were part-time.',
  'The biggest single item is a £12 million contract to rebuild the harbour wall, which was damaged in the storms of last winter. Engineers warned in March that parts of the wall could collapse within five years if nothing was done.',
  'Bus fares will rise by ten pence from April, the first increase since 2019. The council said the rise was needed to keep rural routes running, but passenger groups said it would hit the poorest residents hardest.',
  'Library opening hours will be cut at two branches, Northgate and Riverside, but both will stay open. The council said volunteers would help to run the branches on Saturdays.',
  'The council also agreed to spend £2.5 million on new cycle lanes along the seafront, a scheme that has divided residents. Supporters say it will make the road safer for children; critics say it will remove more than two hundred parking spaces.',
  'Finance chief Priya Raman said the council had found savings of £4 million by sharing back-office services with the neighbouring county. “Every pound we save on paperwork is a pound we can spend on people,” she said.',
  'The budget takes effect on 1 April. A review of the harbour project is due in the autumn, when the council will decide whether to borrow more for the second phase.',
];

export const ARTICLE = ARTICLE_PARAGRAPHS.join('\n\n');
