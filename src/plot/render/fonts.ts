/**
 * The fonts the PNG renderer loads. Charts ask for DejaVu Sans; resvg is given the font files
 * explicitly (never the system's font list) so a chart renders identically on every machine
 * that has them. Debian/Ubuntu: `apt-get install fonts-dejavu-core`. Other locations can be
 * given with STRATA_PLOT_FONTS (a path list, separated by ':').
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/Library/Fonts', '/System/Library/Fonts/Supplemental'];
const FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

let cached: string[] | undefined;

/** Font files for the renderer: STRATA_PLOT_FONTS if set, else DejaVu Sans (regular and bold) from the usual places. */
export function plotFontFiles(): string[] {
  if (cached) return cached;
  const env = process.env['STRATA_PLOT_FONTS'];
  if (env) {
    cached = env.split(delimiter).filter((p) => p && existsSync(p));
    if (cached.length) return cached;
  }
  for (const dir of DIRS) {
    const found = FILES.map((f) => join(dir, f)).filter((p) => existsSync(p));
    if (found.length) return (cached = found);
  }
  return (cached = []);
}
