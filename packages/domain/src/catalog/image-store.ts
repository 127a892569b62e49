import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

import { AwsClient } from "aws4fetch";

import { domainEnv } from "../kernel";

/** Where product pictures are kept: bytes by key. */
export type ImageStore = {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is nothing under this key. */
  get(key: string): Promise<Buffer | null>;
  delete(prefix: string): Promise<void>;
};

/** Keys are made by the platform (`<uuid>/…`); anything else never reaches the disk. */
const safeKey = (key: string) => {
  if (!/^[a-z0-9-]+(\/[a-z0-9.-]+)*$/.test(key)) throw new Error(`Unsafe image key ${key}`);
  return key;
};

/** A folder on this machine: the demo's store. Several app instances need a shared folder, or S3. */
export function localImageStore(root: string): ImageStore {
  const file = (key: string) => path.join(root, safeKey(key));
  return {
    async put(key, data) {
      await fs.mkdir(path.dirname(file(key)), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const temp = `${file(key)}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(temp, data);
      await fs.rename(temp, file(key));
    },
    async get(key) {
      try {
        return await fs.readFile(file(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(prefix) {
      await fs.rm(file(prefix), { recursive: true, force: true });
    },
  };
}

/** Any S3-compatible bucket, signed with AWS Signature V4 (aws4fetch); path-style addressing. */
export function s3ImageStore(options: {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}): ImageStore {
  const client = new AwsClient({
    accessKeyId: options.accessKeyId,
    secretAccessKey: options.secretAccessKey,
    region: options.region,
    service: "s3",
  });
  const url = (key: string) => `${options.endpoint.replace(/\/$/, "")}/${options.bucket}/${safeKey(key)}`;
  return {
    async put(key, data, contentType) {
      const response = await client.fetch(url(key), {
        method: "PUT",
        body: new Uint8Array(data),
        headers: { "content-type": contentType },
      });
      if (!response.ok) throw new Error(`The image store answered ${response.status} to storing ${key}`);
    },
    async get(key) {
      const response = await client.fetch(url(key));
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`The image store answered ${response.status} to reading ${key}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async delete(prefix) {
      // Only the original is deleted by name (finding the resized copies would need a listing): the copies are
      // small, unreachable once the row is gone, and a bucket lifecycle rule can expire them.
      await client.fetch(url(`${prefix}/original`), { method: "DELETE" });
    },
  };
}

/** Walks up from the working directory to the workspace root (apps run in apps/<name>, scripts at the root). */
function workspaceRoot(from = process.cwd()): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "pnpm-workspace.yaml"))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

let configured: ImageStore | undefined;

/** The image store the settings name: S3 when a bucket is set, else a local folder. */
export function imageStoreFromSettings(): ImageStore {
  if (configured) return configured;
  const env = domainEnv;
  configured =
    env.OMNI_IMAGES_S3_BUCKET && env.OMNI_IMAGES_S3_ACCESS_KEY_ID && env.OMNI_IMAGES_S3_SECRET_ACCESS_KEY
      ? s3ImageStore({
          endpoint: env.OMNI_IMAGES_S3_ENDPOINT,
          bucket: env.OMNI_IMAGES_S3_BUCKET,
          region: env.OMNI_IMAGES_S3_REGION,
          accessKeyId: env.OMNI_IMAGES_S3_ACCESS_KEY_ID,
          secretAccessKey: env.OMNI_IMAGES_S3_SECRET_ACCESS_KEY,
        })
      : localImageStore(env.OMNI_IMAGES_DIR ?? path.join(workspaceRoot(), ".data", "images"));
  return configured;
}
