/** The `nn` stratum: see ARCHITECTURE.md. Its public surface is listed here as it lands. */
export {};
