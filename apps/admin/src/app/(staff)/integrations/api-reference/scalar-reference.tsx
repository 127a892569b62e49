"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";

import "@scalar/api-reference-react/style.css";

export function ScalarReference() {
  // Marked as a third party's widget: the accessibility check of our pages leaves Scalar's own styles to Scalar.
  return (
    <div data-third-party="scalar">
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
    </div>
  );
}
