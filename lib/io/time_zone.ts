/**
 * UTC offsets of an IANA time zone, read from `Intl.DateTimeFormat`, and the
 * conversion of local wall-clock times to instants across DST changes.
 *
 * @module
 */

/** Width of the buckets in which offsets are cached: every change of offset
 * in the time zone database falls on a multiple of 15 minutes. */
const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** The offsets of one time zone. */
export class TimeZone {
  /** The IANA name, such as `Europe/Dublin`. */
  readonly name: string;
  #format: Intl.DateTimeFormat | undefined;
  #cache = new Map<number, number>();

  /**
   * Opens a time zone.
   *
   * @param name An IANA zone name, or `UTC`.
   * @throws {RangeError} When the name is not a known zone.
   */
  constructor(name: string) {
    this.name = name;
    if (name === "UTC" || name === "Etc/UTC") return;
    try {
      this.#format = new Intl.DateTimeFormat("en-US", {
        timeZone: name,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      throw new RangeError(
        `Invalid time zone '${name}': use an IANA name such as UTC, Europe/Dublin or America/New_York`,
      );
    }
  }

  /** True for UTC, whose offset is always 0. */
  get isUtc(): boolean {
    return this.#format === undefined;
  }

  /**
   * Returns the zone's offset from UTC at an instant.
   *
   * @param instantMs Milliseconds since 1970-01-01T00:00Z.
   * @returns Minutes east of UTC (60 for Dublin in summer).
   */
  offsetMinutes(instantMs: number): number {
    if (this.#format === undefined) return 0;
    const bucket = Math.floor(instantMs / BUCKET_MS);
    let offset = this.#cache.get(bucket);
    if (offset === undefined) {
      offset = this.#computeOffset(bucket * BUCKET_MS);
      if (this.#cache.size > 100_000) this.#cache.clear();
      this.#cache.set(bucket, offset);
    }
    return offset;
  }

  #computeOffset(instantMs: number): number {
    const fields: Record<string, number> = {};
    for (const part of this.#format!.formatToParts(instantMs)) {
      if (part.type !== "literal") fields[part.type] = Number(part.value);
    }
    const wall = Date.UTC(
      fields.year,
      fields.month - 1,
      fields.day,
      fields.hour,
      fields.minute,
      fields.second,
    );
    return Math.round((wall - instantMs) / 60_000);
  }

  /**
   * Converts a local wall-clock time to an instant.
   *
   * A time that occurs twice (when clocks go back) is read as the first
   * occurrence at or after `previousMs`, so a series logged in local time
   * keeps every slot of the repeated hour, and a repeated row stays a
   * duplicate.
   *
   * @param wallMs The wall-clock time as milliseconds, read as if UTC.
   * @param previousMs The instant of the row before, if any.
   * @returns The instant, or undefined when the time does not exist (it
   * falls in the gap when clocks go forward).
   */
  localToInstant(wallMs: number, previousMs?: number): number | undefined {
    if (this.#format === undefined) return wallMs;
    const before = this.offsetMinutes(wallMs - DAY_MS);
    const after = this.offsetMinutes(wallMs + DAY_MS);
    const candidates: number[] = [];
    for (const offset of before === after ? [before] : [before, after]) {
      const instant = wallMs - offset * 60_000;
      if (this.offsetMinutes(instant) === offset) candidates.push(instant);
    }
    if (candidates.length === 0) return undefined;
    candidates.sort((a, b) => a - b);
    if (previousMs === undefined) return candidates[0];
    return candidates.find((instant) => instant >= previousMs) ??
      candidates[candidates.length - 1];
  }
}
