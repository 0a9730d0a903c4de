/**
 * Progress with its rate and ETA on stderr (stdout stays clean for --json): repainted in place on
 * a terminal at most every 100 ms; on a pipe or a log file, a line every few seconds instead.
 */
export class RateBar {
  private readonly started = Date.now();
  private last = Date.now();
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly logEveryMs = 5_000,
  ) {
    this.tty = stream.isTTY === true;
  }

  /** The total, when it becomes better known (a plan read as it goes). */
  setTotal(total: number): void {
    this.total = total;
  }

  update(done: number): void {
    const now = Date.now();
    if (now - this.last < (this.tty ? 100 : this.logEveryMs)) return;
    this.last = now;
    this.stream.write(this.tty ? `\r${this.render(done, now)}\x1b[K` : `${this.render(done, now)}\n`);
  }

  finish(done: number, note = ''): void {
    this.stream.write(`${this.tty ? '\r' : ''}${this.render(done, Date.now())}${note ? `  ${note}` : ''}${this.tty ? '\x1b[K' : ''}\n`);
  }

  private render(done: number, now: number): string {
    const width = 30;
    const share = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const filled = Math.round(share * width);
    const secs = Math.max((now - this.started) / 1000, 1e-3);
    const rate = done / secs;
    const eta = rate > 0 && done < this.total ? `, ETA ${clock((this.total - done) / rate)}` : '';
    return `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${this.total}, ${Math.round(rate)}/s${eta}`;
  }
}

/** Seconds as m:ss or h:mm:ss. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
