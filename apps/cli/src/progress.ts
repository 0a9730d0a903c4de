/**
 * A progress bar on stderr (stdout stays clean for --json). Redrawn in place on a terminal, at
 * most every 100 ms; on a pipe or file it prints one line at the end instead of repainting.
 */
export class ProgressBar {
  private last = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = stream.isTTY === true;
  }

  update(done: number, total: number): void {
    if (!this.tty) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    this.stream.write(`\r${this.render(done, total)}`);
  }

  finish(done: number, total: number, note = ''): void {
    this.stream.write(`${this.tty ? '\r' : ''}${this.render(done, total)}${note ? `  ${note}` : ''}\n`);
  }

  private render(done: number, total: number): string {
    const width = 30;
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * width);
    return `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.round(share * 100)}% ${done}/${total}`;
  }
}
