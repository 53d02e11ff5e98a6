// Spreadsheets export CSV with commas, semicolons (French Excel) or tabs ("text" exports, or a
// range pasted from a sheet): the header row tells which, since it has one between every name.

export const delimiters = [',', ';', '\t'] as const;
export type Delimiter = (typeof delimiters)[number];

export interface HeaderScan {
  delimiter: Delimiter;
  /** False while the text read so far ends inside the header line: read more and scan again. */
  complete: boolean;
}

/**
 * Counts each candidate outside double quotes on the first non-empty line and keeps the most
 * frequent; a file with a single column (no delimiter at all) reads as comma-separated.
 */
export function scanHeaderLine(text: string): HeaderScan {
  let counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let blank = true;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (!blank) return { delimiter: mostFrequent(counts), complete: true };
      counts = { ',': 0, ';': 0, '\t': 0 };
    } else if (!inQuotes && c in counts) counts[c as Delimiter]++;
    if (c.trim() !== '') blank = false;
  }
  return { delimiter: mostFrequent(counts), complete: false };
}

function mostFrequent(counts: Record<Delimiter, number>): Delimiter {
  // Ties go to the first in `delimiters`: a comma before a semicolon before a tab.
  return delimiters.reduce((best, d) => (counts[d] > counts[best] ? d : best), delimiters[0] as Delimiter);
}
