/**
 * Turns the benchmark's one synthetic 江西省 register into N provinces side by side: facility i goes to
 * province i mod N, keeps its county digits under that province's code, and moves east by N widths of
 * Jiangxi's box, so the provinces' boxes touch and a radius near a border crosses it, as in the nation.
 */
import { DatabaseSync } from 'node:sqlite';
import { jiangxiBounds } from './syntheticRegister.ts';

/** Real two-digit codes, in the order provinces are added. */
export const benchProvinceCodes = ['36', '35', '44', '43', '42', '34', '33', '32', '41', '37', '13', '14', '61', '62', '51', '52', '53', '45', '46', '50', '31', '12', '11', '21', '22', '23', '15', '64', '63', '65', '54'];

export const provinceWidthDeg = jiangxiBounds.maxLng - jiangxiBounds.minLng;

export function spreadIntoProvinces(path: string, provinces: number): string[] {
  const codes = benchProvinceCodes.slice(0, provinces);
  const db = new DatabaseSync(path);
  try {
    db.exec('BEGIN');
    const update = db.prepare(
      `UPDATE facilities SET county_code = ? || substr(county_code, 3), lng = round(lng + ?, 6) WHERE (rowid - 1) % ? = ?`,
    );
    codes.forEach((code, p) => {
      update.run(code, p * provinceWidthDeg, provinces, p);
    });
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  return codes;
}
