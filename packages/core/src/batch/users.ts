/**
 * Remembers which usernames a batch has seen, in a compact open-addressing table: a 64-bit
 * fingerprint and the first line of each distinct user, 12 bytes a user (about 24 MB at the table's
 * fullest for a million users), instead of the strings themselves. Two different usernames are taken
 * for one only if their 64-bit fingerprints collide: for a million users, odds of about 1 in 37 million.
 */
export class SeenUsers {
  #hi: Uint32Array;
  #lo: Uint32Array;
  #line: Uint32Array;
  #size = 0;

  constructor(capacity = 1024) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.#hi = new Uint32Array(slots);
    this.#lo = new Uint32Array(slots);
    this.#line = new Uint32Array(slots);
  }

  get size(): number {
    return this.#size;
  }

  /**
   * Records `key` as seen on `line` (1 or more) and returns the line it was first seen on, or
   * undefined when it is new.
   */
  firstSeen(key: string, line: number): number | undefined {
    const [hi, lo] = fingerprint(key);
    const found = this.#find(hi, lo);
    if (this.#line[found] !== 0) return this.#line[found];
    this.#hi[found] = hi;
    this.#lo[found] = lo;
    this.#line[found] = line;
    this.#size += 1;
    if (this.#size * 2 > this.#line.length) this.#grow();
    return undefined;
  }

  #find(hi: number, lo: number): number {
    const mask = this.#line.length - 1;
    let slot = lo & mask;
    while (this.#line[slot] !== 0 && (this.#hi[slot] !== hi || this.#lo[slot] !== lo)) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  #grow(): void {
    const [hi, lo, line] = [this.#hi, this.#lo, this.#line];
    this.#hi = new Uint32Array(line.length * 2);
    this.#lo = new Uint32Array(line.length * 2);
    this.#line = new Uint32Array(line.length * 2);
    for (let i = 0; i < line.length; i++) {
      if (line[i] === 0) continue;
      const slot = this.#find(hi[i]!, lo[i]!);
      this.#hi[slot] = hi[i]!;
      this.#lo[slot] = lo[i]!;
      this.#line[slot] = line[i]!;
    }
  }
}

/** Two independent 32-bit FNV-1a style hashes of the UTF-16 code units. */
function fingerprint(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b = Math.imul(b ^ (b >>> 13), 0x85ebca6b);
  b ^= b >>> 16;
  return [a >>> 0, b >>> 0];
}
