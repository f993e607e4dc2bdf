import type { IpcMainInvokeEvent } from 'electron';
import { originOf } from '../../shared/security/origin-of';

/** The parts of an IPC event the guard reads (Electron's event satisfies it). */
export type SenderInfo = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Trusted-sender check for IPC: the message must come from the main frame
 * of a window we created, showing our own origin.
 */
export function makeSenderGuard(trustedIds: ReadonlySet<number>, allowedOrigins: readonly string[]): (event: SenderInfo) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    if (!trustedIds.has(event.sender.id)) return false;
    const origin = originOf(frame.url);
    return origin !== null && allowedOrigins.includes(origin);
  };
}
