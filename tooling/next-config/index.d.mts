import type { NextConfig } from "next";

export function createNextConfig(options?: { camera?: boolean; frameablePaths?: string[] }): NextConfig;
