"use client";

/** The kiosk could not even draw its frame (no translations here): try again every 30 s on its own. */
export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="pl">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          display: "flex",
          minHeight: "100vh",
          alignItems: "center",
          justifyContent: "center",
          textAlign: "center",
        }}
      >
        <div>
          <h1 style={{ fontSize: 56 }}>Chwilowa przerwa · Temporarily unavailable</h1>
          <button
            type="button"
            onClick={reset}
            style={{ fontSize: 36, minHeight: 96, padding: "0 48px", marginTop: 40 }}
          >
            Spróbuj ponownie · Try again
          </button>
          <meta httpEquiv="refresh" content="30" />
        </div>
      </body>
    </html>
  );
}
