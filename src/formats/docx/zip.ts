/**
 * Reading parts out of a .docx (a zip) with bounded memory: the central directory's declared sizes and the
 * entry count are checked BEFORE anything is inflated, and fflate inflates into a buffer of the declared size,
 * so an entry that lies about its size is cut off rather than allowed to grow (a zip bomb stays a few MB).
 * The limits are DOCX_ZIP_LIMITS in src/settings/limits.ts.
 */
import { unzipSync } from "fflate";
import { JixiaoError } from "../../errors.ts";
import { DOCX_ZIP_LIMITS as ZIP_LIMITS } from "../../settings/limits.ts";

export { ZIP_LIMITS };

export interface ZipEntryInfo {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

export class ZipParts {
  private readonly entries = new Map<string, ZipEntryInfo>();
  /** Declared inflated bytes of every part read so far. */
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string | undefined,
  ) {
    this.unzip(
      () => false,
      (info) => this.entries.set(info.name, info),
    );
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Inflate the named parts that exist (checked against the limits first). */
  read(names: string[]): Map<string, Uint8Array> {
    const wanted = new Set(names.filter((n) => this.entries.has(n)));
    let total = 0;
    for (const name of wanted) {
      const e = this.entries.get(name)!;
      if (e.compression !== 0 && e.compression !== 8)
        throw new JixiaoError("damaged", `zip entry ${name} uses an unsupported compression method (${e.compression})`, this.file);
      if (e.originalSize > 1_000_000 && e.originalSize > e.size * ZIP_LIMITS.maxRatio) {
        throw new JixiaoError(
          "too-large",
          `${name} claims a ${Math.round(e.originalSize / Math.max(e.size, 1))}:1 compression ratio; refusing a likely zip bomb`,
          this.file,
        );
      }
      if (e.originalSize > ZIP_LIMITS.maxPartBytes) {
        throw new JixiaoError(
          "too-large",
          `${name} would inflate to ${mb(e.originalSize)}; refusing (limit ${mb(ZIP_LIMITS.maxPartBytes)} per XML part)`,
          this.file,
        );
      }
      total += e.originalSize;
    }
    if (this.inflated + total > ZIP_LIMITS.maxTotalBytes) {
      throw new JixiaoError(
        "too-large",
        `the document parts would inflate to ${mb(this.inflated + total)}; refusing (limit ${mb(ZIP_LIMITS.maxTotalBytes)} per document)`,
        this.file,
      );
    }
    this.inflated += total;
    return new Map(Object.entries(this.unzip((info) => wanted.has(info.name))));
  }

  readText(name: string): string | null {
    const data = this.read([name]).get(name);
    return data ? new TextDecoder("utf-8").decode(data) : null;
  }

  private unzip(want: (info: ZipEntryInfo) => boolean, seen?: (info: ZipEntryInfo) => void): Record<string, Uint8Array> {
    let count = 0;
    try {
      return unzipSync(this.bytes, {
        filter: (info) => {
          if (++count > ZIP_LIMITS.maxEntries)
            throw new JixiaoError("too-large", `the zip holds more than ${ZIP_LIMITS.maxEntries} entries; refusing`, this.file);
          seen?.(info);
          return want(info);
        },
      });
    } catch (err) {
      if (err instanceof JixiaoError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new JixiaoError("damaged", `damaged Word file: the zip cannot be read (${reason})`, this.file);
    }
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MB`;
}
