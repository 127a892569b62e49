import type { IncomingMessage } from "node:http";

export const peerHeader: string;
export function stampPeer(req: IncomingMessage): void;
