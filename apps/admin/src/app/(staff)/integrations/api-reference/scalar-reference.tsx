"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";

import "@scalar/api-reference-react/style.css";

export function ScalarReference() {
  return (
    <ApiReferenceReact
      configuration={{
        url: "/api/openapi.json",
        // Nothing from outside: no font CDN, no telemetry, no request proxy.
        withDefaultFonts: false,
        telemetry: false,
        hideDarkModeToggle: true,
        forceDarkModeState: "light",
      }}
    />
  );
}
