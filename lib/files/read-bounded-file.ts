/**
 * The one way the package reads a file a user names (a provisioning document, a scenario, a
 * file a scenario points to): at most a given number of bytes, counted while reading, never
 * trusted from `stat` (a `/proc` file reads as size 0 and a growing file outgrows its size),
 * and only from a regular file. A device such as `/dev/zero` never ends and a FIFO or pipe
 * blocks until some other process writes or closes it, so both are refused with a typed error
 * before a byte is read; the file is opened non-blocking, so even opening a FIFO that has no
 * writer returns at once. To read a pipe, save it to a file first.
 *
 * @module
 */

// `promises` is read when a file is opened, not imported: Node compiles its promise API (with
// readline) on first use, ~1.3 ms that every require() of the package paid (issue 17).
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  promises as fsPromises,
  readSync,
  type Stats,
} from 'node:fs';
import { MobileBroadbandError } from '../errors.js';
import { quoteUserValue } from '../text/quote-user-value.js';

/** What {@link readBoundedFile} reads: a path and the most bytes it may hold. */
export interface BoundedFileOptions {
  /** The most bytes the file may hold; one more and the read stops with `ERR_INVALID_ARGUMENT`. */
  maxBytes: number;
  /** What the file is, for messages: `'provisioning file'`, `'scenario'`. */
  what: string;
}

/** Details of the error when a file is over its limit. */
export interface FileTooLargeDetails {
  reason: 'tooLarge';
  maxBytes: number;
  /** The size `stat` gave, when that alone was over the limit (a hint, never relied on). */
  size?: number;
}

/** How long a path a message quotes may be. */
const maxQuotedPathChars = 256;

// Non-blocking, so opening a FIFO without a writer does not wait (the flag does not exist on
// Windows, where there are no FIFOs to open).
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const chunkBytes = 64 * 1024;

/** Reads a whole regular file of at most `maxBytes` bytes, without blocking the event loop. */
export async function readBoundedFile(path: string, options: BoundedFileOptions): Promise<Buffer> {
  let handle;
  try {
    handle = await fsPromises.open(path, openFlags);
  } catch (error) {
    throw cannotRead(path, options, error);
  }
  try {
    checkRegular(path, options, await handle.stat());
    const reader = new BoundedCollector(path, options);
    for (;;) {
      const { bytesRead, buffer } = await handle.read(reader.space(), 0, reader.spaceBytes);
      if (bytesRead === 0) return reader.result();
      reader.add(buffer, bytesRead);
    }
  } catch (error) {
    throw cannotRead(path, options, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** {@link readBoundedFile}, synchronously (for code that is synchronous already). */
export function readBoundedFileSync(path: string, options: BoundedFileOptions): Buffer {
  let fd: number;
  try {
    fd = openSync(path, openFlags);
  } catch (error) {
    throw cannotRead(path, options, error);
  }
  try {
    checkRegular(path, options, fstatSync(fd));
    const reader = new BoundedCollector(path, options);
    for (;;) {
      const buffer = reader.space();
      const bytesRead = readSync(fd, buffer, 0, reader.spaceBytes, null);
      if (bytesRead === 0) return reader.result();
      reader.add(buffer, bytesRead);
    }
  } catch (error) {
    throw cannotRead(path, options, error);
  } finally {
    closeSync(fd);
  }
}

/** Chunks read so far; throws once they pass the limit (one byte over is enough to know). */
class BoundedCollector {
  readonly #chunks: Buffer[] = [];
  #total = 0;
  readonly spaceBytes: number;

  constructor(
    private readonly path: string,
    private readonly options: BoundedFileOptions,
  ) {
    this.spaceBytes = Math.min(chunkBytes, options.maxBytes + 1);
  }

  space(): Buffer {
    return Buffer.allocUnsafe(this.spaceBytes);
  }

  add(buffer: Buffer, bytesRead: number): void {
    this.#total += bytesRead;
    if (this.#total > this.options.maxBytes) throw tooLarge(this.path, this.options);
    this.#chunks.push(buffer.subarray(0, bytesRead));
  }

  result(): Buffer {
    return Buffer.concat(this.#chunks, this.#total);
  }
}

function checkRegular(path: string, options: BoundedFileOptions, stats: Stats): void {
  // A size over the limit refuses the file before a byte is read; a size under it proves
  // nothing (a /proc file says 0), so the read counts anyway.
  if (stats.isFile() && stats.size > options.maxBytes) throw tooLarge(path, options, stats.size);
  if (stats.isFile()) return;
  const kind = stats.isDirectory()
    ? 'a directory'
    : stats.isFIFO()
      ? 'a pipe (FIFO)'
      : stats.isCharacterDevice() || stats.isBlockDevice()
        ? 'a device'
        : stats.isSocket()
          ? 'a socket'
          : 'not a regular file';
  throw new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `the ${options.what} ${quotePath(path)} is ${kind}; only regular files are read (save a pipe's output to a file first)`,
    { details: { reason: 'notRegularFile' } },
  );
}

function tooLarge(path: string, options: BoundedFileOptions, size?: number): MobileBroadbandError {
  const details: FileTooLargeDetails = { reason: 'tooLarge', maxBytes: options.maxBytes };
  if (size !== undefined) details.size = size;
  const is = size === undefined ? 'is' : `is ${size.toLocaleString('en-US')} bytes,`;
  return new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `the ${options.what} ${quotePath(path)} ${is} over the limit of ${options.maxBytes.toLocaleString('en-US')} bytes`,
    { details: { ...details } },
  );
}

function quotePath(path: string): string {
  return quoteUserValue(path, maxQuotedPathChars);
}

function cannotRead(path: string, options: BoundedFileOptions, error: unknown): unknown {
  if (error instanceof MobileBroadbandError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EAGAIN'
            ? 'nothing to read yet (not a regular file)'
            : (code ?? 'unknown error');
  return new MobileBroadbandError(
    'ERR_INVALID_ARGUMENT',
    `cannot read the ${options.what} ${quotePath(path)}: ${why}`,
    {
      cause: error,
      details: { reason: 'unreadable', ...(code === undefined ? {} : { errno: code }) },
    },
  );
}
