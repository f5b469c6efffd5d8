/** The `export` stratum: see ARCHITECTURE.md. Its public surface is listed here as it lands. */
export {};
