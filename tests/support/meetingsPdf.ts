import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** Writes a small real PDF (one page per line of `lines`) for meeting papers in tests; returns its path. */
export async function writeTestPdf(dir: string, fileName: string, lines: string[]): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const line of lines) pdf.addPage([420, 595]).drawText(line, { x: 40, y: 540, size: 14, font });
  const file = path.join(dir, fileName);
  await writeFile(file, await pdf.save());
  return file;
}
