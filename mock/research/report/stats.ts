// The few statistics a usability report needs, written out so the method is plain to read and test.
// Task times are right-skewed: their 95 % interval is a t-interval on log times (Sauro & Lewis,
// "Quantifying the User Experience", ch. 3), transformed back. That interval is for the geometric
// mean, which estimates the median of log-normal times and is the recommended centre for small samples.

export function median(values: number[]): number | null {
  const v = [...values].sort((a, b) => a - b);
  const n = v.length;
  if (!n) return null;
  const mid = Math.floor(n / 2);
  return n % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), good to ~15 digits for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the regularized incomplete beta (Numerical Recipes, betacf). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-12) break;
  }
  return h;
}

function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

/** The t value with P(T ≤ t) = p, by bisection on the CDF. */
export function tQuantile(p: number, df: number): number {
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export interface TimeEstimate {
  n: number;
  median: number | null;
  /** exp(mean of log times): the centre of the interval. */
  geometricMean: number | null;
  /** 95 % t-interval on log times, back-transformed; null below two times. */
  low: number | null;
  high: number | null;
}

/** Median and 95 % interval of positive times (ms). */
export function timeEstimate(times: number[]): TimeEstimate {
  const v = times.filter((t) => Number.isFinite(t) && t > 0);
  const n = v.length;
  const out: TimeEstimate = { n, median: median(v), geometricMean: null, low: null, high: null };
  if (!n) return out;
  const logs = v.map(Math.log);
  const mean = logs.reduce((a, b) => a + b, 0) / n;
  out.geometricMean = Math.exp(mean);
  if (n < 2) return out;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  out.low = Math.exp(mean - half);
  out.high = Math.exp(mean + half);
  return out;
}
