import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { appError } from '../../shared/errors/app-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { fail, ok, type Result } from '../../shared/result';

/**
 * Reads a file the user chose for import, safely: checks it before reading,
 * then reads with a bound.
 *
 * The file is opened without blocking (a FIFO would otherwise hang the open
 * until a writer appears), then the open handle is checked with `fstat` (so
 * a file swapped after the check cannot slip through): it must be a regular
 * file — not a FIFO, a device such as `/dev/zero`, a socket or a folder — and
 * no larger than `maxBytes`. The read stops at `maxBytes + 1` even if the
 * file grows meanwhile. Errors are `import/invalid` with the file's name.
 *
 * Uses Node's `fs` directly rather than the {@link FileSystem} port: these
 * are exactly the OS-level properties (file type, size, non-blocking open)
 * the port abstracts away.
 */
export async function readImportFile(path: string, maxBytes: number): Promise<Result<Uint8Array>> {
  return withCheckedFile(path, maxBytes, async (handle, size) => {
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) return fail(tooLarge(path));
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, filled));
  });
}

/** The first `count` bytes of a file that passes the same checks (the import dialog's format sniffing). */
export async function readImportFileHead(path: string, maxBytes: number, count: number): Promise<Result<Uint8Array>> {
  return withCheckedFile(path, maxBytes, async (handle) => {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead));
  });
}

async function withCheckedFile(path: string, maxBytes: number, use: (handle: FileHandle, size: number) => Promise<Result<Uint8Array>>): Promise<Result<Uint8Array>> {
  let handle: FileHandle;
  try {
    // O_NONBLOCK does not exist on Windows (0 there), where opening a named pipe does not wait for a writer.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(appError(ErrorCode.ImportInvalid, `${basename(path)} does not exist.`));
    if (code === 'EISDIR') return fail(notRegular(path, 'a folder'));
    return fail(appError(ErrorCode.ImportInvalid, `Could not read ${basename(path)} (${code ?? 'unknown error'}).`));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail(notRegular(path, info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isSocket() ? 'a socket' : 'a special file'));
    if (info.size > maxBytes) return fail(tooLarge(path));
    return await use(handle, info.size);
  } catch (error) {
    return fail(appError(ErrorCode.ImportInvalid, `Could not read ${basename(path)} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}).`));
  } finally {
    await handle.close();
  }
}

function notRegular(path: string, what: string): ReturnType<typeof appError> {
  return appError(ErrorCode.ImportInvalid, `${basename(path)} is not a regular file (it is ${what}); choose a settings file or bundle.`);
}

function tooLarge(path: string): ReturnType<typeof appError> {
  return appError(ErrorCode.ImportInvalid, `${basename(path)} is too large to be a settings file or bundle.`);
}
