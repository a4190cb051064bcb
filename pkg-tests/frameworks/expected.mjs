// What apps/shared/jobs.js must answer, worked by hand (not by overdue).
export const EXPECTED = {
  // As of 31 Mar 2026: A-1 (£1,200.00, due 31 Jan) is 28 + 31 = 59 days late, in "31–60"; A-2
  // (£300.50, due 1 Apr) is not yet due. Buckets 30/60/90/120 by default, upper limits inclusive.
  aged: { total: "1500.50", buckets: "Current=300.50 1–30=0.00 31–60=1200.00 61–90=0.00 91–120=0.00 121+=0.00" },
  // £1,000 at 12 % simple for the 30 days 1 Feb–2 Mar 2026: 1000 × 0.12 × 30 / 365 = 9.863…, as in
  // danielssilverman.co.uk/interest.php ("£1,000 x 12% = £120 … ÷ 365 … x 30 days = £9.86").
  interest: "9.86",
  // £1,200.00 in three interest-free monthly parts from 15 Feb.
  plan: "2026-02-15 400.00, 2026-03-15 400.00, 2026-04-15 400.00",
  // The same through the feature entry overdue/plan.
  planFromEntry: "2026-02-15 400.00, 2026-03-15 400.00, 2026-04-15 400.00",
  // new Date("2026-03-31") is midnight UTC, so the day is 31 Mar: 59 days after 31 Jan.
  daysPastDueFromDate: 59,
  // 30 February does not exist.
  error: { code: "invalid_date", path: "asOf", instance: true, is: true },
};
