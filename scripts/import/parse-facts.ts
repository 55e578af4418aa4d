// Facts read from prose: the reviewer's credentials, the patient's age and sex, diagnoses, and
// (for letters without a header table) dates the case summary gives.
import { group } from './match-group.ts';
import { toIsoDate } from './parse-dates.ts';

export interface Credentials {
  licensedIn: string[];
  specialties: string[];
}

const LICENSURE = /^State\(s\) of Licensure:\s*(.*)$/i;
const SPECIALTY = /^Certification\(s\)\/Specialty:\s*(.*)$/i;

// The prose they are read from:
//
//   State(s) of Licensure: California,North Carolina
//   Certification(s)/Specialty: Preventive Medicine, Occupational Medicine, Public Health &
//   General Preventive Medicine
//
//   The expert reviewer is Board Certified in Physical Medicine & Rehabilitation and Pain
//   Management, has a subspecialty in Interventional Spine and is licensed to practice in California.
//
//   The injured worker is a 48 year old male ... treated for the diagnoses of right shoulder
//   contusion, neck strain ... and right arm paresthesias.
/** Credentials from the labelled lines of the 2016–17 letters (either list may wrap). */
export function readLabelledCredentials(lines: string[]): Credentials {
  const licensedIn: string[] = [];
  const specialties: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const lic = LICENSURE.exec(lines[i]!.trim());
    const spec = SPECIALTY.exec(lines[i]!.trim());
    const label = lic ?? spec;
    if (!label) continue;
    let value = group(label, 1);
    // A wrapped list continues on the lines up to a blank or another label, wherever the wrap
    // fell: after "&" ("Public Health &" / "General Preventive Medicine") or inside a name
    // ("Occupational" / "Medicine").
    for (let next = lines[i + 1]; next !== undefined && next.trim() !== '' && !/:/.test(next); next = lines[++i + 1])
      value += ' ' + next.trim();
    (lic ? licensedIn : specialties).push(...splitList(value));
  }
  return { licensedIn: unique(licensedIn), specialties: unique(specialties) };
}

const BOARD_CERTIFIED = /Board Certified in (.+?)(?:,\s*has\b|\s+and is\b|\.\s)/i;
const SUBSPECIALTY = /subspecialty in (.+?)(?:\s+and is\b|,|\.\s)/i;
const LICENSED_PROSE = /licensed to practice in (.+?)\./i;

/** Credentials from the prose of letters without labelled lines (2014). */
export function readProseCredentials(text: string): Credentials {
  const specialties: string[] = [];
  const board = BOARD_CERTIFIED.exec(text)?.[1];
  if (board) specialties.push(...splitSpecialties(board));
  const sub = SUBSPECIALTY.exec(text)?.[1];
  if (sub) specialties.push(sub.trim());
  const licensed = LICENSED_PROSE.exec(text)?.[1];
  const licensedIn = licensed ? licensed.split(/,\s*|\s+and\s+/).map((s) => s.trim()) : [];
  return { licensedIn: unique(licensedIn.filter(Boolean)), specialties: unique(specialties.filter(Boolean)) };
}

// Specialty names that themselves contain "and", so "X and Y" is not always two specialties.
const COMPOUND_SPECIALTIES =
  /Physical Medicine and Rehabilitation|Obstetrics and Gynecology|Hospice and Palliative Medicine|Public Health and General Preventive Medicine/gi;

/** "Physical Medicine & Rehabilitation and Pain Management" -> two specialties. */
function splitSpecialties(prose: string): string[] {
  const guarded = prose.replace(COMPOUND_SPECIALTIES, (m) => m.replace(/ and /i, ' \u0000 '));
  return guarded.split(/,\s*(?:and\s+)?|\s+and\s+/).map((s) => s.replace('\u0000', 'and').trim());
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const AGE_SEX = /\b(\d{1,3})[- ]years?[- ]old,?\s+(?:(?:right|left)[- ]handed\s+)?(female|male|woman|man|gentleman|lady)\b/i;

/** Patient age and sex as the case summary states them. */
export function readPatient(summary: string): { age?: number; sex?: 'female' | 'male' } {
  const m = AGE_SEX.exec(summary);
  if (!m) return {};
  const age = Number(group(m, 1));
  const sex = /^(female|woman|lady)$/i.test(group(m, 2)) ? 'female' : 'male';
  return { ...(age >= 10 && age <= 110 ? { age } : {}), sex };
}

// "diagnoses of a, b and c." / "diagnosis is documented as x." / "Diagnoses include a, b." /
// "was diagnosed as having x and y." / "The listed diagnoses per [redacted] are: 1. A.2. B.3. C."
const DIAGNOSIS_PHRASES = [
  /\bdiagnos(?<plural>is|es)(?:,? and-or impressions,)?(?: (?:is|are|were|was|has been|have been))?(?: (?:documented|noted to|listed))?(?: (?:that )?(?:as|is|include|included|includes|of))?:? (?<list>[^.]+?)\.(?=\s+[A-Z(]|$)/i,
  /\bdiagnosed (?:as having|with) (?<list>[^.]+?)\.(?=\s+[A-Z(]|$)/i,
];
const NUMBERED_LIST = /diagnoses per \S+(?: \S+)? are:\s*(1\..+?)\.\s+(?:According|The|On|Per)\b/i;
const NUMBERED_ITEM = /(?:^|\.?\s+)\d{1,2}\.\s+/g;

/** Diagnoses named in the case summary; empty when the summary names none in a form we read. */
export function readDiagnoses(summary: string): string[] {
  const numbered = NUMBERED_LIST.exec(summary);
  if (numbered)
    return group(numbered, 1)
      .split(NUMBERED_ITEM)
      .map((s) => s.trim().replace(/\.$/, ''))
      .filter(Boolean);
  for (const phrase of DIAGNOSIS_PHRASES) {
    const m = phrase.exec(summary);
    if (!m) continue;
    const list = group(m, 'list').replace(/^"|"$/g, '').trim();
    // One diagnosis may carry commas of its own ("sprain of ligaments of lumbar spine, subsequent encounter").
    if (m.groups?.plural?.toLowerCase() === 'is') return [list];
    return splitDiagnosisList(list);
  }
  return [];
}

/** "a, b and c" / "a; b; c" -> parts; an "and" joining a single last word stays ("hand and wrist"). */
function splitDiagnosisList(list: string): string[] {
  const parts = list.includes(';') ? list.split(/;\s*(?:and\s+)?/) : list.split(/,\s*(?:and\s+)?/);
  const last = parts.pop() ?? '';
  const pair = /^(.+?)\s+and\s+(\S+\s+\S.*)$/.exec(last);
  parts.push(...(pair ? [group(pair, 1), group(pair, 2)] : [last]));
  return parts.map((s) => s.trim()).filter((s) => s.length > 1 && s.length < 200);
}

/** Dates that a header-less letter gives in prose. */
export function readProseDates(summary: string): { injury?: string; urDenial?: string } {
  const injury = /date of injury (?:of|on|is)\s+(\d{1,2}\/\d{1,2}\/\d{2,4})/i.exec(summary)?.[1];
  const ur = /Utilization review (?:denied|modified|non-certified)[^.]*?\bon (\d{1,2}\/\d{1,2}\/\d{2,4})/i.exec(summary)?.[1];
  return {
    ...(injury && toIsoDate(injury) ? { injury: toIsoDate(injury) } : {}),
    ...(ur && toIsoDate(ur) ? { urDenial: toIsoDate(ur) } : {}),
  };
}
