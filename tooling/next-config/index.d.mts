import type { NextConfig } from "next";

export function createNextConfig(options?: { camera?: boolean }): NextConfig;
