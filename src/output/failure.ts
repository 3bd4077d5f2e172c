/**
 * Why a write failed, as the tail of one line for the user. The reason never contains a path: the caller names
 * the input (and the output it was for), never the temp file the system call was about.
 */
const REASONS: Record<string, string> = {
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large (file-size limit reached)",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  EIO: "input/output error",
  ENAMETOOLONG: "file name too long",
  ENOTDIR: "a part of the path is not a directory",
  EISDIR: "is a directory",
  ENOENT: "no such file or directory",
  ELOOP: "too many levels of symbolic links",
  EXDEV: "crosses devices",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EPIPE: "the reader closed the pipe",
  EBADF: "not an open file descriptor",
  ENXIO: "no such device or address",
};

/** The reason of a failed write (`no space left on device`); our own errors keep their message. */
export function writeReason(err: unknown): string {
  const e = err as NodeJS.ErrnoException | null;
  const code = typeof e?.code === "string" ? e.code : undefined;
  if (code === "ENOTREG" || code === "EOUTSIDE") return (e as Error).message.split("\n")[0];
  if (code && REASONS[code]) return REASONS[code];
  if (code && /^E[A-Z0-9]+$/.test(code)) return code;
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0].trim() || "unknown error";
}
